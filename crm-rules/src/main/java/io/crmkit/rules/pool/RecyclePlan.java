package io.crmkit.rules.pool;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.pool.InactivityBasis;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.pool.RecycleRule;
import io.crmkit.core.pool.ReminderRule;
import io.crmkit.core.record.CustomValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The store condition queries of one public pool's recycle and reminder rules at one instant. Each
 * query is set-based: the store evaluates it (a SQL store as a WHERE clause) and the sweep pages
 * through what matches; nothing is loaded to be filtered.
 *
 * <p><b>First match wins.</b> A rule governs the accounts its condition tree matches, unless an
 * earlier rule's tree matches them: each rule's queries carry {@code not(tree)} of every earlier rule
 * that has one, and a rule without a tree (matching everything) ends the list. So an account is
 * recycled, warned and dated by one rule only, whatever its inactivity, and the exclusion holds across
 * sweeps and hosts (a set of ids handled in this run would not: it would let a later rule warn about,
 * or recycle, an account an earlier rule governs but does not find due yet). A consequence: when the
 * store cannot run an earlier rule's tree (a field accounts do not have), the later rules' queries fail
 * too, and the sweep reports them all rather than guess which accounts the broken rule governs.
 *
 * <p><b>Inactivity</b> of {@code d} days counts from the later of the basis field (last follow-up or
 * last deal) and {@code ownedSince}: both {@code daysSince(field, d)}, in calendar days of the tenant's
 * zone. So an account claimed on day 0 (tenant calendar) and never followed up is due on day {@code d}.
 *
 * <p><b>Per-level limits</b> ({@link RecycleRule#daysFor}): one query per distinct limit over the levels
 * that have it, plus one with the rule's days for every other level (or none).
 */
final class RecyclePlan {
    static final String OWNED_SINCE = "ownedSince";
    static final String DEFERRED = "recycleDeferredUntil";

    /** One query of a recycle rule: the accounts it governs ({@code governs}, null for all) due after {@code days}. */
    record Step(RecycleRule rule, Condition governs, int days) {
        /** The accounts due now (recycle). */
        Condition due(Condition base) {
            return all(base, governs, inactive(rule.basis(), days));
        }

        /** The accounts due within the rule's warning days, and not due now (warn). */
        Condition warn(Condition base, Instant now) {
            Condition notDue = Condition.any(
                    Condition.not(inactive(rule.basis(), days)),
                    Condition.gt(DEFERRED, new CustomValue.Timestamp(now)));
            return all(base, governs, inactive(rule.basis(), days - rule.warnDaysBefore()), notDue);
        }

        /**
         * The tenant date on which the account becomes due: {@code days} after the later of its basis date
         * and ownership date, or the date its approved extension ends if that is later.
         */
        LocalDate dueDate(Account account, Instant now, ZoneId zone) {
            LocalDate due = inactiveFrom(account, rule.basis(), zone).plusDays(days);
            Instant deferred = account.recycleDeferredUntil();
            if (deferred != null && deferred.isAfter(now)) {
                LocalDate until = LocalDate.ofInstant(deferred, zone);
                return until.isAfter(due) ? until : due;
            }
            return due;
        }
    }

    private RecyclePlan() {}

    /** The recycle queries of {@code pool}, in the rules' priority order. */
    static List<Step> steps(Pool pool) {
        List<Step> steps = new ArrayList<>();
        List<Condition> earlier = new ArrayList<>();
        for (RecycleRule rule : pool.rules().recycleRules()) {
            List<Condition> scope = new ArrayList<>();
            earlier.forEach(c -> scope.add(Condition.not(c)));
            if (rule.condition() != null) {
                scope.add(rule.condition());
            }
            Map<Integer, List<CustomValue>> byLimit = new TreeMap<>();
            List<CustomValue> limited = new ArrayList<>();
            rule.daysByLevel().forEach((level, days) -> {
                byLimit.computeIfAbsent(days, d -> new ArrayList<>()).add(new CustomValue.Text(level));
                limited.add(new CustomValue.Text(level));
            });
            byLimit.forEach((days, levels) -> steps.add(new Step(rule, and(scope, Condition.in("level", levels)), days)));
            Condition others = limited.isEmpty() ? null
                    : Condition.any(Condition.isNull("level"), Condition.notIn("level", limited));
            steps.add(new Step(rule, and(scope, others), rule.days()));
            if (rule.condition() == null) {
                break; // matches every account: later rules govern nothing
            }
            earlier.add(rule.condition());
        }
        return steps;
    }

    /**
     * The accounts a recycle rule may touch: owned, from {@code pool}, not locked, not voided, not won
     * unless the pool recycles won records, and not deferred beyond {@code deferredBefore}.
     */
    static Condition recyclable(Pool pool, Instant deferredBefore) {
        List<Condition> parts = new ArrayList<>(owned(pool));
        parts.add(Condition.eq("locked", new CustomValue.Flag(false)));
        if (!pool.rules().recycleWonRecords()) {
            parts.add(Condition.ne("dealStatus", new CustomValue.Choice(DealStatus.WON.name())));
        }
        parts.add(Condition.any(Condition.isNull(DEFERRED),
                Condition.le(DEFERRED, new CustomValue.Timestamp(deferredBefore))));
        return Condition.all(parts);
    }

    /** The accounts a reminder rule of {@code pool} reminds about once inactive for its days. */
    static Condition reminder(Pool pool, ReminderRule rule) {
        List<Condition> parts = new ArrayList<>(owned(pool));
        parts.add(inactive(rule.basis(), rule.days()));
        return Condition.all(parts);
    }

    /** Owned, from {@code pool}, out of the recycle bin. */
    private static List<Condition> owned(Pool pool) {
        List<Condition> parts = new ArrayList<>();
        parts.add(Condition.eq("poolId", new CustomValue.Text(pool.id().value())));
        parts.add(Condition.isNotNull("owner"));
        parts.add(Condition.eq("voided", new CustomValue.Flag(false)));
        return parts;
    }

    /** Inactive for {@code days}: since the later of the basis field and the ownership start. */
    static Condition inactive(InactivityBasis basis, int days) {
        return Condition.all(Condition.daysSince(field(basis), days), Condition.daysSince(OWNED_SINCE, days));
    }

    /** The tenant date inactivity counts from: the later of the basis date and the ownership date. */
    static LocalDate inactiveFrom(Account account, InactivityBasis basis, ZoneId zone) {
        LocalDate owned = LocalDate.ofInstant(account.ownedSince(), zone);
        Instant last = basis == InactivityBasis.NO_DEAL ? account.lastDealAt() : account.lastFollowUpAt();
        if (last == null) {
            return owned;
        }
        LocalDate lastDate = LocalDate.ofInstant(last, zone);
        return lastDate.isAfter(owned) ? lastDate : owned;
    }

    static String field(InactivityBasis basis) {
        return basis == InactivityBasis.NO_DEAL ? "lastDealAt" : "lastFollowUpAt";
    }

    /** {@code scope} and {@code extra}, or null (no restriction) when both are empty. */
    private static Condition and(List<Condition> scope, Condition extra) {
        List<Condition> parts = new ArrayList<>(scope);
        if (extra != null) {
            parts.add(extra);
        }
        return parts.isEmpty() ? null : Condition.all(parts);
    }

    /** All the non-null {@code parts}. */
    private static Condition all(Condition... parts) {
        List<Condition> present = new ArrayList<>();
        for (Condition part : parts) {
            if (part != null) {
                present.add(part);
            }
        }
        return Condition.all(present);
    }
}
