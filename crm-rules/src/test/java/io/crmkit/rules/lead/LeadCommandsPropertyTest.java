package io.crmkit.rules.lead;

import static io.crmkit.rules.lead.LifecycleFixture.MEMBER;
import static io.crmkit.rules.lead.LifecycleFixture.OWNER;
import static io.crmkit.rules.lead.LifecycleFixture.POOL_ADMIN;
import static io.crmkit.rules.lead.LifecycleFixture.TENANT;
import static io.crmkit.rules.lead.LifecycleFixture.TENANT_ADMIN;
import static io.crmkit.rules.lead.LifecycleFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.activity.FollowUpKind;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadAction;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadLifecycle;
import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.lead.LeadReturnReason;
import io.crmkit.core.pool.PoolMembers;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.validation.CrmValidation;
import io.crmkit.rules.activity.FollowUps;
import io.crmkit.rules.activity.RecordFollowUp;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.spi.QueryContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random sequences of lead commands by random actors on a few leads. After every step: every lead
 * still exists and satisfies its invariants; a refused command changed nothing (same lead, same
 * version, no log entry, no follow-up, no notification) and was refused for the reason the rules
 * give, in the order they are checked (who, input, state); an accepted command changed the lead as
 * the model says, stamped it and logged it; and replaying each lead's change log from its creation
 * gives exactly the text forms of the lead's fields.
 */
class LeadCommandsPropertyTest {
    private static final List<UserId> USERS = List.of(OWNER, MEMBER, POOL_ADMIN, TENANT_ADMIN);
    private static final int LEADS = 3;
    private static final String UNPREDICTED = "?";
    /** Commands that write and log nothing when they would change nothing. */
    private static final Set<String> SILENT_WHEN_UNCHANGED = Set.of("update");

    /** One step: which command, by whom, on which lead, with which input variant, after how long. */
    record Step(int command, int actor, int lead, int variant, int minutes) {
        @Override
        public String toString() {
            return COMMANDS.get(command).name() + "#" + variant + " by " + USERS.get(actor).value() + " on L" + lead
                    + " +" + minutes + "min";
        }
    }

    /** The leads under test and the services that act on them. */
    static final class World {
        final LifecycleFixture fx = new LifecycleFixture();
        final LeadLifecycleCommands lifecycle = new LeadLifecycleCommands(fx.rules);
        final FollowUps followUps = new FollowUps(fx.rules);
        final LeadPoolCommands pools = new LeadPoolCommands(fx.rules);
        final LeadIntake intake = new LeadIntake(fx.rules);
        final LeadConversion conversion = new LeadConversion(fx.rules);
        int accounts;
        final LeadPoolId otherPool;
        final List<LeadId> leads = new ArrayList<>();
        final Map<LeadId, Lead> converted = new HashMap<>();

        World() {
            otherPool = fx.rules.command(actor(TENANT_ADMIN), cmd -> cmd.tx().leadPools().insert(LeadPool.builder()
                    .id(cmd.tx().leadPools().nextId()).tenantId(TENANT).name("Web enquiries")
                    .admins(Set.of(POOL_ADMIN)).members(PoolMembers.ofUsers(OWNER, MEMBER))
                    .rules(PoolRules.defaults()).createdAt(cmd.now()).updatedAt(cmd.now()).build())).id();
            leads.add(create(0, fx.pool, OWNER));  // claimed from the pool by alice
            leads.add(create(1, fx.pool, null));   // unclaimed in the pool
            leads.add(create(2, null, MEMBER));    // bob's own, outside pools
        }

        private LeadId create(int n, LeadPoolId pool, UserId owner) {
            return intake.create(actor(TENANT_ADMIN), new NewLead("Person " + n, "Company " + n + " Co., Ltd.",
                    "+86 138 0000 000" + n, null, "fair", "Needs " + n, pool, owner, null)).lead().id();
        }

        boolean ownerOrAdmin(Lead lead, UserId user) {
            return user.equals(lead.owner()) || admin(lead, user);
        }

