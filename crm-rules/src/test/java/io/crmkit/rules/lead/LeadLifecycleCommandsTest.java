package io.crmkit.rules.lead;

import static io.crmkit.rules.lead.LifecycleFixture.MEMBER;
import static io.crmkit.rules.lead.LifecycleFixture.OWNER;
import static io.crmkit.rules.lead.LifecycleFixture.POOL_ADMIN;
import static io.crmkit.rules.lead.LifecycleFixture.TENANT_ADMIN;
import static io.crmkit.rules.lead.LifecycleFixture.actor;
import static io.crmkit.rules.lead.LifecycleFixture.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.activity.FollowUpKind;
import io.crmkit.core.activity.FollowUpRecord;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadLifecycle;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.notify.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeadLifecycleCommandsTest {
    private final LifecycleFixture fx = new LifecycleFixture();
    private final LeadLifecycleCommands leads = new LeadLifecycleCommands(fx.rules);
    private final RecordRef poolRef = RecordRef.of(RecordType.LEAD_POOL, fx.pool);

    // ---- mark following-up

    @Test
    void markFollowingUpLogsTheFollowUpAndMovesNewToFollowingUp() {
        Lead lead = fx.poolLead();
        fx.clock.advance(Duration.ofHours(2));
        Instant now = fx.clock.instant();

        Lead after = leads.markFollowingUp(actor(OWNER), lead.id(), FollowUpKind.CALL, "  Called, wants a quote  ");

        assertThat(after.status()).isEqualTo(LeadStatus.FOLLOWING_UP);
        assertThat(after.lastFollowUpAt()).isEqualTo(now);
        assertThat(after.updatedAt()).isEqualTo(now);
        assertThat(after.version()).isGreaterThan(lead.version());
        assertThat(fx.lead(lead.id())).isEqualTo(after);

        assertThat(fx.followUps()).singleElement().satisfies(f -> {
            assertThat(f.target()).isEqualTo(ref(lead.id()));
            assertThat(f.kind()).isEqualTo(FollowUpKind.CALL);
            assertThat(f.content()).isEqualTo("Called, wants a quote");
            assertThat(f.author()).isEqualTo(OWNER);
            assertThat(f.occurredAt()).isEqualTo(now);
        });

        List<ChangeLogEntry> log = fx.log(lead.id());
        assertThat(log).extracting(ChangeLogEntry::action)
                .containsExactly("lead.create", "follow-up.record", "lead.mark-following-up");
        ChangeLogEntry followUp = log.get(1);
        assertThat(followUp.actor()).isEqualTo(OWNER);
        assertThat(followUp.context()).isEqualTo(poolRef);
        assertThat(followUp.changes()).containsExactly(new FieldChange("lastFollowUpAt", null, now.toString()));
        ChangeLogEntry marked = log.get(2);
        assertThat(marked.actor()).isEqualTo(OWNER);
        assertThat(marked.at()).isEqualTo(now);
        assertThat(marked.context()).isEqualTo(poolRef);
        assertThat(marked.changes()).containsExactly(new FieldChange("status", "NEW", "FOLLOWING_UP"));
        assertThat(told()).as("the owner acted: nobody to tell").isEmpty();
    }

    @Test
    void markFollowingUpOnALeadAlreadyFollowedUpOnlyLogsTheFollowUp() {
        Lead lead = fx.poolLead();
        leads.markFollowingUp(actor(OWNER), lead.id(), FollowUpKind.CALL, "first call");
        int entries = fx.log(lead.id()).size();
        fx.clock.advance(Duration.ofDays(3));

        Lead after = leads.markFollowingUp(actor(OWNER), lead.id(), FollowUpKind.VISIT, "visited the plant");

        assertThat(after.status()).isEqualTo(LeadStatus.FOLLOWING_UP);
        assertThat(after.lastFollowUpAt()).isEqualTo(fx.clock.instant());
        assertThat(fx.followUps()).extracting(FollowUpRecord::content).containsExactly("first call", "visited the plant");
        List<ChangeLogEntry> log = fx.log(lead.id());
        assertThat(log).hasSize(entries + 1);
        assertThat(log.get(entries).action()).isEqualTo("follow-up.record");
    }

    @Test
    void markFollowingUpListsEveryMissingFieldAndChangesNothing() {
        Lead lead = fx.poolLead();

        assertUnchanged(lead, () -> leads.markFollowingUp(actor(OWNER), lead.id(), null, "   "))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.hasViolation("kind", ErrorCode.FIELD_REQUIRED)).isTrue();
                    assertThat(e.hasViolation("content", ErrorCode.FIELD_REQUIRED)).isTrue();
                });
    }

    @Test
    void markFollowingUpRefusesAnMqlLeadWithoutLoggingAFollowUp() {
        Lead lead = fx.poolLead();
        Lead mql = leads.markMql(actor(OWNER), lead.id(), null);

        assertUnchanged(mql, () -> leads.markFollowingUp(actor(OWNER), lead.id(), FollowUpKind.CALL, "call"))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo("MQL");
                    assertThat(e.action()).isEqualTo("MARK_FOLLOWING_UP");
                });
        assertThat(fx.followUps()).hasSize(1);
    }

    @Test
    void poolAdminAndTenantAdminMayFollowUpAndTheOwnerIsTold() {
        Lead lead = fx.poolLead();

        leads.markFollowingUp(actor(POOL_ADMIN), lead.id(), FollowUpKind.NOTE, "checked the card");
        leads.markFollowingUp(actor(TENANT_ADMIN), lead.id(), FollowUpKind.NOTE, "double-checked");

        assertThat(fx.followUps()).extracting(FollowUpRecord::author).containsExactly(POOL_ADMIN, TENANT_ADMIN);
        assertThat(told()).singleElement().satisfies(n -> {
            assertThat(n.recipients()).containsExactly(OWNER);
            assertThat(n.type()).isEqualTo("lead.mark-following-up");
            assertThat(n.record()).isEqualTo(ref(lead.id()));
            assertThat(n.payload()).containsEntry("actor", POOL_ADMIN.value()).containsEntry("status", "FOLLOWING_UP");
        });
    }

    @Test
    void aLeadOfAnotherTenantIsNotFound() {
        Lead lead = fx.poolLead();
        Actor stranger = Actor.of(LifecycleFixture.OTHER_TENANT, OWNER);

        assertUnchanged(lead, () -> leads.markMql(stranger, lead.id(), null)).isInstanceOf(NotFoundException.class);
    }

    // ---- mark MQL

    @Test
    void markMqlWritesTheDefaultNoteAndMovesToMql() {
        Lead lead = fx.poolLead();
        fx.clock.advance(Duration.ofMinutes(5));

        Lead after = leads.markMql(actor(OWNER), lead.id(), null);

        assertThat(after.status()).isEqualTo(LeadStatus.MQL);
        assertThat(after.lastFollowUpAt()).isEqualTo(fx.clock.instant());
        assertThat(fx.followUps()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FollowUpKind.NOTE);
            assertThat(f.content()).isEqualTo(LeadLifecycleCommands.DEFAULT_MQL_NOTE);
        });
        List<ChangeLogEntry> log = fx.log(lead.id());
        assertThat(log).extracting(ChangeLogEntry::action).containsExactly("lead.create", "follow-up.record", "lead.mark-mql");
        assertThat(log.get(2).changes()).containsExactly(new FieldChange("status", "NEW", "MQL"));
        assertThat(log.get(2).context()).isEqualTo(poolRef);
    }

    @Test
    void markMqlKeepsTheNoteGivenAndWorksFromFollowingUp() {
        Lead lead = fx.poolLead();
        leads.markFollowingUp(actor(OWNER), lead.id(), FollowUpKind.CALL, "call");

        Lead after = leads.markMql(actor(OWNER), lead.id(), "Budget confirmed");

        assertThat(after.status()).isEqualTo(LeadStatus.MQL);
        assertThat(fx.followUps()).extracting(FollowUpRecord::content).containsExactly("call", "Budget confirmed");
    }

    @Test
    void markMqlRefusesATooLongNoteAndAnMqlOrInvalidLead() {
        Lead lead = fx.poolLead();
        assertUnchanged(lead, () -> leads.markMql(actor(OWNER), lead.id(), "x".repeat(4001)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("note", ErrorCode.FIELD_TOO_LONG)).isTrue());

        Lead mql = leads.markMql(actor(OWNER), lead.id(), null);
        assertUnchanged(mql, () -> leads.markMql(actor(OWNER), lead.id(), null))
                .isInstanceOf(IllegalTransitionException.class);

        Lead invalid = leads.markInvalid(actor(OWNER), fx.poolLead().id(), "duplicate card");
        assertUnchanged(invalid, () -> leads.markMql(actor(OWNER), invalid.id(), null))
                .isInstanceOf(IllegalTransitionException.class);
    }

    // ---- mark invalid and restore

    @Test
    void markInvalidRemembersTheStatusAndTheReasonAndRestoreGoesBack() {
        Lead lead = fx.poolLead();
        leads.markFollowingUp(actor(OWNER), lead.id(), FollowUpKind.CALL, "no answer");

        Lead invalid = leads.markInvalid(actor(OWNER), lead.id(), "  Number does not exist ");

        assertThat(invalid.status()).isEqualTo(LeadStatus.INVALID);
        assertThat(invalid.statusBeforeInvalid()).isEqualTo(LeadStatus.FOLLOWING_UP);
        assertThat(invalid.invalidReason()).isEqualTo("Number does not exist");
        ChangeLogEntry marked = last(lead.id());
        assertThat(marked.action()).isEqualTo("lead.mark-invalid");
        assertThat(marked.reason()).isEqualTo("Number does not exist");
        assertThat(marked.context()).isEqualTo(poolRef);
        assertThat(marked.changes()).containsExactly(
                new FieldChange("status", "FOLLOWING_UP", "INVALID"),
                new FieldChange("statusBeforeInvalid", null, "FOLLOWING_UP"),
                new FieldChange("invalidReason", null, "Number does not exist"));

        fx.clock.advance(Duration.ofDays(1));
        Lead restored = leads.restore(actor(POOL_ADMIN), lead.id());

        assertThat(restored.status()).isEqualTo(LeadStatus.FOLLOWING_UP);
        assertThat(restored.statusBeforeInvalid()).isNull();
        assertThat(restored.invalidReason()).isNull();
        assertThat(restored.updatedAt()).isEqualTo(fx.clock.instant());
        ChangeLogEntry back = last(lead.id());
        assertThat(back.action()).isEqualTo("lead.restore");
        assertThat(back.actor()).isEqualTo(POOL_ADMIN);
        assertThat(back.changes()).containsExactly(
                new FieldChange("status", "INVALID", "FOLLOWING_UP"),
                new FieldChange("statusBeforeInvalid", "FOLLOWING_UP", null),
                new FieldChange("invalidReason", "Number does not exist", null));
        assertThat(told()).extracting(Notification::type).containsExactly("lead.restore");
    }

    @Test
    void markInvalidRequiresAReasonAndAWorkableLead() {
        Lead lead = fx.poolLead();
        assertUnchanged(lead, () -> leads.markInvalid(actor(OWNER), lead.id(), " "))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("reason", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertUnchanged(lead, () -> leads.markInvalid(actor(OWNER), lead.id(), "x".repeat(Lead.MAX_INVALID_REASON + 1)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("reason", ErrorCode.FIELD_TOO_LONG)).isTrue());

        Lead invalid = leads.markInvalid(actor(OWNER), lead.id(), "spam");
        assertUnchanged(invalid, () -> leads.markInvalid(actor(OWNER), lead.id(), "again"))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void restoreRefusesALeadThatIsNotInvalid() {
        Lead lead = fx.poolLead();

        assertUnchanged(lead, () -> leads.restore(actor(OWNER), lead.id()))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.machine()).isEqualTo(LeadLifecycle.MACHINE);
                    assertThat(e.from()).isEqualTo("NEW");
                    assertThat(e.action()).isEqualTo("RESTORE");
                });
    }

    // ---- who may act

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownerOrAdminCommands")
    void aMemberWhoNeitherOwnsNorAdministersTheLeadIsRefusedAndNothingChanges(String name, Command command) {
        Lead lead = fx.poolLead();

        assertUnchanged(lead, () -> command.run(leads, actor(MEMBER), lead.id()))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.action()).startsWith("lead."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownerOrAdminCommands")
    void anUnclaimedPoolLeadIsWorkedByItsAdminsOnly(String name, Command command) {
        Lead lead = fx.createLead(fx.pool, null);

        assertUnchanged(lead, () -> command.run(leads, actor(OWNER), lead.id())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aPoolAdminAdministersOnlyTheLeadsOfTheirPool() {
        Lead own = fx.createLead(null, OWNER);

        assertUnchanged(own, () -> leads.markInvalid(actor(POOL_ADMIN), own.id(), "spam")).isInstanceOf(ForbiddenException.class);
        assertUnchanged(own, () -> leads.lock(actor(POOL_ADMIN), own.id())).isInstanceOf(ForbiddenException.class);
        assertThat(leads.lock(actor(TENANT_ADMIN), own.id()).locked()).isTrue();
        assertThat(last(own.id()).context()).as("no pool: no pool-log context").isNull();
    }

    // ---- lock and unlock

    @Test
    void onlyAdminsLockAndUnlockAndALockedLeadTakesNothingElse() {
        Lead lead = fx.poolLead();
        assertUnchanged(lead, () -> leads.lock(actor(OWNER), lead.id())).isInstanceOf(ForbiddenException.class);

        Lead locked = leads.lock(actor(POOL_ADMIN), lead.id());

        assertThat(locked.locked()).isTrue();
        ChangeLogEntry entry = last(lead.id());
        assertThat(entry.action()).isEqualTo("lead.lock");
        assertThat(entry.actor()).isEqualTo(POOL_ADMIN);
        assertThat(entry.context()).isEqualTo(poolRef);
        assertThat(entry.changes()).containsExactly(new FieldChange("locked", "false", "true"));
        assertThat(told()).singleElement().satisfies(n -> {
            assertThat(n.type()).isEqualTo("lead.lock");
            assertThat(n.recipients()).containsExactly(OWNER);
        });

        assertUnchanged(locked, () -> leads.unlock(actor(OWNER), lead.id())).isInstanceOf(ForbiddenException.class);
        for (var command : statusCommandsAndVoid()) {
            assertUnchanged(locked, () -> command.run(leads, actor(OWNER), lead.id()))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("lead.locked"));
        }
        assertUnchanged(locked, () -> leads.lock(actor(POOL_ADMIN), lead.id()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("lead.locked"));

        Lead unlocked = leads.unlock(actor(TENANT_ADMIN), lead.id());

        assertThat(unlocked.locked()).isFalse();
        assertThat(last(lead.id()).action()).isEqualTo("lead.unlock");
        assertThat(last(lead.id()).changes()).containsExactly(new FieldChange("locked", "true", "false"));
        assertThat(leads.markMql(actor(OWNER), lead.id(), null).status()).isEqualTo(LeadStatus.MQL);
    }

    @Test
    void unlockRefusesALeadThatIsNotLocked() {
        Lead lead = fx.poolLead();

        assertUnchanged(lead, () -> leads.unlock(actor(POOL_ADMIN), lead.id()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("lead.not-locked"));
    }

    // ---- recycle bin

    @Test
    void voidPutsTheLeadInTheBinWhereItTakesNothingButRestoreFromBin() {
        Lead lead = fx.poolLead();
        leads.markFollowingUp(actor(OWNER), lead.id(), FollowUpKind.CALL, "call");

        Lead voided = leads.voidLead(actor(OWNER), lead.id(), "Imported twice");

        assertThat(voided.voided()).isTrue();
        assertThat(voided.status()).as("the status is kept").isEqualTo(LeadStatus.FOLLOWING_UP);
        ChangeLogEntry entry = last(lead.id());
        assertThat(entry.action()).isEqualTo("lead.void");
        assertThat(entry.reason()).isEqualTo("Imported twice");
        assertThat(entry.context()).isEqualTo(poolRef);
        assertThat(entry.changes()).containsExactly(new FieldChange("voided", "false", "true"));

        for (var command : statusCommandsAndVoid()) {
            assertUnchanged(voided, () -> command.run(leads, actor(OWNER), lead.id()))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("lead.voided"));
        }
        assertUnchanged(voided, () -> leads.lock(actor(POOL_ADMIN), lead.id()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("lead.voided"));
        assertUnchanged(voided, () -> leads.unlock(actor(POOL_ADMIN), lead.id()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("lead.voided"));
        assertUnchanged(voided, () -> leads.restoreFromBin(actor(MEMBER), lead.id())).isInstanceOf(ForbiddenException.class);

        Lead restored = leads.restoreFromBin(actor(OWNER), lead.id());

        assertThat(restored.voided()).isFalse();
        assertThat(restored.status()).isEqualTo(LeadStatus.FOLLOWING_UP);
        assertThat(last(lead.id()).action()).isEqualTo("lead.restore-from-bin");
        assertThat(last(lead.id()).changes()).containsExactly(new FieldChange("voided", "true", "false"));
    }

    @Test
    void voidTakesAnOptionalReasonOfLimitedLength() {
        Lead lead = fx.poolLead();
        assertUnchanged(lead, () -> leads.voidLead(actor(OWNER), lead.id(), "x".repeat(2001)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("reason", ErrorCode.FIELD_TOO_LONG)).isTrue());

        assertThat(leads.voidLead(actor(POOL_ADMIN), lead.id(), null).voided()).isTrue();
        assertThat(last(lead.id()).reason()).isNull();
        assertThat(told()).extracting(Notification::type).containsExactly("lead.void");
    }

    @Test
    void restoreFromBinRefusesALeadThatIsNotInTheBin() {
        Lead lead = fx.poolLead();

        assertUnchanged(lead, () -> leads.restoreFromBin(actor(OWNER), lead.id()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("lead.not-voided"));
    }

    // ---- converted is final

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void aConvertedLeadRefusesEveryCommand(String name, Command command) {
        Lead lead = fx.poolLead();
        Lead converted = new LeadConversion(fx.rules).convert(actor(OWNER), lead.id(), ConvertLead.toNewAccount()).lead();
        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);

        assertUnchanged(converted, () -> command.run(leads, actor(TENANT_ADMIN), lead.id()))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.machine()).isEqualTo(LeadLifecycle.MACHINE);
                    assertThat(e.from()).isEqualTo("CONVERTED");
                });
    }

    // ---- helpers

    /** A command under test, run by {@code actor} on {@code lead} with valid arguments. */
    @FunctionalInterface
    interface Command {
        void run(LeadLifecycleCommands commands, Actor actor, LeadId lead);
    }

    private static Arguments command(String name, Command command) {
        return Arguments.of(name, command);
    }

    private static List<Command> statusCommandsAndVoid() {
        return List.of(
                (c, a, l) -> c.markFollowingUp(a, l, FollowUpKind.CALL, "call"),
                (c, a, l) -> c.markMql(a, l, null),
                (c, a, l) -> c.markInvalid(a, l, "spam"),
                (c, a, l) -> c.restore(a, l),
                (c, a, l) -> c.voidLead(a, l, "duplicate"));
    }

    static Stream<Arguments> ownerOrAdminCommands() {
        return Stream.of(
                command("markFollowingUp", (c, a, l) -> c.markFollowingUp(a, l, FollowUpKind.CALL, "call")),
                command("markMql", (c, a, l) -> c.markMql(a, l, null)),
                command("markInvalid", (c, a, l) -> c.markInvalid(a, l, "spam")),
                command("restore", (c, a, l) -> c.restore(a, l)),
                command("lock", (c, a, l) -> c.lock(a, l)),
                command("unlock", (c, a, l) -> c.unlock(a, l)),
                command("voidLead", (c, a, l) -> c.voidLead(a, l, "duplicate")),
                command("restoreFromBin", (c, a, l) -> c.restoreFromBin(a, l)));
    }

    static Stream<Arguments> everyCommand() {
        return ownerOrAdminCommands();
    }

    /** The notifications the commands under test queued (leaving out the creation's {@code lead.assigned}). */
    private List<Notification> told() {
        return fx.notifications().stream().filter(n -> !n.type().equals("lead.assigned")).toList();
    }

    private ChangeLogEntry last(LeadId lead) {
        List<ChangeLogEntry> log = fx.log(lead);
        return log.get(log.size() - 1);
    }

    /**
     * Runs {@code call}, expecting it to throw, and checks that nothing changed: the lead (version
     * included) is {@code expected}, and its change log, the follow-ups and the outbox are as before.
     */
    private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertUnchanged(Lead expected,
            ThrowingCallable call) {
        Lead stored = fx.lead(expected.id());
        assertThat(stored).isEqualTo(expected);
        int entries = fx.log(expected.id()).size();
        int followUps = fx.followUps().size();
        int notifications = fx.notifications().size();
        var thrown = assertThatThrownBy(call);
        assertThat(fx.lead(expected.id())).isEqualTo(expected);
        assertThat(fx.log(expected.id())).hasSize(entries);
        assertThat(fx.followUps()).hasSize(followUps);
        assertThat(fx.notifications()).hasSize(notifications);
        return thrown;
    }
}
