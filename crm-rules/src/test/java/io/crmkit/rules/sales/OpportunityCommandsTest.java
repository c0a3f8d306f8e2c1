package io.crmkit.rules.sales;

import static io.crmkit.rules.sales.OpportunityFixture.STRICT;
import static io.crmkit.rules.sales.SalesFixture.BOSS;
import static io.crmkit.rules.sales.SalesFixture.OTHER;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static io.crmkit.rules.sales.SalesFixture.TEAMMATE;
import static io.crmkit.rules.sales.SalesFixture.VIEWER;
import static io.crmkit.rules.sales.SalesFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.CloseResult;
import io.crmkit.core.sales.Competitor;
import io.crmkit.core.sales.ContactStatus;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityContact;
import io.crmkit.core.sales.OpportunityStage;
import io.crmkit.core.sales.Relationship;
import io.crmkit.core.sales.SalesProcess;
import io.crmkit.core.sales.SalesProcessId;
import io.crmkit.core.sales.StageId;
import io.crmkit.core.sales.StageMoves;
import io.crmkit.core.sales.Stance;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpportunityCommandsTest {
    private static final StageId VERIFY = StageId.of("VERIFY_CUSTOMER");
    private static final StageId CONFIRM = StageId.of("CONFIRM_NEEDS");
    private static final StageId PROPOSAL = StageId.of("PROPOSAL");
    private static final StageId NEGOTIATION = StageId.of("NEGOTIATION");

    private final SalesFixture fx = new SalesFixture();
    private final OpportunityFixture of = new OpportunityFixture(fx);
    private final OpportunityCommands opps = fx.crm.opportunities();
    private final Account account = fx.account();

    private NewOpportunity.Builder deal() {
        return NewOpportunity.builder().name("  Big deal  ").accountId(account.id()).amount(Money.of("5000.00", "CNY"))
                .expectedCloseDate(LocalDate.of(2026, 6, 30));
    }

    private Opportunity open() {
        return opps.create(actor(REP), deal().build());
    }

    private List<ChangeLogEntry> log(Opportunity o) {
        return fx.log(RecordType.OPPORTUNITY, o.id());
    }

    // ---- create

    @Test
    void createStartsAtTheFirstStageOfTheDefaultProcessOwnedByTheActorAndLogsEveryField() {
        Opportunity o = open();

        assertThat(o.name()).isEqualTo("Big deal");
        assertThat(o.accountId()).isEqualTo(account.id());
        assertThat(o.salesProcessId()).isEqualTo(SalesProcess.DEFAULT_ID);
        assertThat(o.stage()).isEqualTo(OpportunityStage.open(VERIFY));
        assertThat(o.amount()).isEqualTo(Money.of("5000.00", "CNY"));
        assertThat(o.owner()).isEqualTo(REP);
        assertThat(o.closedAt()).isNull();
        assertThat(o.version()).isEqualTo(1);
        assertThat(o.createdAt()).isEqualTo(fx.clock.instant());
        assertThat(of.get(o.id())).isEqualTo(o);

        ChangeLogEntry entry = fx.lastEntry(RecordType.OPPORTUNITY, o.id());
        assertThat(entry.action()).isEqualTo(OpportunityCommands.ACTION_CREATE).isEqualTo("opportunity.create");
        assertThat(entry.actor()).isEqualTo(REP);
        assertThat(entry.context()).isNull();
        assertThat(entry.changes()).contains(new FieldChange("name", null, "Big deal"),
                new FieldChange("stage", null, "VERIFY_CUSTOMER"), new FieldChange("amount", null, "CNY 5000.00"),
                new FieldChange("expectedCloseDate", null, "2026-06-30"));
        assertThat(fx.outbox()).as("the owner acted").isEmpty();
    }

    @Test
    void aReadWriteTeamMateMayCreateAReadOnlyOneOrAStrangerMayNot() {
        Opportunity byMate = opps.create(actor(TEAMMATE), deal().build());
        assertThat(byMate.owner()).isEqualTo(TEAMMATE);

        of.assertUnchanged(() -> opps.create(actor(VIEWER), deal().build())).isInstanceOf(ForbiddenException.class);
        of.assertUnchanged(() -> opps.create(actor(OTHER), deal().build())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void onlyAnAdminMayNameAnotherOwnerAndTheOwnerIsTold() {
        of.assertUnchanged(() -> opps.create(actor(REP), deal().owner(TEAMMATE).build()))
                .isInstanceOf(ForbiddenException.class);

        Opportunity o = opps.create(actor(BOSS), deal().owner(TEAMMATE).build());

        assertThat(o.owner()).isEqualTo(TEAMMATE);
        assertThat(fx.outbox()).singleElement().satisfies(n -> {
            assertThat(n.notification().recipients()).containsExactly(TEAMMATE);
            assertThat(n.notification().type()).isEqualTo("opportunity.create");
        });
    }

    @Test
    void createRefusesALockedOrVoidedAccount() {
        Account locked = fx.account(b -> b.locked(true));
        Account voided = fx.account(b -> b.voided(true));

        of.assertUnchanged(() -> opps.create(actor(REP), deal().accountId(locked.id()).build()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("account.locked"));
        of.assertUnchanged(() -> opps.create(actor(REP), deal().accountId(voided.id()).build()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("account.voided"));
    }

    @Test
    void createListsEveryInputProblem() {
        NewOpportunity bad = NewOpportunity.builder().name(" ").accountId(account.id())
                .amount(Money.of("-1.00", "CNY")).build();

        of.assertUnchanged(() -> opps.create(actor(REP), bad)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.hasViolation("name", ErrorCode.FIELD_REQUIRED)).isTrue();
            assertThat(e.hasViolation("amount", ErrorCode.FIELD_NEGATIVE)).isTrue();
        });
        of.assertUnchanged(() -> opps.create(actor(REP), deal().amount(null).build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("amount", ErrorCode.FIELD_REQUIRED)).isTrue());
        of.assertUnchanged(() -> opps.create(actor(REP), deal().accountId(null).build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("accountId", ErrorCode.FIELD_REQUIRED)).isTrue());
        of.assertUnchanged(() -> opps.create(actor(REP), deal().name("x".repeat(201)).build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("name", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
    }

    @Test
    void anUnknownProcessAccountOrLeadIsNotFound() {
        of.assertUnchanged(() -> opps.create(actor(REP), deal().salesProcessId(SalesProcessId.of("nope")).build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.recordType()).isEqualTo("SalesProcess"));
        of.assertUnchanged(() -> opps.create(actor(REP), deal().sourceLeadId(LeadId.of("L404")).build()))
                .isInstanceOf(NotFoundException.class);
        of.assertUnchanged(() -> opps.create(actor(REP), deal().accountId(io.crmkit.core.account.AccountId.of("A404"))
                .build())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSourceLeadIsLinkedAndLogged() {
        Lead lead = fx.store.transact(tx -> tx.leads().insert(Lead.builder().id(LeadId.of("L1"))
                .tenantId(SalesFixture.TENANT).personName("Wang").company("Acme").status(LeadStatus.MQL).owner(REP).ownedSince(fx.clock.instant())
                .createdAt(fx.clock.instant()).updatedAt(fx.clock.instant()).build()));

        Opportunity o = opps.create(actor(REP), deal().sourceLeadId(lead.id()).build());

        assertThat(o.sourceLeadId()).isEqualTo(lead.id());
        assertThat(fx.lastEntry(RecordType.OPPORTUNITY, o.id()).changes())
                .contains(new FieldChange("sourceLeadId", null, "L1"));
    }

    @Test
    void aNamedProcessStartsAtItsFirstStage() {
        of.withStrictProcess();

        Opportunity o = opps.create(actor(REP), deal().salesProcessId(STRICT.id()).build());

        assertThat(o.salesProcessId()).isEqualTo(STRICT.id());
        assertThat(o.stage()).isEqualTo(OpportunityStage.open(StageId.of("QUALIFY")));
    }

    // ---- update

    @Test
    void updateChangesTheNamedFieldsAndLogsOnlyThem() {
        Opportunity o = open();
        fx.advance(Duration.ofHours(1));

        Opportunity after = opps.update(actor(REP), o.id(), OpportunityUpdate.none().withName("Bigger deal")
                .withAmount(Money.of("7000.00", "CNY")).withoutExpectedCloseDate());

        assertThat(after.name()).isEqualTo("Bigger deal");
        assertThat(after.amount()).isEqualTo(Money.of("7000.00", "CNY"));
        assertThat(after.expectedCloseDate()).isNull();
        assertThat(after.updatedAt()).isEqualTo(fx.clock.instant());
        assertThat(after.version()).isEqualTo(2);
        ChangeLogEntry entry = fx.lastEntry(RecordType.OPPORTUNITY, o.id());
        assertThat(entry.action()).isEqualTo("opportunity.update");
        assertThat(entry.changes()).containsExactly(new FieldChange("name", "Big deal", "Bigger deal"),
                new FieldChange("expectedCloseDate", "2026-06-30", null),
                new FieldChange("amount", "CNY 5000.00", "CNY 7000.00"));
    }

    @Test
    void anUpdateThatChangesNothingLogsNothing() {
        Opportunity o = open();

        assertThat(opps.update(actor(REP), o.id(), OpportunityUpdate.none().withName("Big deal"))).isEqualTo(o);
        assertThat(log(o)).hasSize(1);
    }

    @Test
    void updateRefusalsChangeNothing() {
        Opportunity o = open();

        of.assertUnchanged(() -> opps.update(actor(TEAMMATE), o.id(), OpportunityUpdate.none().withName("x")))
                .as("a team mate may create but not change another's").isInstanceOf(ForbiddenException.class);
        of.assertUnchanged(() -> opps.update(actor(OTHER), o.id(), OpportunityUpdate.none().withName("x")))
                .isInstanceOf(ForbiddenException.class);
        of.assertUnchanged(() -> opps.update(actor(REP), o.id(), OpportunityUpdate.none().withName("  ")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("name", ErrorCode.FIELD_REQUIRED)).isTrue());
        of.assertUnchanged(() -> opps.update(actor(REP), o.id(), OpportunityUpdate.none()
                .withAmount(Money.of("-5.00", "CNY")))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("amount", ErrorCode.FIELD_NEGATIVE)).isTrue());
        assertThat(opps.update(actor(BOSS), o.id(), OpportunityUpdate.none().withName("By boss")).name())
                .isEqualTo("By boss");
    }

    // ---- stages

    @Test
    void advanceMovesOneStageAndLogsTheStage() {
        Opportunity o = open();

        Opportunity after = opps.advance(actor(REP), o.id());

        assertThat(after.stage()).isEqualTo(OpportunityStage.open(CONFIRM));
        ChangeLogEntry entry = fx.lastEntry(RecordType.OPPORTUNITY, o.id());
        assertThat(entry.action()).isEqualTo("opportunity.advance");
        assertThat(entry.changes()).containsExactly(new FieldChange("stage", "VERIFY_CUSTOMER", "CONFIRM_NEEDS"));
    }

    @Test
    void advanceFromTheLastStageIsTheModelsIllegalTransition() {
        Opportunity o = open();
        opps.moveTo(actor(REP), o.id(), NEGOTIATION);

        of.assertUnchanged(() -> opps.advance(actor(REP), o.id()))
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        e -> assertThat(e.machine()).isEqualTo(StageMoves.MACHINE));
    }

    @Test
    void moveToGoesForwardAndBackWhereTheProcessAllows() {
        Opportunity o = open();

        assertThat(opps.moveTo(actor(REP), o.id(), PROPOSAL).stage()).isEqualTo(OpportunityStage.open(PROPOSAL));
        assertThat(fx.lastEntry(RecordType.OPPORTUNITY, o.id()).action()).isEqualTo("opportunity.move");
        assertThat(opps.moveTo(actor(REP), o.id(), CONFIRM).stage()).isEqualTo(OpportunityStage.open(CONFIRM));
        of.assertUnchanged(() -> opps.moveTo(actor(REP), o.id(), CONFIRM)).isInstanceOf(IllegalTransitionException.class);
        of.assertUnchanged(() -> opps.moveTo(actor(REP), o.id(), StageId.of("NOPE")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("stageId", ErrorCode.UNKNOWN_STAGE)).isTrue());
    }

    @Test
    void aCustomProcessWithoutRollbackOrReopenAndWithLostReasons() {
        of.withStrictProcess();
        Opportunity o = opps.create(actor(REP), deal().salesProcessId(STRICT.id()).build());

        assertThat(opps.advance(actor(REP), o.id()).stage()).isEqualTo(OpportunityStage.open(StageId.of("OFFER")));
        assertThat(opps.moveTo(actor(REP), o.id(), StageId.of("CLOSING")).stage().stageId().value()).isEqualTo("CLOSING");
        of.assertUnchanged(() -> opps.moveTo(actor(REP), o.id(), StageId.of("QUALIFY")))
                .as("no rollback").isInstanceOf(IllegalTransitionException.class);
        of.assertUnchanged(() -> opps.moveTo(actor(REP), o.id(), VERIFY))
                .as("a stage of another process").isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("stageId", ErrorCode.UNKNOWN_STAGE)).isTrue());
        of.assertUnchanged(() -> opps.close(actor(REP), o.id(), CloseResult.LOST, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("lostReason", ErrorCode.FIELD_REQUIRED)).isTrue());
        of.assertUnchanged(() -> opps.close(actor(REP), o.id(), CloseResult.LOST, "Weather"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("lostReason", ErrorCode.FIELD_INVALID)).isTrue());

        Opportunity lost = opps.close(actor(REP), o.id(), CloseResult.LOST, " Price ");

        assertThat(lost.lostReason()).isEqualTo("Price");
        of.assertUnchanged(() -> opps.reopen(actor(REP), o.id(), StageId.of("QUALIFY")))
                .as("no reopening").isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void closeRecordsTheResultTheTimeAndTheReasonInTheLog() {
        Opportunity o = open();
        fx.advance(Duration.ofMinutes(30));

        Opportunity lost = opps.close(actor(REP), o.id(), CloseResult.LOST, "Went with a competitor");

        assertThat(lost.stage()).isEqualTo(OpportunityStage.closed(VERIFY, CloseResult.LOST));
        assertThat(lost.closedAt()).isEqualTo(fx.clock.instant());
        assertThat(lost.lostReason()).isEqualTo("Went with a competitor");
        ChangeLogEntry entry = fx.lastEntry(RecordType.OPPORTUNITY, o.id());
        assertThat(entry.action()).isEqualTo("opportunity.close");
        assertThat(entry.reason()).isEqualTo("Went with a competitor");
        assertThat(entry.changes()).extracting(FieldChange::field).containsExactly("stage", "lostReason", "closedAt");
    }

    @Test
    void wonAndInvalidTakeNoReason() {
        Opportunity o = open();

        of.assertUnchanged(() -> opps.close(actor(REP), o.id(), CloseResult.WON, "because"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("lostReason", ErrorCode.FIELD_INVALID)).isTrue());
        of.assertUnchanged(() -> opps.close(actor(REP), o.id(), null, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("result", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThat(opps.close(actor(REP), o.id(), CloseResult.INVALID, null).stage().result())
                .isEqualTo(CloseResult.INVALID);
    }

    @Test
    void aClosedOpportunityRefusesEveryChangeButReopen() {
        Opportunity o = open();
        Contact c = of.contact(account.id());
        opps.close(actor(REP), o.id(), CloseResult.WON, null);

        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> changes = List.of(
                () -> opps.update(actor(REP), o.id(), OpportunityUpdate.none().withName("x")),
                () -> opps.setLines(actor(REP), o.id(), List.of(), null),
                () -> opps.advance(actor(REP), o.id()),
                () -> opps.moveTo(actor(REP), o.id(), PROPOSAL),
                () -> opps.close(actor(REP), o.id(), CloseResult.LOST, null),
                () -> opps.setContact(actor(REP), o.id(), OpportunityContact.of(c.id())),
                () -> opps.addCompetitor(actor(REP), o.id(), Competitor.named("Rival")),
                () -> opps.close(actor(BOSS), o.id(), CloseResult.LOST, null));
        for (var change : changes) {
            of.assertUnchanged(change).isInstanceOfSatisfying(RuleViolationException.class,
                    e -> assertThat(e.rule()).isEqualTo(OpportunityCommands.RULE_CLOSED));
        }

        fx.advance(Duration.ofDays(1));
        Opportunity reopened = opps.reopen(actor(REP), o.id(), PROPOSAL);

        assertThat(reopened.stage()).isEqualTo(OpportunityStage.open(PROPOSAL));
        assertThat(reopened.closedAt()).isNull();
        ChangeLogEntry entry = fx.lastEntry(RecordType.OPPORTUNITY, o.id());
        assertThat(entry.action()).isEqualTo("opportunity.reopen");
        assertThat(entry.changes()).extracting(FieldChange::field).containsExactly("stage", "closedAt");
        of.assertUnchanged(() -> opps.reopen(actor(REP), o.id(), PROPOSAL)).as("already open")
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aLockedOpportunityRefusesNonAdminsButNotTheBoss() {
        Opportunity o = of.store(open().toBuilder().locked(true).build());

        of.assertUnchanged(() -> opps.advance(actor(REP), o.id()))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo(OpportunityCommands.RULE_LOCKED));
        of.assertUnchanged(() -> opps.update(actor(REP), o.id(), OpportunityUpdate.none().withName("x")))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo(OpportunityCommands.RULE_LOCKED));

        Opportunity advanced = opps.advance(actor(BOSS), o.id());

        assertThat(advanced.stage().stageId()).isEqualTo(CONFIRM);
        assertThat(fx.outbox()).singleElement().satisfies(n -> {
            assertThat(n.notification().recipients()).containsExactly(REP);
            assertThat(n.notification().type()).isEqualTo("opportunity.advance");
            assertThat(n.notification().payload()).containsEntry("actor", BOSS.value())
                    .containsEntry("stage", "CONFIRM_NEEDS");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"carol", "dave", "bob"})
    void onlyTheOwnerOrAnAdminMovesStages(String user) {
        Opportunity o = open();
        UserId someone = UserId.of(user);

        of.assertUnchanged(() -> opps.advance(actor(someone), o.id())).isInstanceOf(ForbiddenException.class);
        of.assertUnchanged(() -> opps.moveTo(actor(someone), o.id(), PROPOSAL)).isInstanceOf(ForbiddenException.class);
        of.assertUnchanged(() -> opps.close(actor(someone), o.id(), CloseResult.WON, null))
                .isInstanceOf(ForbiddenException.class);
        opps.close(actor(BOSS), o.id(), CloseResult.WON, null);
        of.assertUnchanged(() -> opps.reopen(actor(someone), o.id(), PROPOSAL)).isInstanceOf(ForbiddenException.class);
        assertThat(opps.reopen(actor(BOSS), o.id(), PROPOSAL).stage().isOpen()).isTrue();
    }

    @Test
    void forbiddenComesBeforeInputAndStateChecks() {
        Opportunity o = open();
        opps.close(actor(REP), o.id(), CloseResult.WON, null);

        of.assertUnchanged(() -> opps.moveTo(actor(OTHER), o.id(), null)).isInstanceOf(ForbiddenException.class);
        of.assertUnchanged(() -> opps.moveTo(actor(REP), o.id(), null)).isInstanceOf(ValidationException.class);
    }

    // ---- contacts

    @Test
    void setContactAddsReplacesAndKeepsOnePrimary() {
        Opportunity o = open();
        Contact a = of.contact(account.id());
        Contact b = of.contact(account.id());

        opps.setContact(actor(REP), o.id(), OpportunityContact.of(a.id()).withPrimary(true));
        OpportunityContact bPrimary = new OpportunityContact(b.id(), " DECISION_MAKER ", Stance.SUPPORTER,
                ContactStatus.ACTIVE, Relationship.CLOSE, true);
        Opportunity after = opps.setContact(actor(REP), o.id(), bPrimary);

        assertThat(after.contacts()).containsExactly(OpportunityContact.of(a.id()), bPrimary);
        assertThat(after.contacts().get(1).role()).isEqualTo("DECISION_MAKER");
        assertThat(fx.lastEntry(RecordType.OPPORTUNITY, o.id()).action()).isEqualTo("opportunity.set-contact");

        OpportunityContact aAgain = OpportunityContact.of(a.id()).withPrimary(true);
        Opportunity replaced = opps.setContact(actor(REP), o.id(), aAgain);
        assertThat(replaced.contacts()).containsExactly(aAgain, bPrimary.withPrimary(false));

        Opportunity removed = opps.removeContact(actor(REP), o.id(), a.id());
        assertThat(removed.contacts()).containsExactly(bPrimary.withPrimary(false));
        assertThat(fx.lastEntry(RecordType.OPPORTUNITY, o.id()).action()).isEqualTo("opportunity.remove-contact");
        of.assertUnchanged(() -> opps.removeContact(actor(REP), o.id(), a.id()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("contactId", ErrorCode.FIELD_INVALID)).isTrue());
    }

    @Test
    void aContactOfAnotherAccountOrNoneOrTooLongARoleIsRefused() {
        Opportunity o = open();
        Contact elsewhere = of.contact(fx.account().id());

        of.assertUnchanged(() -> opps.setContact(actor(REP), o.id(), OpportunityContact.of(elsewhere.id())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("contact.contactId", ErrorCode.FIELD_INVALID)).isTrue());
        of.assertUnchanged(() -> opps.setContact(actor(REP), o.id(),
                OpportunityContact.of(io.crmkit.core.contact.ContactId.of("C404"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("contact.contactId", ErrorCode.FIELD_INVALID)).isTrue());
        Contact mine = of.contact(account.id());
        of.assertUnchanged(() -> opps.setContact(actor(REP), o.id(), new OpportunityContact(mine.id(), "r".repeat(65),
                Stance.NEUTRAL, ContactStatus.ACTIVE, Relationship.CLOSE, false)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("contact.role", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
        of.assertUnchanged(() -> opps.setContact(actor(OTHER), o.id(), OpportunityContact.of(mine.id())))
                .isInstanceOf(ForbiddenException.class);
    }

    // ---- competitors

    @Test
    void competitorsAreUniqueByNameWhateverTheCase() {
        Opportunity o = open();

        Opportunity after = opps.addCompetitor(actor(REP), o.id(), new Competitor(" Rival Co ", "cheap", null, null));
        assertThat(after.competitors()).extracting(Competitor::name).containsExactly("Rival Co");
        assertThat(fx.lastEntry(RecordType.OPPORTUNITY, o.id()).action()).isEqualTo("opportunity.add-competitor");

        of.assertUnchanged(() -> opps.addCompetitor(actor(REP), o.id(), Competitor.named("RIVAL co")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("competitor.name", ErrorCode.FIELD_INVALID)).isTrue());
        of.assertUnchanged(() -> opps.addCompetitor(actor(REP), o.id(), Competitor.named(" ")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("competitor.name", ErrorCode.FIELD_REQUIRED)).isTrue());
        of.assertUnchanged(() -> opps.removeCompetitor(actor(REP), o.id(), "Nobody"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("name", ErrorCode.FIELD_INVALID)).isTrue());

        Opportunity removed = opps.removeCompetitor(actor(REP), o.id(), "rival CO");
        assertThat(removed.competitors()).isEmpty();
        assertThat(fx.lastEntry(RecordType.OPPORTUNITY, o.id()).action()).isEqualTo("opportunity.remove-competitor");
    }

    @Test
    void everySuccessfulCommandLogsExactlyOneEntry() {
        Opportunity o = open();
        Contact c = of.contact(account.id());
        opps.update(actor(REP), o.id(), OpportunityUpdate.none().withName("n2"));
        opps.advance(actor(REP), o.id());
        opps.moveTo(actor(REP), o.id(), NEGOTIATION);
        opps.setContact(actor(REP), o.id(), OpportunityContact.of(c.id()));
        opps.removeContact(actor(REP), o.id(), c.id());
        opps.addCompetitor(actor(REP), o.id(), Competitor.named("R"));
        opps.removeCompetitor(actor(REP), o.id(), "R");
        opps.close(actor(REP), o.id(), CloseResult.LOST, null);
        opps.reopen(actor(REP), o.id(), VERIFY);

        assertThat(log(o)).extracting(ChangeLogEntry::action).containsExactly("opportunity.create",
                "opportunity.update", "opportunity.advance", "opportunity.move", "opportunity.set-contact",
                "opportunity.remove-contact", "opportunity.add-competitor", "opportunity.remove-competitor",
                "opportunity.close", "opportunity.reopen");
        assertThat(log(o)).allMatch(e -> e.actor().equals(REP));
        assertThat(of.get(o.id()).version()).isEqualTo(10);
    }
}