        boolean admin(Lead lead, UserId user) {
            return user.equals(TENANT_ADMIN) || (lead.poolId() != null && user.equals(POOL_ADMIN));
        }
    }

    /** A command under test: how to run it, and what the rules say it does (see {@link #expect}). */
    interface LeadCommand {
        String name();

        void run(World world, UserId actor, LeadId lead, int variant);

        /**
         * The refusal the rules give for {@code before}, as {@code forbidden}, {@code validation},
         * {@code transition} or a rule name; null when the command must succeed; {@link #UNPREDICTED}
         * when the test makes no prediction.
         */
        String expect(World world, Lead before, UserId actor, int variant);

        /**
         * The lead the command must leave (version and updatedAt aside) when it succeeds, or null
         * when the test makes no prediction.
         */
        Lead after(World world, Lead before, UserId actor, Instant now, int variant, Lead actual);
    }

    private static final List<LeadCommand> COMMANDS = List.of(
            command("markFollowingUp",
                    (w, a, l, v) -> w.lifecycle.markFollowingUp(actor(a), l, v == 0 ? null : FollowUpKind.values()[v], v == 0 ? " " : "call"),
                    (w, b, a, v) -> !w.ownerOrAdmin(b, a) ? "forbidden" : v == 0 ? "validation" : changeable(b,
                            LeadLifecycle.allows(b.status(), LeadAction.MARK_FOLLOWING_UP) ? null : "transition"),
                    (w, b, a, now, v, actual) -> b.markFollowingUp(now)),
            command("markMql",
                    (w, a, l, v) -> w.lifecycle.markMql(actor(a), l, v == 0 ? "x".repeat(4001) : v == 1 ? null : "qualified"),
                    (w, b, a, v) -> !w.ownerOrAdmin(b, a) ? "forbidden" : v == 0 ? "validation" : changeable(b,
                            LeadLifecycle.allows(b.status(), LeadAction.MARK_MQL) ? null : "transition"),
                    (w, b, a, now, v, actual) -> b.markMql().toBuilder().lastFollowUpAt(later(b.lastFollowUpAt(), now)).build()),
            command("markInvalid",
                    (w, a, l, v) -> w.lifecycle.markInvalid(actor(a), l, v == 0 ? "" : "reason " + v),
                    (w, b, a, v) -> !w.ownerOrAdmin(b, a) ? "forbidden" : v == 0 ? "validation" : changeable(b,
                            LeadLifecycle.allows(b.status(), LeadAction.MARK_INVALID) ? null : "transition"),
                    (w, b, a, now, v, actual) -> b.markInvalid("reason " + v)),
            command("restore",
                    (w, a, l, v) -> w.lifecycle.restore(actor(a), l),
                    (w, b, a, v) -> !w.ownerOrAdmin(b, a) ? "forbidden" : changeable(b,
                            LeadLifecycle.allows(b.status(), LeadAction.RESTORE) ? null : "transition"),
                    (w, b, a, now, v, actual) -> b.restore()),
            command("lock",
                    (w, a, l, v) -> w.lifecycle.lock(actor(a), l),
                    (w, b, a, v) -> !w.admin(b, a) ? "forbidden" : b.isConverted() ? "transition" : changeable(b, null),
                    (w, b, a, now, v, actual) -> b.withLocked(true)),
            command("unlock",
                    (w, a, l, v) -> w.lifecycle.unlock(actor(a), l),
                    (w, b, a, v) -> !w.admin(b, a) ? "forbidden" : b.isConverted() ? "transition"
                            : b.voided() ? "lead.voided" : !b.locked() ? "lead.not-locked" : null,
                    (w, b, a, now, v, actual) -> b.withLocked(false)),
            command("voidLead",
                    (w, a, l, v) -> w.lifecycle.voidLead(actor(a), l, v == 0 ? "x".repeat(2001) : v == 1 ? null : "duplicate"),
                    (w, b, a, v) -> !w.ownerOrAdmin(b, a) ? "forbidden" : v == 0 ? "validation"
                            : b.isConverted() ? "transition" : changeable(b, null),
                    (w, b, a, now, v, actual) -> b.withVoided(true)),
            command("restoreFromBin",
                    (w, a, l, v) -> w.lifecycle.restoreFromBin(actor(a), l),
                    (w, b, a, v) -> !w.ownerOrAdmin(b, a) ? "forbidden" : b.isConverted() ? "transition"
                            : !b.voided() ? "lead.not-voided" : null,
                    (w, b, a, now, v, actual) -> b.withVoided(false)),
            command("recordFollowUp",
                    (w, a, l, v) -> w.followUps.record(actor(a), new RecordFollowUp(LifecycleFixture.ref(l),
                            FollowUpKind.MEETING, "met", occurredAt(w.fx.clock.instant(), v))),
                    (w, b, a, v) -> !w.ownerOrAdmin(b, a) ? "forbidden" : v == 0 ? "validation"
                            : b.isConverted() ? "transition" : changeable(b, null),
                    (w, b, a, now, v, actual) -> b.toBuilder().lastFollowUpAt(later(b.lastFollowUpAt(), happened(now, v))).build()),
            // The pool commands (LeadPoolCommands): their refusals depend on the pool's rules, which
            // their own tests cover; here they must refuse cleanly or move the lead as the model says.
            command("claim",
                    (w, a, l, v) -> w.pools.claim(actor(a), l),
                    (w, b, a, v) -> UNPREDICTED,
                    (w, b, a, now, v, actual) -> b.withOwner(a, now)),
            command("assign",
                    (w, a, l, v) -> w.pools.assign(actor(a), l, USERS.get(v)),
                    (w, b, a, v) -> UNPREDICTED,
                    (w, b, a, now, v, actual) -> b.withOwner(USERS.get(v), now)),
            command("returnToPool",
                    (w, a, l, v) -> w.pools.returnToPool(actor(a), l, LeadReturnReason.values()[v],
                            v == 1 ? "moved abroad" : null, v == 2 ? w.otherPool : null),
                    (w, b, a, v) -> UNPREDICTED,
                    (w, b, a, now, v, actual) -> b.returnedTo(v == 2 || b.poolId() == null ? w.otherPool : b.poolId())),
            command("transfer",
                    (w, a, l, v) -> w.pools.transfer(actor(a), l, v % 2 == 0 ? w.otherPool : w.fx.pool),
                    (w, b, a, v) -> UNPREDICTED,
                    (w, b, a, now, v, actual) -> b.returnedTo(v % 2 == 0 ? w.otherPool : w.fx.pool)),
            // LeadIntake and LeadConversion.
            command("update",
                    (w, a, l, v) -> w.intake.update(actor(a), l, update(l, v)),
                    (w, b, a, v) -> !w.ownerOrAdmin(b, a) ? "forbidden" : v == 0 ? "validation"
                            : changeable(b, b.isConverted() ? "lead.converted" : null),
                    (w, b, a, now, v, actual) -> update(b.id(), v).applyTo(b)),
            command("convert",
                    (w, a, l, v) -> w.conversion.convert(actor(a), l, ConvertLead.toNewAccount("Account " + ++w.accounts)),
                    (w, b, a, v) -> !w.ownerOrAdmin(b, a) ? "forbidden" : changeable(b,
                            LeadLifecycle.allows(b.status(), LeadAction.CONVERT) ? null : "transition"),
                    (w, b, a, now, v, actual) -> b.convert(actual.convertedAccountId(), actual.convertedContactId(), null, now)));

