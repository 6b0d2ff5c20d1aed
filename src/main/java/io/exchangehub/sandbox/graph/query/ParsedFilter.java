package io.exchangehub.sandbox.graph.query;

import java.util.List;
import java.util.function.Predicate;

/**
 * A {@code $filter} ready to evaluate.
 *
 * @param predicate  what an object must satisfy
 * @param properties the property paths it names, in the order they appear (Outlook's rule on
 *                   {@code $orderby} with {@code $filter} depends on it)
 */
public record ParsedFilter<T>(Predicate<T> predicate, List<String> properties) {}
