package io.exchangehub.component;

import java.time.Duration;
import java.util.Optional;

/**
 * Small durable state a component must not lose across restarts and must share across hub
 * instances: EWS sync states and watermarks, Graph delta links, subscription ids and their
 * client states. Keys are namespaced by the caller.
 */
public interface StateStore {

    Optional<String> get(String key);

    void put(String key, String value);

    /** Stores a value that expires, e.g. a subscription's client state. */
    void put(String key, String value, Duration timeToLive);

    /** Sets the value only if the key has none; returns whether it did (a lock or a de-duplication mark). */
    boolean putIfAbsent(String key, String value, Duration timeToLive);

    void delete(String key);
}
