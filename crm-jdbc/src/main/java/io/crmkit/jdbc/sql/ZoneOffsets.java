package io.crmkit.jdbc.sql;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The UTC offsets a zone uses over a range of instants, so SQL can shift stored UTC instants to the
 * zone's local date with plain arithmetic: one segment for a zone without transitions in the range
 * (Asia/Shanghai), two per year for a zone with daylight saving time.
 */
final class ZoneOffsets {
    private ZoneOffsets() {}

    /**
     * One offset in force from an instant on.
     *
     * @param from when it starts (null for the first segment, which holds from the beginning)
     * @param offsetSeconds the offset from UTC, in seconds
     */
    record Segment(Instant from, int offsetSeconds) {}

    /**
     * The segments covering {@code min} to {@code max}, in order: the first holds at {@code min}, each
     * next one starts at a transition after it, up to {@code max}. With no range (null bounds, no
     * instants to shift) a single segment, which then shifts nothing.
     */
    static List<Segment> between(ZoneId zone, Instant min, Instant max) {
        ZoneRules rules = zone.getRules();
        List<Segment> segments = new ArrayList<>();
        if (min == null || max == null) {
            segments.add(new Segment(null, rules.getOffset(Instant.EPOCH).getTotalSeconds()));
            return segments;
        }
        segments.add(new Segment(null, rules.getOffset(min).getTotalSeconds()));
        ZoneOffsetTransition next = rules.nextTransition(min);
        while (next != null && !next.getInstant().isAfter(max)) {
            segments.add(new Segment(next.getInstant(), next.getOffsetAfter().getTotalSeconds()));
            next = rules.nextTransition(next.getInstant());
        }
        return segments;
    }
}