    @Test
    void randomCommandSequencesKeepEveryLeadLegalAndTheLogReplaysToIt() {
        Gen<Step> steps = integers().between(0, COMMANDS.size() - 1).zip(
                integers().between(0, USERS.size() - 1),
                integers().between(0, LEADS - 1),
                integers().between(0, 3),
                integers().between(0, 2),
                Step::new);
        qt().withExamples(200).forAll(lists().of(steps).ofSizeBetween(1, 40)).checkAssert(this::runSequence);

        // Guards against a vacuous run (everything refused for one reason): every command succeeded
        // somewhere, and every kind of refusal happened.
        assertThat(outcomes.keySet()).as("outcomes seen").contains(
                COMMANDS.stream().map(c -> c.name() + ":ok").toArray(String[]::new));
        assertThat(outcomes.keySet().stream().map(k -> k.substring(k.indexOf(':') + 1)))
                .contains("forbidden", "validation", "transition", "lead.voided", "lead.locked", "lead.not-locked",
                        "lead.not-voided", "lead.converted");
    }

    /** How often each command ended how ({@code markMql:ok}, {@code lock:forbidden}, ...), over all examples. */
    private final Map<String, Integer> outcomes = new HashMap<>();

    private void runSequence(List<Step> sequence) {
        World world = new World();
        for (Step step : sequence) {
            world.fx.clock.advance(Duration.ofMinutes(step.minutes()));
            String outcome = apply(world, step);
            outcomes.merge(COMMANDS.get(step.command()).name() + ":" + outcome, 1, Integer::sum);
            for (LeadId id : world.leads) {
                checkInvariants(world, id);
                checkReplay(world, id);
            }
        }
    }

