package io.crmkit.core.pool;

import io.crmkit.core.condition.FieldNames;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of a pool, public pool (公海) or lead pool (线索池) alike: every rule group of the
 * product, as one validated value. It is configuration, never constants in code: build it with
 * {@link #builder()} (which starts from {@link #defaults()}) and change one setting at a time with
 * {@link #toBuilder()}. The rules module applies it; a store persists it as JSON.
 *
 * <p>Admins and members (rule groups 1 and 2) are part of the pool itself; everything else is here.
 * "Days" are calendar days in the tenant's time zone.
 *
 * @param claimPolicy whether members claim or only admins assign (group 3)
 * @param maxHeldPerMember holding limit (保有规则, group 4): the most records from this pool one member
 *     may own at a time, 1 to {@link #MAX_LIMIT}; or null for no limit
 * @param wonRecordsCount whether records with a won deal count towards {@code maxHeldPerMember}
 * @param dailyClaimLimit the most records one member may claim from this pool per day, 1 to
 *     {@link #MAX_LIMIT}; or null for no limit
 * @param claimableAfter how long a record newly put into the pool (returned, recycled, added) waits
 *     before it can be claimed; zero or more, at most {@link #MAX_DAYS} days. Stops the former owner
 *     or a watcher from grabbing it back at once
 * @param transferAllowed whether a claimed record may be transferred to another pool (group 5)
 * @param returnOnlyToOrigin whether a record may be returned only to the pool it came from
 * @param callerChoosesReturnPool whether the user returning a record picks the pool it goes to;
 *     only possible when {@code returnOnlyToOrigin} is false (otherwise the record goes back to its
 *     origin pool)
 * @param reclaimCooldownDays re-claim cooldown (group 6): days after returning a record, or after it
 *     was recycled from them, during which a member may not claim the same record again; 0 to
 *     {@link #MAX_DAYS}, 0 for none
 * @param ownerChangeTeamPolicy whether the former owner's team is kept or cleared when the owner
 *     changes (group 7)
 * @param forcedOwnerChangeAllowed whether an admin may replace the owner of a record that is already
 *     owned (group 8)
 * @param recycleRules recycle rules (收回规则, group 9) in priority order, first match wins; ids
 *     unique; empty for no automatic recycling
 * @param recycleWonRecords whether recycle rules also take back records with a won deal (default
 *     false: a customer who bought stays with the seller who won them)
 * @param reminderRules reminder rules (group 10); ids unique
 * @param publicFields field names non-owners see for the pool's records (group 11): standard names
 *     or {@code custom.<name>}; every other field is masked. Empty masks everything but the record's
 *     id, so set it to what members need to pick records (for example {@code name}, {@code level})
 * @param relatedDataVisibleBeforeClaim whether an unclaimed record's related data (change log,
 *     follow-ups) is visible to members (group 12)
 * @param membersMayReadPoolLog whether members may read the pool log (group 12); admins always may
 */
public record PoolRules(
        ClaimPolicy claimPolicy,
        Integer maxHeldPerMember,
        boolean wonRecordsCount,
        Integer dailyClaimLimit,
        Duration claimableAfter,
        boolean transferAllowed,
        boolean returnOnlyToOrigin,
        boolean callerChoosesReturnPool,
        int reclaimCooldownDays,
        OwnerChangeTeamPolicy ownerChangeTeamPolicy,
        boolean forcedOwnerChangeAllowed,
        List<RecycleRule> recycleRules,
        boolean recycleWonRecords,
        List<ReminderRule> reminderRules,
        Set<String> publicFields,
        boolean relatedDataVisibleBeforeClaim,
        boolean membersMayReadPoolLog) {

    /** The largest number of days any pool setting may name (ten years). */
    public static final int MAX_DAYS = 3650;

    /** The largest holding or daily claim limit. */
    public static final int MAX_LIMIT = 1_000_000;

    private static final PoolRules DEFAULTS = new Builder().build();

    /**
     * Validates every setting and their consistency.
     *
     * @throws ValidationException with {@code FIELD_*} codes for a missing or out-of-range setting
     *     or a malformed field name, or {@code POOL_RULES_INVALID} for settings that contradict
     *     each other (duplicate rule ids, choosing a return pool while returns go only to the origin)
     */
    public PoolRules {
        Checks.required("claimPolicy", claimPolicy);
        PoolChecks.optionalLimit("maxHeldPerMember", maxHeldPerMember, MAX_LIMIT);
        PoolChecks.optionalLimit("dailyClaimLimit", dailyClaimLimit, MAX_LIMIT);
        Checks.required("claimableAfter", claimableAfter);
        if (claimableAfter.isNegative()) {
            throw ValidationException.of("claimableAfter", ErrorCode.FIELD_NEGATIVE, claimableAfter);
        }
        if (claimableAfter.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw ValidationException.of("claimableAfter", ErrorCode.FIELD_OUT_OF_RANGE,
                    Duration.ZERO, Duration.ofDays(MAX_DAYS), claimableAfter);
        }
        if (returnOnlyToOrigin && callerChoosesReturnPool) {
            throw PoolChecks.invalid("callerChoosesReturnPool", "return-conflict");
        }
        Checks.range("reclaimCooldownDays", reclaimCooldownDays, 0, MAX_DAYS);
        Checks.required("ownerChangeTeamPolicy", ownerChangeTeamPolicy);
        recycleRules = Checks.list("recycleRules", recycleRules);
        PoolChecks.requireUniqueIds("recycleRules", recycleRules, RecycleRule::id);
        reminderRules = Checks.list("reminderRules", reminderRules);
        PoolChecks.requireUniqueIds("reminderRules", reminderRules, ReminderRule::id);
        publicFields = Checks.set("publicFields", publicFields);
        for (String field : publicFields) {
            FieldNames.require("publicFields[]", field);
        }
    }

    /**
     * The defaults: members claim; no holding limit (won records would count), no daily limit,
     * claimable at once; transfers allowed, returns only to the origin pool; no re-claim cooldown;
     * the team is kept on owner change; no forced owner change; no recycle or reminder rules, won
     * records never recycled; no public fields; related data and the pool log hidden from members.
     * Everything the library would otherwise impose is off; a tenant turns on what it uses.
     */
    public static PoolRules defaults() {
        return DEFAULTS;
    }

    /** Whether a holding limit applies. */
    public boolean limitsHolding() {
        return maxHeldPerMember != null;
    }

    /** Whether non-owners see {@code field} (a standard name or {@code custom.<name>}). */
    public boolean isPublic(String field) {
        return publicFields.contains(field);
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these rules, to change some settings. */
    public Builder toBuilder() {
        return new Builder()
                .claimPolicy(claimPolicy)
                .maxHeldPerMember(maxHeldPerMember)
                .wonRecordsCount(wonRecordsCount)
                .dailyClaimLimit(dailyClaimLimit)
                .claimableAfter(claimableAfter)
                .transferAllowed(transferAllowed)
                .returnOnlyToOrigin(returnOnlyToOrigin)
                .callerChoosesReturnPool(callerChoosesReturnPool)
                .reclaimCooldownDays(reclaimCooldownDays)
                .ownerChangeTeamPolicy(ownerChangeTeamPolicy)
                .forcedOwnerChangeAllowed(forcedOwnerChangeAllowed)
                .recycleRules(recycleRules)
                .recycleWonRecords(recycleWonRecords)
                .reminderRules(reminderRules)
                .publicFields(publicFields)
                .relatedDataVisibleBeforeClaim(relatedDataVisibleBeforeClaim)
                .membersMayReadPoolLog(membersMayReadPoolLog);
    }

    /**
     * Builds {@link PoolRules}, starting from the {@linkplain PoolRules#defaults() defaults};
     * {@link #build()} validates like the constructor.
     */
    public static final class Builder {
        private ClaimPolicy claimPolicy = ClaimPolicy.MEMBERS_CLAIM;
        private Integer maxHeldPerMember;
        private boolean wonRecordsCount = true;
        private Integer dailyClaimLimit;
        private Duration claimableAfter = Duration.ZERO;
        private boolean transferAllowed = true;
        private boolean returnOnlyToOrigin = true;
        private boolean callerChoosesReturnPool;
        private int reclaimCooldownDays;
        private OwnerChangeTeamPolicy ownerChangeTeamPolicy = OwnerChangeTeamPolicy.KEEP_TEAM;
        private boolean forcedOwnerChangeAllowed;
        private List<RecycleRule> recycleRules = new ArrayList<>();
        private boolean recycleWonRecords;
        private List<ReminderRule> reminderRules = new ArrayList<>();
        private Set<String> publicFields = new LinkedHashSet<>();
        private boolean relatedDataVisibleBeforeClaim;
        private boolean membersMayReadPoolLog;

        private Builder() {}

        /** Sets {@link PoolRules#claimPolicy()}. */
        public Builder claimPolicy(ClaimPolicy claimPolicy) {
            this.claimPolicy = claimPolicy;
            return this;
        }

        /** Sets {@link PoolRules#maxHeldPerMember()}; null for no limit. */
        public Builder maxHeldPerMember(Integer maxHeldPerMember) {
            this.maxHeldPerMember = maxHeldPerMember;
            return this;
        }

        /** Sets {@link PoolRules#wonRecordsCount()}. */
        public Builder wonRecordsCount(boolean wonRecordsCount) {
            this.wonRecordsCount = wonRecordsCount;
            return this;
        }

        /** Sets {@link PoolRules#dailyClaimLimit()}; null for no limit. */
        public Builder dailyClaimLimit(Integer dailyClaimLimit) {
            this.dailyClaimLimit = dailyClaimLimit;
            return this;
        }

        /** Sets {@link PoolRules#claimableAfter()}. */
        public Builder claimableAfter(Duration claimableAfter) {
            this.claimableAfter = claimableAfter;
            return this;
        }

        /** Sets {@link PoolRules#transferAllowed()}. */
        public Builder transferAllowed(boolean transferAllowed) {
            this.transferAllowed = transferAllowed;
            return this;
        }

        /** Sets {@link PoolRules#returnOnlyToOrigin()}. */
        public Builder returnOnlyToOrigin(boolean returnOnlyToOrigin) {
            this.returnOnlyToOrigin = returnOnlyToOrigin;
            return this;
        }

        /** Sets {@link PoolRules#callerChoosesReturnPool()}. */
        public Builder callerChoosesReturnPool(boolean callerChoosesReturnPool) {
            this.callerChoosesReturnPool = callerChoosesReturnPool;
            return this;
        }

        /** Sets {@link PoolRules#reclaimCooldownDays()}. */
        public Builder reclaimCooldownDays(int reclaimCooldownDays) {
            this.reclaimCooldownDays = reclaimCooldownDays;
            return this;
        }

        /** Sets {@link PoolRules#ownerChangeTeamPolicy()}. */
        public Builder ownerChangeTeamPolicy(OwnerChangeTeamPolicy ownerChangeTeamPolicy) {
            this.ownerChangeTeamPolicy = ownerChangeTeamPolicy;
            return this;
        }

        /** Sets {@link PoolRules#forcedOwnerChangeAllowed()}. */
        public Builder forcedOwnerChangeAllowed(boolean forcedOwnerChangeAllowed) {
            this.forcedOwnerChangeAllowed = forcedOwnerChangeAllowed;
            return this;
        }

        /** Replaces {@link PoolRules#recycleRules()}, in priority order; null means none. */
        public Builder recycleRules(Collection<RecycleRule> recycleRules) {
            this.recycleRules = recycleRules == null ? new ArrayList<>() : new ArrayList<>(recycleRules);
            return this;
        }

        /** Appends a recycle rule, with the lowest priority so far. */
        public Builder addRecycleRule(RecycleRule rule) {
            this.recycleRules.add(rule);
            return this;
        }

        /** Sets {@link PoolRules#recycleWonRecords()}. */
        public Builder recycleWonRecords(boolean recycleWonRecords) {
            this.recycleWonRecords = recycleWonRecords;
            return this;
        }

        /** Replaces {@link PoolRules#reminderRules()}; null means none. */
        public Builder reminderRules(Collection<ReminderRule> reminderRules) {
            this.reminderRules = reminderRules == null ? new ArrayList<>() : new ArrayList<>(reminderRules);
            return this;
        }

        /** Appends a reminder rule. */
        public Builder addReminderRule(ReminderRule rule) {
            this.reminderRules.add(rule);
            return this;
        }

        /** Replaces {@link PoolRules#publicFields()}; null means none. */
        public Builder publicFields(Collection<String> publicFields) {
            this.publicFields = publicFields == null ? new LinkedHashSet<>() : new LinkedHashSet<>(publicFields);
            return this;
        }

        /** Sets {@link PoolRules#publicFields()} to {@code fields}. */
        public Builder publicFields(String... fields) {
            return publicFields(List.of(fields));
        }

        /** Sets {@link PoolRules#relatedDataVisibleBeforeClaim()}. */
        public Builder relatedDataVisibleBeforeClaim(boolean relatedDataVisibleBeforeClaim) {
            this.relatedDataVisibleBeforeClaim = relatedDataVisibleBeforeClaim;
            return this;
        }

        /** Sets {@link PoolRules#membersMayReadPoolLog()}. */
        public Builder membersMayReadPoolLog(boolean membersMayReadPoolLog) {
            this.membersMayReadPoolLog = membersMayReadPoolLog;
            return this;
        }

        /**
         * The rules.
         *
         * @throws ValidationException as the constructor does, naming the setting to fix
         */
        public PoolRules build() {
            return new PoolRules(claimPolicy, maxHeldPerMember, wonRecordsCount, dailyClaimLimit,
                    claimableAfter, transferAllowed, returnOnlyToOrigin, callerChoosesReturnPool,
                    reclaimCooldownDays, ownerChangeTeamPolicy, forcedOwnerChangeAllowed, recycleRules,
                    recycleWonRecords, reminderRules, publicFields, relatedDataVisibleBeforeClaim,
                    membersMayReadPoolLog);
        }
    }
}
