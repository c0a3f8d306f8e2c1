package io.crmkit.rules.pool;

import io.crmkit.core.condition.Condition;
import io.crmkit.core.condition.ConditionEvaluator;
import io.crmkit.core.error.ConcurrentModificationException;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.RecycleRule;
import io.crmkit.core.pool.ReminderRecipient;
import io.crmkit.core.pool.ReminderRule;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.Owned;
import io.crmkit.core.record.RecordRef;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.notify.Notification;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The scheduled sweep over a tenant's public pools of accounts (公海) and its lead pools: recycles the
 * records their recycle rules find due, warns owners and teams ahead of a recycle, and sends the
 * reminder rules' notifications. The host calls {@link #sweep} on a schedule (for example nightly) for
 * each tenant.
 *
 * <h2>Leads</h2>
 * Lead pools are swept by the same code as public pools, through a small per-kind strategy: a lead is
 * recycled when it is owned, from the pool, not converted or invalid, not locked or voided, and
 * inactive under a recycle rule, counted from the later of {@code lastFollowUpAt} and
 * {@code ownedSince}. Leads have no level (per-level limits do not apply: the rule's days do), no deal
 * (a NO_DEAL rule counts from the last follow-up like NO_FOLLOW_UP), no extensions and no team (only
 * the owner is warned; a reminder's TEAM recipients are nobody). A recycle logs
 * {@code lead.recycle} with the lead pool as context. De-duplication keys are those of accounts,
 * prefixed {@code lead:} (for example {@code lead:recycle-warning:<lead>:<rule>:<due date>}).
 *
 * <h2>How it works</h2>
 * <ul>
 *   <li><b>Set-based.</b> Every rule becomes store condition queries ({@link RecyclePlan}), read in
 *       keyset pages of {@value #PAGE} accounts; nothing is loaded to be filtered in memory.</li>
 *   <li><b>One transaction per record.</b> Each recycle and each notification runs in its own
 *       transaction, which re-reads the account and re-checks the query's condition before writing. A
 *       record that fails is reported in {@link SweepResult#problems()} and skipped; the run goes on. So
 *       a crash loses at most the record in hand, and running the sweep again picks up what is still
 *       due.</li>
 *   <li><b>Idempotent and safe with concurrent sweeps.</b> A recycle writes the version it read: a
 *       concurrent sweep that recycled the account first makes the update fail (the store retries, the
 *       re-read account is no longer due) and the account counts as {@linkplain SweepResult#skipped()
 *       skipped}. Every notification carries a de-duplication key (recycle, warning: record, rule and
 *       due date; reminder: record, rule and the date inactivity reached the rule's days), and the
 *       outbox keeps one entry per key: a second sweep, on this host or another, notifies nobody
 *       again.</li>
 *   <li><b>Time</b> is read once per sweep from the clock; days are calendar days of the tenant's
 *       zone.</li>
 * </ul>
 *
 * <p>Safe to call from several threads and hosts at once.
 */
public final class PoolSweeper {
    /** Records per page of a sweep query. */
    static final int PAGE = 500;
    /** The change-log action of an account recycle. */
    public static final String RECYCLE_ACTION = "account.recycle";
    /** The change-log action of a lead recycle. */
    public static final String LEAD_RECYCLE_ACTION = LeadSweepKind.RECYCLE_ACTION;
    /** The notification type telling the former owner a record was recycled. */
    public static final String RECYCLED = "pool.recycled";
    /** The notification type warning owner and team of a coming recycle. */
    public static final String RECYCLE_WARNING = "pool.recycle-warning";
    /** The notification type of a reminder rule. */
    public static final String REMINDER = "pool.reminder";

    private final RulesContext rules;

    /** A sweeper over the context's store (obtained from Crm; internal constructor). */
    public PoolSweeper(RulesContext rules) {
        this.rules = rules;
    }

    /**
     * Sweeps every public pool and every lead pool of {@code tenant} once, at the clock's current
     * instant.
     *
     * @param tenant the tenant to sweep
     * @param sweeper the system actor the change log records for recycles; of {@code tenant}
     * @return what was done over both kinds of pool, with the records that failed
     * @throws ValidationException if an argument is missing or the sweeper belongs to another tenant
     */
    public SweepResult sweep(TenantId tenant, Actor sweeper) {
        if (tenant == null) {
            throw ValidationException.of("tenant", ErrorCode.FIELD_REQUIRED);
        }
        if (sweeper == null) {
            throw ValidationException.of("sweeper", ErrorCode.FIELD_REQUIRED);
        }
        if (!sweeper.tenantId().equals(tenant)) {
            throw ValidationException.of("sweeper", ErrorCode.FIELD_INVALID, "the sweeper belongs to another tenant");
        }
        ZoneId zone = rules.settings().settingsOf(tenant).zone();
        Run run = new Run(tenant, sweeper, new QueryContext(rules.clock().instant(), zone));
        sweepKind(run, AccountSweepKind.INSTANCE);
        sweepKind(run, LeadSweepKind.INSTANCE);
        return new SweepResult(run.recycled, run.warned, run.reminded, run.skipped, run.problems);
    }

    private <R extends Aggregate<?> & Owned> void sweepKind(Run run, SweepKind<R> kind) {
        ZoneId zone = run.query.zone();
        for (SweepPool pool : pools(run.tenant, kind)) {
            List<RecyclePlan.Step> steps = RecyclePlan.steps(pool.rules(), kind.hasLevels());
            Condition recyclable = RecyclePlan.recyclable(kind, pool, run.query.now());
            for (RecyclePlan.Step step : steps) {
                Condition due = step.due(kind, recyclable);
                each(run, kind, step.rule().id(), due, r -> recycle(run, kind, pool, step, due, r));
            }
            for (RecyclePlan.Step step : steps) {
                if (step.rule().warns()) {
                    Instant warnHorizon = run.today().plusDays(step.rule().warnDaysBefore() + 1L)
                            .atStartOfDay(zone).toInstant();
                    Condition warn = step.warn(kind, RecyclePlan.recyclable(kind, pool, warnHorizon), run.query.now());
                    each(run, kind, step.rule().id(), warn, r -> warn(run, kind, pool, step, warn, r));
                }
            }
            for (ReminderRule rule : pool.rules().reminderRules()) {
                Condition inactive = RecyclePlan.reminder(kind, pool, rule);
                each(run, kind, rule.id(), inactive, r -> remind(run, kind, pool, rule, inactive, r));
            }
        }
    }

    private List<SweepPool> pools(TenantId tenant, SweepKind<?> kind) {
        List<SweepPool> pools = new ArrayList<>();
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            PageRequest current = request;
            Page<SweepPool> page = rules.store().transact(tx -> kind.pools(tx, tenant, current));
            pools.addAll(page.items());
            if (!page.hasNext()) {
                return pools;
            }
            request = request.next(page);
        }
    }

    /**
     * Pages through the records matching {@code condition}, each page read in its own transaction. A
     * query the store refuses (a rule naming a field the records do not have) or cannot run is reported
     * as a problem without a record, and the sweep goes on with the next rule.
     */
    private <R extends Aggregate<?> & Owned> void each(Run run, SweepKind<R> kind, String ruleId, Condition condition,
            Consumer<R> action) {
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            PageRequest current = request;
            Page<R> page;
            try {
                page = rules.store().transact(tx -> kind.query(tx, run.tenant, condition, run.query, current));
            } catch (RuntimeException e) {
                run.problems.add(problem(null, ruleId, e));
                return;
            }
            page.items().forEach(action);
            if (!page.hasNext()) {
                return;
            }
            request = request.next(page);
        }
    }

    private <R extends Aggregate<?> & Owned> void recycle(Run run, SweepKind<R> kind, SweepPool pool,
            RecyclePlan.Step step, Condition due, R seen) {
        RecycleRule rule = step.rule();
        RecordRef ref = RecordRef.of(kind.recordType(), seen.id());
        attempt(run, ref, rule.id(), () -> rules.command(run.sweeper, cmd -> {
            R before = stillMatching(run, kind, cmd, due, seen);
            if (before == null) {
                return Outcome.HANDLED;
            }
            R after = kind.update(cmd.tx(), kind.recycled(before, pool, cmd.now()));
            cmd.log(ref, pool.ref(), kind.recycleAction(), (Record) before, (Record) after, rule.id());
            append(run, cmd, Set.of(before.owner()), RECYCLED, ref, pool, rule.id(), run.today(),
                    kind.keyPrefix() + "recycle:" + ref.id() + ":" + rule.id() + ":" + run.today());
            return Outcome.RECYCLED;
        }));
    }

    private <R extends Aggregate<?> & Owned> void warn(Run run, SweepKind<R> kind, SweepPool pool,
            RecyclePlan.Step step, Condition warn, R seen) {
        RecycleRule rule = step.rule();
        RecordRef ref = RecordRef.of(kind.recordType(), seen.id());
        attempt(run, ref, rule.id(), () -> rules.command(run.sweeper, cmd -> {
            R record = stillMatching(run, kind, cmd, warn, seen);
            if (record == null) {
                return Outcome.HANDLED;
            }
            LocalDate dueDate = step.dueDate(kind, record, run.query.now(), run.query.zone());
            if (!dueDate.isAfter(run.today()) || dueDate.isAfter(run.today().plusDays(rule.warnDaysBefore()))) {
                return Outcome.NOTHING;
            }
            Set<UserId> recipients = new LinkedHashSet<>();
            recipients.add(record.owner());
            recipients.addAll(kind.team(record));
            boolean sent = append(run, cmd, recipients, RECYCLE_WARNING, ref, pool, rule.id(), dueDate,
                    kind.keyPrefix() + "recycle-warning:" + ref.id() + ":" + rule.id() + ":" + dueDate);
            return sent ? Outcome.WARNED : Outcome.NOTHING;
        }));
    }

    private <R extends Aggregate<?> & Owned> void remind(Run run, SweepKind<R> kind, SweepPool pool,
            ReminderRule rule, Condition inactive, R seen) {
        RecordRef ref = RecordRef.of(kind.recordType(), seen.id());
        attempt(run, ref, rule.id(), () -> rules.command(run.sweeper, cmd -> {
            R record = stillMatching(run, kind, cmd, inactive, seen);
            if (record == null) {
                return Outcome.NOTHING;
            }
            Set<UserId> recipients = new LinkedHashSet<>();
            if (rule.recipients().contains(ReminderRecipient.OWNER)) {
                recipients.add(record.owner());
            }
            if (rule.recipients().contains(ReminderRecipient.TEAM)) {
                recipients.addAll(kind.team(record));
            }
            if (rule.recipients().contains(ReminderRecipient.ADMINS)) {
                recipients.addAll(pool.admins());
            }
            LocalDate since = RecyclePlan.inactiveFrom(kind, record, rule.basis(), run.query.zone()).plusDays(rule.days());
            boolean sent = append(run, cmd, recipients, REMINDER, ref, pool, rule.id(), since,
                    kind.keyPrefix() + "reminder:" + ref.id() + ":" + rule.id() + ":" + since);
            return sent ? Outcome.REMINDED : Outcome.NOTHING;
        }));
    }

    /** The record re-read in this transaction, if it still matches {@code condition}; null otherwise. */
    private static <R extends Aggregate<?> & Owned> R stillMatching(Run run, SweepKind<R> kind, CommandContext cmd,
            Condition condition, R seen) {
        R record = kind.reread(cmd.tx(), run.tenant, seen).orElse(null);
        if (record == null || !ConditionEvaluator.matches(condition, (Record) record, run.query.now(), run.query.zone())) {
            return null;
        }
        return record;
    }

    /**
     * Appends a notification and tells whether this sweep queued it: the outbox returns the entry already
     * holding the key if there is one, and only this run's entries carry this run's id.
     */
    private static boolean append(Run run, CommandContext cmd, Set<UserId> recipients, String type, RecordRef ref,
            SweepPool pool, String ruleId, LocalDate date, String key) {
        if (recipients.isEmpty()) {
            return false;
        }
        Map<String, String> payload = Map.of("pool", pool.id(), "rule", ruleId, "date", date.toString(),
                "sweep", run.id);
        Notification notification = new Notification(run.tenant, recipients, type, ref, payload, key, cmd.now());
        return run.id.equals(cmd.tx().outbox().append(notification).notification().payload().get("sweep"));
    }

    /** Runs one record's transaction, counting its outcome; a failure is reported, never thrown. */
    private static void attempt(Run run, RecordRef record, String ruleId, Supplier<Outcome> work) {
        try {
            switch (work.get()) {
                case RECYCLED -> run.recycled++;
                case WARNED -> run.warned++;
                case REMINDED -> run.reminded++;
                case HANDLED -> run.skipped++;
                case NOTHING -> { }
            }
        } catch (ConcurrentModificationException e) {
            // Still contended after the store's retries: another sweep is at this record; the next run sees it.
            run.skipped++;
        } catch (RuntimeException e) {
            // A broken record or store call must not abort the run: report it and go on.
            run.problems.add(problem(record, ruleId, e));
        }
    }

    private static SweepProblem problem(RecordRef record, String ruleId, RuntimeException e) {
        return e instanceof CrmException crm
                ? new SweepProblem(record, ruleId, crm.code().name(), crm.getMessage())
                : new SweepProblem(record, ruleId, e.getClass().getName(), String.valueOf(e.getMessage()));
    }

    private enum Outcome { RECYCLED, WARNED, REMINDED, HANDLED, NOTHING }

    /** One sweep in progress: its instant and zone, its id and its counters. Confined to the sweeping thread. */
    private static final class Run {
        final TenantId tenant;
        final Actor sweeper;
        final QueryContext query;
        final String id = UUID.randomUUID().toString();
        final List<SweepProblem> problems = new ArrayList<>();
        int recycled;
        int warned;
        int reminded;
        int skipped;

        Run(TenantId tenant, Actor sweeper, QueryContext query) {
            this.tenant = tenant;
            this.sweeper = sweeper;
            this.query = query;
        }

        LocalDate today() {
            return query.today();
        }
    }
}