    /** Runs the step and checks its effect; returns {@code ok} or the reason it was refused. */
    private static String apply(World world, Step step) {
        LeadCommand command = COMMANDS.get(step.command());
        UserId actor = USERS.get(step.actor());
        LeadId id = world.leads.get(step.lead());
        Lead before = world.fx.lead(id);
        int entries = world.fx.log(id).size();
        int followUps = world.fx.followUps().size();
        int notifications = world.fx.notifications().size();
        String expected = command.expect(world, before, actor, step.variant());
        Instant now = world.fx.clock.instant();

        Throwable thrown = catchThrowable(() -> command.run(world, actor, id, step.variant()));

        Lead after = world.fx.lead(id);
        if (thrown != null) {
            assertThat(thrown).as("%s: refusals are typed", step).isInstanceOf(CrmException.class);
            if (!UNPREDICTED.equals(expected)) {
                assertThat(expected).as("%s was refused (%s)", step, thrown).isNotNull();
                assertThat(reason(thrown)).as("%s: %s", step, thrown).isEqualTo(expected);
            }
            assertThat(after).as("%s: a refused command changes nothing", step).isEqualTo(before);
            assertThat(world.fx.log(id)).as("%s: nor logs", step).hasSize(entries);
            assertThat(world.fx.followUps()).as("%s: nor records a follow-up", step).hasSize(followUps);
            assertThat(world.fx.notifications()).as("%s: nor notifies", step).hasSize(notifications);
            return reason(thrown);
        }
        if (!UNPREDICTED.equals(expected)) {
            assertThat(expected).as("%s succeeded", step).isNull();
        }
        Lead model = command.after(world, before, actor, now, step.variant(), after);
        if (model != null) {
            assertThat(after.toBuilder().version(0).updatedAt(now).build())
                    .as("%s: the change the model makes", step)
                    .isEqualTo(model.toBuilder().version(0).updatedAt(now).build());
        }
        // Every accepted command that changed the lead logged it; the lifecycle commands log even when
        // the lead stays as it is (a follow-up logged late); an update that changes nothing logs nothing.
        if (!after.equals(before) || (expected == null && !SILENT_WHEN_UNCHANGED.contains(command.name()))) {
            assertThat(world.fx.log(id).size()).as("%s: an accepted command is logged", step).isGreaterThan(entries);
        }
        if (after.version() != before.version()) {
            assertThat(after.updatedAt()).as("%s: stamped", step).isEqualTo(now);
        }
        return "ok";
    }

    private static void checkInvariants(World world, LeadId id) {
        Lead lead = world.fx.store.transact(tx -> tx.leads().find(TENANT, id)).orElse(null);
        assertThat(lead).as("lead %s is never lost", id).isNotNull();
        assertThat(lead.toBuilder().build()).as("the constructor's invariants hold").isEqualTo(lead);
        assertThat(CrmValidation.violations(lead)).isEmpty();
        assertThat(lead.locked() && lead.voided()).as("never locked and in the bin at once").isFalse();
        Lead wasConverted = world.converted.get(id);
        if (wasConverted != null) {
            assertThat(lead).as("a converted lead never changes").isEqualTo(wasConverted);
        } else if (lead.isConverted()) {
            world.converted.put(id, lead);
        }
        long count = world.fx.store.transact(tx -> tx.leads().count(TENANT, null,
                new QueryContext(world.fx.clock.instant(), ZoneOffset.UTC)));
        assertThat(count).as("no lead appears or disappears").isEqualTo(world.leads.size());
    }

