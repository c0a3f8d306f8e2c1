package io.crmkit.rules.pool;

import io.crmkit.core.condition.Condition;
import io.crmkit.core.pool.InactivityBasis;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.pool.RecycleRule;
import io.crmkit.core.pool.ReminderRule;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.Owned;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The store condition queries of one pool's recycle and reminder rules at one instant, for any
 * {@link SweepKind} of records (accounts of public pools, leads of lead pools). Each
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
 * that have it, plus one with the rule's days for every other level (or none). Only for kinds with a
 * {@code level} field ({@link SweepKind#hasLevels()}); leads have none, so a lead pool's rule applies
 * its {@link RecycleRule#days()} to every lead.
 *
 * <p>Leads have no extensions: their queries carry no {@code recycleDeferredUntil} condition.
 */
final class RecyclePlan {
    static final String OWNED_SINCE = "ownedSince";

    /** One query of a recycle rule: the records it governs ({@code governs}, null for all) due after {@code days}. */
    record Step(RecycleRule rule, Condition governs, int days) {
        /** The records due now (recycle). */
        Condition due(SweepKind<?> kind, Condition base) {
            return all(base, governs, inactive(kind, rule.basis(), days));
        }

        /** The records due within the rule's warning days, and not due now (warn). */
        Condition warn(SweepKind<?> kind, Condition base, Instant now) {
            Condition notDue = Condition.not(inactive(kind, rule.basis(), days));
            if (kind.deferredField() != null) {
                notDue = Condition.any(notDue, Condition.gt(kind.deferredField(), new CustomValue.Timestamp(now)));
            }
            return all(base, governs, inactive(kind, rule.basis(), days - rule.warnDaysBefore()), notDue);
        }

        /**
         * The tenant date on which the record becomes due: {@code days} after the later of its basis date
         * and ownership date, or the date its approved extension ends if that is later.
         */
        <R extends Aggregate<?> & Owned> LocalDate dueDate(SweepKind<R> kind, R record, Instant now, ZoneId zone) {
            LocalDate due = inactiveFrom(kind, record, rule.basis(), zone).plusDays(days);
            Instant deferred = kind.deferredUntil(record);
            if (deferred != null && deferred.isAfter(now)) {
                LocalDate until = LocalDate.ofInstant(deferred, zone);
                return until.isAfter(due) ? until : due;
            }
            return due;
        }
    }

    private RecyclePlan() {}

    /**
     * The recycle queries of a pool with {@code rules}, in the rules' priority order; per-level limits
     * only where {@code levels}.
     */
    static List<Step> steps(PoolRules rules, boolean levels) {
        List<Step> steps = new ArrayList<>();
        List<Condition> earlier = new ArrayList<>();
        for (RecycleRule rule : rules.recycleRules()) {
            List<Condition> scope = new ArrayList<>();
            earlier.forEach(c -> scope.add(Condition.not(c)));
            if (rule.condition() != null) {
                scope.add(rule.condition());
            }
            Map<Integer, List<CustomValue>> byLimit = new TreeMap<>();
            List<CustomValue> limited = new ArrayList<>();
            if (levels) {
                rule.daysByLevel().forEach((level, days) -> {
                    byLimit.computeIfAbsent(days, d -> new ArrayList<>()).add(new CustomValue.Text(level));
                    limited.add(new CustomValue.Text(level));
                });
            }
            byLimit.forEach((days, lvls) -> steps.add(new Step(rule, and(scope, Condition.in("level", lvls)), days)));
            Condition others = limited.isEmpty() ? null
                    : Condition.any(Condition.isNull("level"), Condition.notIn("level", limited));
            steps.add(new Step(rule, and(scope, others), rule.days()));
            if (rule.condition() == null) {
                break; // matches every record: later rules govern nothing
            }
            earlier.add(rule.condition());
        }
        return steps;
    }

    /**
     * The records a recycle rule may touch: owned, from {@code pool}, not locked, not voided, passing the
     * kind's own conditions (accounts: not won unless the pool recycles won records; leads: not converted
     * or invalid), and not deferred beyond {@code deferredBefore} where the kind has extensions.
     */
    static Condition recyclable(SweepKind<?> kind, SweepPool pool, Instant deferredBefore) {
        List<Condition> parts = new ArrayList<>(owned(pool));
        parts.add(Condition.eq("locked", new CustomValue.Flag(false)));
        parts.addAll(kind.recyclable(pool.rules()));
        if (kind.deferredField() != null) {
            parts.add(Condition.any(Condition.isNull(kind.deferredField()),
                    Condition.le(kind.deferredField(), new CustomValue.Timestamp(deferredBefore))));
        }
        return Condition.all(parts);
    }

    /** The records a reminder rule of {@code pool} reminds about once inactive for its days. */
    static Condition reminder(SweepKind<?> kind, SweepPool pool, ReminderRule rule) {
        List<Condition> parts = new ArrayList<>(owned(pool));
        parts.add(inactive(kind, rule.basis(), rule.days()));
        return Condition.all(parts);
    }

    /** Owned, from {@code pool}, out of the recycle bin. */
    private static List<Condition> owned(SweepPool pool) {
        List<Condition> parts = new ArrayList<>();
        parts.add(Condition.eq("poolId", new CustomValue.Text(pool.id())));
        parts.add(Condition.isNotNull("owner"));
        parts.add(Condition.eq("voided", new CustomValue.Flag(false)));
        return parts;
    }

    /** Inactive for {@code days}: since the later of the basis field and the ownership start. */
    static Condition inactive(SweepKind<?> kind, InactivityBasis basis, int days) {
        return Condition.all(Condition.daysSince(kind.basisField(basis), days), Condition.daysSince(OWNED_SINCE, days));
    }

    /** The tenant date inactivity counts from: the later of the basis date and the ownership date. */
    static <R extends Aggregate<?> & Owned> LocalDate inactiveFrom(SweepKind<R> kind, R record, InactivityBasis basis,
            ZoneId zone) {
        LocalDate owned = LocalDate.ofInstant(kind.ownedSince(record), zone);
        Instant last = kind.basisAt(record, basis);
        if (last == null) {
            return owned;
        }
        LocalDate lastDate = LocalDate.ofInstant(last, zone);
        return lastDate.isAfter(owned) ? lastDate : owned;
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
