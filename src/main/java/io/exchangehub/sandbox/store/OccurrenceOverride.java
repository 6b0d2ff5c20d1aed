package io.exchangehub.sandbox.store;

import java.time.Instant;

/**
 * A changed occurrence of a recurring series (an "exception" in Exchange's terms).
 *
 * @param start    the occurrence's new start
 * @param end      its new end
 * @param subject  its subject, null when the series' applies
 * @param location its location, null when the series' applies
 * @param body     its body, null when the series' applies
 * @param version  bumped on each change, part of the occurrence's ChangeKey
 * @param lastModified when it was last changed
 */
public record OccurrenceOverride(Instant start, Instant end, String subject, String location, Body body, int version,
        Instant lastModified) {}