    /** Replays the lead's change log from its creation: each entry's "after" values, in order. */
    private static void checkReplay(World world, LeadId id) {
        List<ChangeLogEntry> log = world.fx.log(id);
        assertThat(log.get(0).action()).isEqualTo("lead.create");
        Map<String, String> replayed = new HashMap<>();
        for (ChangeLogEntry entry : log) {
            for (FieldChange change : entry.changes()) {
                if (change.after() == null) {
                    replayed.remove(change.field());
                } else {
                    replayed.put(change.field(), change.after());
                }
            }
        }
        assertThat(replayed).as("the log of %s replays to it", id)
                .isEqualTo(CommandContext.loggedFields(world.fx.lead(id)));
    }

    // ---- the rules restated

    /** Voided, then locked, refuse a change; otherwise {@code next}. */
    private static String changeable(Lead lead, String next) {
        return lead.voided() ? "lead.voided" : lead.locked() ? "lead.locked" : next;
    }

    private static String reason(Throwable thrown) {
        if (thrown instanceof ForbiddenException) {
            return "forbidden";
        }
        if (thrown instanceof ValidationException) {
            return "validation";
        }
        if (thrown instanceof IllegalTransitionException) {
            return "transition";
        }
        if (thrown instanceof RuleViolationException rule) {
            return rule.rule();
        }
        return thrown.getClass().getSimpleName();
    }

    /** Variant 0: a minute in the future (refused); 1: now; 2: two days ago; 3: not given (now). */
    private static Instant occurredAt(Instant now, int variant) {
        return switch (variant) {
            case 0 -> now.plus(Duration.ofMinutes(1));
            case 1 -> now;
            case 2 -> now.minus(Duration.ofDays(2));
            default -> null;
        };
    }

    /** When the follow-up of variant {@code variant} happened: {@link #occurredAt}, or now when not given. */
    private static Instant happened(Instant now, int variant) {
        Instant given = occurredAt(now, variant);
        return given == null ? now : given;
    }

    private static Instant later(Instant current, Instant at) {
        return current == null || at.isAfter(current) ? at : current;
    }

    /**
     * Variant 0 clears the person's name, which the tenant requires (refused); 1 edits the details;
     * 2 edits the phone number (a match key); 3 sets the details to what variant 1 sets, so after
     * variant 1 it changes nothing.
     */
    private static LeadUpdate update(LeadId lead, int variant) {
        return switch (variant) {
            case 0 -> LeadUpdate.none().withPersonName(" ");
            case 1, 3 -> LeadUpdate.none().withDetails("Asked for a sample");
            default -> LeadUpdate.none().withPhone("+86 139 " + Math.abs(lead.value().hashCode() % 10_000_000));
        };
    }

    // ---- plumbing

    interface Run {
        void run(World world, UserId actor, LeadId lead, int variant);
    }

    interface Expect {
        String expect(World world, Lead before, UserId actor, int variant);
    }

    interface After {
        Lead after(World world, Lead before, UserId actor, Instant now, int variant, Lead actual);
    }

    private static LeadCommand command(String name, Run run, Expect expect, After after) {
        return new LeadCommand() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(World world, UserId actor, LeadId lead, int variant) {
                run.run(world, actor, lead, variant);
            }

            @Override
            public String expect(World world, Lead before, UserId actor, int variant) {
                return expect.expect(world, before, actor, variant);
            }

            @Override
            public Lead after(World world, Lead before, UserId actor, Instant now, int variant, Lead actual) {
                return after.after(world, before, actor, now, variant, actual);
            }
        };
    }
}
