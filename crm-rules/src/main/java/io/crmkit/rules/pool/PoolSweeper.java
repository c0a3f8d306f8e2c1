package io.crmkit.rules.pool;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.TeamMember;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.condition.ConditionEvaluator;
import io.crmkit.core.error.ConcurrentModificationException;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.OwnerChangeTeamPolicy;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.pool.RecycleRule;
import io.crmkit.core.pool.ReminderRecipient;
import io.crmkit.core.pool.ReminderRule;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
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
 * The scheduled sweep over a tenant's public pools of accounts (公海): recycles the accounts their
 * recycle rules find due, warns owners and teams ahead of a recycle, and sends the reminder rules'
 * notifications. The host calls {@link #sweep} on a schedule (for example nightly) for each tenant.
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
    /** Accounts per page of a sweep query. */
    static final int PAGE = 500;
    /** The change-log action of a recycle. */
    public static final String RECYCLE_ACTION = "account.recycle";
    /** The notification type telling the former owner an account was recycled. */
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
     * Sweeps every public pool of {@code tenant} once, at the clock's current instant.
     *
     * @param tenant the tenant to sweep
     * @param sweeper the system actor the change log records for recycles; of {@code tenant}
     * @return what was done, with the records that failed
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
        for (Pool pool : pools(tenant)) {
            List<RecyclePlan.Step> steps = RecyclePlan.steps(pool);
            Condition recyclable = RecyclePlan.recyclable(pool, run.query.now());
            for (RecyclePlan.Step step : steps) {
                Condition due = step.due(recyclable);
                each(run, step.rule().id(), due, account -> recycle(run, pool, step, due, account.id()));
            }
            for (RecyclePlan.Step step : steps) {
                if (step.rule().warns()) {
                    Instant warnHorizon = run.today().plusDays(step.rule().warnDaysBefore() + 1L)
                            .atStartOfDay(zone).toInstant();
                    Condition warn = step.warn(RecyclePlan.recyclable(pool, warnHorizon), run.query.now());
                    each(run, step.rule().id(), warn, account -> warn(run, pool, step, warn, account.id()));
                }
            }
            for (ReminderRule rule : pool.rules().reminderRules()) {
                Condition inactive = RecyclePlan.reminder(pool, rule);
                each(run, rule.id(), inactive, account -> remind(run, pool, rule, inactive, account.id()));
            }
        }
        return new SweepResult(run.recycled, run.warned, run.reminded, run.skipped, run.problems);
    }

    private List<Pool> pools(TenantId tenant) {
        List<Pool> pools = new ArrayList<>();
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            PageRequest current = request;
            Page<Pool> page = rules.store().transact(tx -> tx.pools().list(tenant, current));
            pools.addAll(page.items());
            if (!page.hasNext()) {
                return pools;
            }
            request = request.next(page);
        }
    }

    /**
     * Pages through the accounts matching {@code condition}, each page read in its own transaction. A
     * query the store refuses (a rule naming a field accounts do not have) or cannot run is reported as
     * a problem without an account, and the sweep goes on with the next rule.
     */
    private void each(Run run, String ruleId, Condition condition, Consumer<Account> action) {
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            PageRequest current = request;
            Page<Account> page;
            try {
                page = rules.store().transact(tx -> tx.accounts().query(run.tenant, condition, run.query, current));
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

    private void recycle(Run run, Pool pool, RecyclePlan.Step step, Condition due, AccountId id) {
        RecycleRule rule = step.rule();
        attempt(run, id, rule.id(), () -> rules.command(run.sweeper, cmd -> {
            Account before = stillMatching(run, cmd, due, id);
            if (before == null) {
                return Outcome.HANDLED;
            }
            Account.Builder next = before.toBuilder().owner(null).ownedSince(null).poolId(pool.id())
                    .recycleDeferredUntil(null).updatedAt(cmd.now());
            if (pool.rules().ownerChangeTeamPolicy() == OwnerChangeTeamPolicy.CLEAR_TEAM) {
                next.teamMembers(List.of());
            }
            Account after = cmd.tx().accounts().update(next.build());
            RecordRef ref = RecordRef.of(RecordType.ACCOUNT, id);
            cmd.log(ref, RecordRef.of(RecordType.POOL, pool.id()), RECYCLE_ACTION, before, after, rule.id());
            append(run, cmd, Set.of(before.owner()), RECYCLED, ref, pool, rule.id(), run.today(),
                    "recycle:" + id.value() + ":" + rule.id() + ":" + run.today());
            return Outcome.RECYCLED;
        }));
    }

    private void warn(Run run, Pool pool, RecyclePlan.Step step, Condition warn, AccountId id) {
        RecycleRule rule = step.rule();
        attempt(run, id, rule.id(), () -> rules.command(run.sweeper, cmd -> {
            Account account = stillMatching(run, cmd, warn, id);
            if (account == null) {
                return Outcome.HANDLED;
            }
            LocalDate dueDate = step.dueDate(account, run.query.now(), run.query.zone());
            if (!dueDate.isAfter(run.today()) || dueDate.isAfter(run.today().plusDays(rule.warnDaysBefore()))) {
                return Outcome.NOTHING;
            }
            Set<UserId> recipients = new LinkedHashSet<>();
            recipients.add(account.owner());
            account.teamMembers().stream().map(TeamMember::user).forEach(recipients::add);
            boolean sent = append(run, cmd, recipients, RECYCLE_WARNING, RecordRef.of(RecordType.ACCOUNT, id), pool,
                    rule.id(), dueDate, "recycle-warning:" + id.value() + ":" + rule.id() + ":" + dueDate);
            return sent ? Outcome.WARNED : Outcome.NOTHING;
        }));
    }

    private void remind(Run run, Pool pool, ReminderRule rule, Condition inactive, AccountId id) {
        attempt(run, id, rule.id(), () -> rules.command(run.sweeper, cmd -> {
            Account account = stillMatching(run, cmd, inactive, id);
            if (account == null) {
                return Outcome.NOTHING;
            }
            Set<UserId> recipients = new LinkedHashSet<>();
            if (rule.recipients().contains(ReminderRecipient.OWNER)) {
                recipients.add(account.owner());
            }
            if (rule.recipients().contains(ReminderRecipient.TEAM)) {
                account.teamMembers().stream().map(TeamMember::user).forEach(recipients::add);
            }
            if (rule.recipients().contains(ReminderRecipient.ADMINS)) {
                recipients.addAll(pool.admins());
            }
            LocalDate since = RecyclePlan.inactiveFrom(account, rule.basis(), run.query.zone()).plusDays(rule.days());
            boolean sent = append(run, cmd, recipients, REMINDER, RecordRef.of(RecordType.ACCOUNT, id), pool,
                    rule.id(), since, "reminder:" + id.value() + ":" + rule.id() + ":" + since);
            return sent ? Outcome.REMINDED : Outcome.NOTHING;
        }));
    }

    /** The account re-read in this transaction, if it still matches {@code condition}; null otherwise. */
    private static Account stillMatching(Run run, CommandContext cmd, Condition condition, AccountId id) {
        Account account = cmd.tx().accounts().find(run.tenant, id).orElse(null);
        if (account == null || !ConditionEvaluator.matches(condition, account, run.query.now(), run.query.zone())) {
            return null;
        }
        return account;
    }

    /**
     * Appends a notification and tells whether this sweep queued it: the outbox returns the entry already
     * holding the key if there is one, and only this run's entries carry this run's id.
     */
    private static boolean append(Run run, CommandContext cmd, Set<UserId> recipients, String type, RecordRef ref,
            Pool pool, String ruleId, LocalDate date, String key) {
        if (recipients.isEmpty()) {
            return false;
        }
        Map<String, String> payload = Map.of("pool", pool.id().value(), "rule", ruleId, "date", date.toString(),
                "sweep", run.id);
        Notification notification = new Notification(run.tenant, recipients, type, ref, payload, key, cmd.now());
        return run.id.equals(cmd.tx().outbox().append(notification).notification().payload().get("sweep"));
    }

    /** Runs one record's transaction, counting its outcome; a failure is reported, never thrown. */
    private static void attempt(Run run, AccountId id, String ruleId, Supplier<Outcome> work) {
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
            run.problems.add(problem(id, ruleId, e));
        }
    }

    private static SweepProblem problem(AccountId id, String ruleId, RuntimeException e) {
        return e instanceof CrmException crm
                ? new SweepProblem(id, ruleId, crm.code().name(), crm.getMessage())
                : new SweepProblem(id, ruleId, e.getClass().getName(), String.valueOf(e.getMessage()));
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
