package io.crmkit.core.pool;

import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A recycle rule (收回规则): records that match {@link #condition()} and have had no follow-up (or
 * no deal) for {@link #days()} days go back to the pool automatically. A pool holds several, in
 * priority order; the first matching rule decides.
 *
 * <p>For example "important accounts without follow-up for 15 days, warn 3 days before, others after
 * 30 days": {@code days = 30, daysByLevel = {important: 15}, warnDaysBefore = 3}.
 *
 * @param id the rule's id, unique within the pool (letters, digits and {@code . _ : -})
 * @param name a name admins recognise, at most {@value #MAX_NAME} characters; stored stripped
 * @param condition which records the rule applies to, or null for every record of the pool
 * @param basis what kind of inactivity is counted
 * @param days days of inactivity after which a record is recycled, 1 to {@link PoolRules#MAX_DAYS};
 *     the limit for every level not listed in {@code daysByLevel}
 * @param daysByLevel optional limits per level code (for example {@code A -> 15}), each 1 to
 *     {@link PoolRules#MAX_DAYS}; empty when every level uses {@code days}
 * @param warnDaysBefore how many days before the recycle the owner and team are warned; 0 for no
 *     warning; less than {@code days} and than every per-level limit, so the warning comes first
 * @param extensionAllowed whether the owner may request an extension (approved through the host's
 *     approval gateway); an approved extension postpones the recycle
 * @param maxExtensionDays the longest extension one request may ask for: 1 to
 *     {@link PoolRules#MAX_DAYS} when extensions are allowed, otherwise 0
 */
public record RecycleRule(
        String id,
        String name,
        Condition condition,
        InactivityBasis basis,
        int days,
        Map<String, Integer> daysByLevel,
        int warnDaysBefore,
        boolean extensionAllowed,
        int maxExtensionDays) {

    /** Longest rule name. */
    public static final int MAX_NAME = 100;

    /** Longest level code. */
    public static final int MAX_LEVEL_CODE = 64;

    /**
     * Validates every part and their consistency.
     *
     * @throws ValidationException with {@code FIELD_*} codes for a missing or out-of-range part, or
     *     {@code POOL_RULES_INVALID} when the warning is not before the recycle or extension days
     *     are set without extensions
     */
    public RecycleRule {
        Checks.id("id", id);
        name = Checks.text("name", name, MAX_NAME);
        Checks.required("basis", basis);
        Checks.range("days", days, 1, PoolRules.MAX_DAYS);
        daysByLevel = Checks.map("daysByLevel", daysByLevel);
        daysByLevel.forEach((level, limit) -> {
            if (!level.equals(Checks.text("daysByLevel{}", level, MAX_LEVEL_CODE))) {
                throw ValidationException.of("daysByLevel{}", ErrorCode.FIELD_INVALID,
                        "level code '" + level + "' must not start or end with spaces");
            }
            Checks.range("daysByLevel[" + level + "]", limit, 1, PoolRules.MAX_DAYS);
        });
        Checks.range("warnDaysBefore", warnDaysBefore, 0, PoolRules.MAX_DAYS);
        if (warnDaysBefore > 0) {
            if (warnDaysBefore >= days) {
                throw PoolChecks.invalid("warnDaysBefore", "warn-not-before", warnDaysBefore, "days", days);
            }
            for (Map.Entry<String, Integer> e : daysByLevel.entrySet()) {
                if (warnDaysBefore >= e.getValue()) {
                    throw PoolChecks.invalid("warnDaysBefore", "warn-not-before",
                            warnDaysBefore, "daysByLevel[" + e.getKey() + "]", e.getValue());
                }
            }
        }
        if (extensionAllowed) {
            Checks.range("maxExtensionDays", maxExtensionDays, 1, PoolRules.MAX_DAYS);
        } else if (maxExtensionDays != 0) {
            throw PoolChecks.invalid("maxExtensionDays", "extension-days", maxExtensionDays);
        }
    }

    /**
     * The inactivity limit in days for a record of {@code level}: its entry in
     * {@link #daysByLevel()}, or {@link #days()} when the level has none or is null.
     */
    public int daysFor(String level) {
        Integer limit = level == null ? null : daysByLevel.get(level);
        return limit == null ? days : limit;
    }

    /** Whether the rule warns before recycling. */
    public boolean warns() {
        return warnDaysBefore > 0;
    }

    /**
     * A builder with basis {@link InactivityBasis#NO_FOLLOW_UP}, no condition, no per-level limits,
     * no warning and no extensions; id, name and days must be set.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this rule's values, to make a modified copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id)
                .name(name)
                .condition(condition)
                .basis(basis)
                .days(days)
                .daysByLevel(daysByLevel)
                .warnDaysBefore(warnDaysBefore)
                .extensionAllowed(extensionAllowed)
                .maxExtensionDays(maxExtensionDays);
    }

    /** Builds a {@link RecycleRule}; {@link #build()} validates like the constructor. */
    public static final class Builder {
        private String id;
        private String name;
        private Condition condition;
        private InactivityBasis basis = InactivityBasis.NO_FOLLOW_UP;
        private int days;
        private Map<String, Integer> daysByLevel = new LinkedHashMap<>();
        private int warnDaysBefore;
        private boolean extensionAllowed;
        private int maxExtensionDays;

        private Builder() {}

        /** Sets {@link RecycleRule#id()}. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Sets {@link RecycleRule#name()}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets {@link RecycleRule#condition()}; null for every record. */
        public Builder condition(Condition condition) {
            this.condition = condition;
            return this;
        }

        /** Sets {@link RecycleRule#basis()}. */
        public Builder basis(InactivityBasis basis) {
            this.basis = basis;
            return this;
        }

        /** Sets {@link RecycleRule#days()}. */
        public Builder days(int days) {
            this.days = days;
            return this;
        }

        /** Replaces {@link RecycleRule#daysByLevel()}; null means none. */
        public Builder daysByLevel(Map<String, Integer> daysByLevel) {
            this.daysByLevel = daysByLevel == null ? new LinkedHashMap<>() : new LinkedHashMap<>(daysByLevel);
            return this;
        }

        /** Sets the limit for one level code, keeping the others. */
        public Builder daysForLevel(String level, int days) {
            this.daysByLevel.put(level, days);
            return this;
        }

        /** Sets {@link RecycleRule#warnDaysBefore()}. */
        public Builder warnDaysBefore(int warnDaysBefore) {
            this.warnDaysBefore = warnDaysBefore;
            return this;
        }

        /** Sets {@link RecycleRule#extensionAllowed()}. */
        public Builder extensionAllowed(boolean extensionAllowed) {
            this.extensionAllowed = extensionAllowed;
            return this;
        }

        /** Sets {@link RecycleRule#maxExtensionDays()}. */
        public Builder maxExtensionDays(int maxExtensionDays) {
            this.maxExtensionDays = maxExtensionDays;
            return this;
        }

        /**
         * The rule.
         *
         * @throws ValidationException as the constructor does
         */
        public RecycleRule build() {
            return new RecycleRule(id, name, condition, basis, days, daysByLevel,
                    warnDaysBefore, extensionAllowed, maxExtensionDays);
        }
    }
}
