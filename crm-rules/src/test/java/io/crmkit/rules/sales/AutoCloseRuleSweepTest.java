package io.crmkit.rules.sales;

import static io.crmkit.rules.sales.SalesFixture.BOSS;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static io.crmkit.rules.sales.SalesFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.AutoCloseRule;
import io.crmkit.core.sales.CloseResult;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityStage;
import io.crmkit.core.sales.SalesProcess;
import io.crmkit.core.sales.SalesProcessId;
import io.crmkit.core.sales.Stage;
import io.crmkit.core.sales.StageId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The automatic close rules as {@link OpportunityCommands#closeInactive} applies them, including the peer
 * defect: an automatic rule moving an already won opportunity to lost.
 */
class AutoCloseRuleSweepTest {
    private static final SalesProcessId DEFAULT = SalesProcess.DEFAULT_ID;

    private final SalesFixture fx = new SalesFixture();
    private final OpportunityFixture of = new OpportunityFixture(fx);
    private final OpportunityCommands opps = fx.crm.opportunities();
    private final Account account = fx.account();

    private Opportunity open() {
        return opps.create(actor(REP), NewOpportunity.builder().name("Deal").accountId(account.id())
                .amount(Money.of("100.00", "CNY")).build());
    }

    private Opportunity open(SalesProcessId process) {
        return opps.create(actor(REP), NewOpportunity.builder().name("Deal").accountId(account.id())
                .salesProcessId(process).amount(Money.of("100.00", "CNY")).build());
    }

    private void rules(AutoCloseRule... rules) {
        of.sales(s -> s.autoCloseRules(List.of(rules)));
    }

    private AutoCloseResult sweep() {
        return opps.closeInactive(actor(BOSS));
    }

    @Test
    void peerDefectAnAutomaticRuleNeverMovesAWonOrLostOpportunity() {
        rules(AutoCloseRule.lostAfter("r90", DEFAULT, 90, "No response"));
        Opportunity won = opps.close(actor(REP), open().id(), CloseResult.WON, null);
        Opportunity lost = opps.close(actor(REP), open().id(), CloseResult.LOST, "Price");
        Opportunity invalid = opps.close(actor(REP), open().id(), CloseResult.INVALID, null);
        fx.advanceDays(200);

        AutoCloseResult result = sweep();

        assertThat(result.closed()).isEmpty();
        assertThat(result.examined()).as("closed ones are not even queried").isZero();
        for (Opportunity o : List.of(won, lost, invalid)) {
            assertThat(of.get(o.id())).as("unchanged, same version").isEqualTo(o);
            assertThat(fx.log(RecordType.OPPORTUNITY, o.id())).extracting(ChangeLogEntry::action)
                    .containsExactly("opportunity.create", "opportunity.close");
        }
        assertThat(of.get(won.id()).stage()).isEqualTo(OpportunityStage.closed(StageId.of("VERIFY_CUSTOMER"),
                CloseResult.WON));
    }

    @Test
    void anInactiveOpenOpportunityIsClosedThroughTheModelAndLogged() {
        rules(AutoCloseRule.lostAfter("r90", DEFAULT, 90, "No response"));
        Opportunity o = open();
        Opportunity won = opps.close(actor(REP), open().id(), CloseResult.WON, null);
        fx.advanceDays(90);

        AutoCloseResult result = sweep();

        assertThat(result.closed()).containsExactly(new AutoCloseResult.Closed(o.id(), "r90", CloseResult.LOST));
        assertThat(result.examined()).isEqualTo(1);
        assertThat(result.problems()).isEmpty();
        Opportunity closed = of.get(o.id());
        assertThat(closed.stage()).isEqualTo(OpportunityStage.closed(StageId.of("VERIFY_CUSTOMER"), CloseResult.LOST));
        assertThat(closed.lostReason()).isEqualTo("No response");
        assertThat(closed.closedAt()).isEqualTo(fx.clock.instant());
        ChangeLogEntry entry = fx.lastEntry(RecordType.OPPORTUNITY, o.id());
        assertThat(entry.action()).isEqualTo(OpportunityCommands.ACTION_AUTO_CLOSE).isEqualTo("opportunity.auto-close");
        assertThat(entry.actor()).isEqualTo(BOSS);
        assertThat(entry.reason()).isEqualTo("r90: No response");
        assertThat(fx.outbox()).singleElement().satisfies(n -> {
            assertThat(n.notification().recipients()).containsExactly(REP);
            assertThat(n.notification().type()).isEqualTo("opportunity.auto-close");
        });
        assertThat(of.get(won.id())).isEqualTo(won);

        assertThat(sweep().closed()).as("a second run closes nothing more").isEmpty();
        assertThat(fx.log(RecordType.OPPORTUNITY, o.id())).hasSize(2);
    }

    @Test
    void rulesMatchStagesByIdNotByName() {
        SalesProcess twins = SalesProcess.builder().id(SalesProcessId.of("twins")).name("Twins")
                .stages(List.of(Stage.of("EARLY_OFFER", "Offer", 30), Stage.of("LATE_OFFER", "Offer", 60))).build();
        of.sales(s -> s.processes(List.of(SalesProcess.defaultProcess(), twins)));
        rules(AutoCloseRule.lostAfter("late", twins.id(), 30, null).onlyIn(Set.of(StageId.of("LATE_OFFER"))));
        Opportunity early = open(twins.id());
        Opportunity late = opps.advance(actor(REP), open(twins.id()).id());
        fx.advanceDays(30);

        AutoCloseResult result = sweep();

        assertThat(result.closed()).extracting(AutoCloseResult.Closed::opportunityId).containsExactly(late.id());
        assertThat(result.examined()).as("both were queried, the stage filtered in code").isEqualTo(2);
        assertThat(of.get(early.id())).as("same display name, other id: untouched").isEqualTo(early);

        // Renaming the watched stage's display name does not make the rule miss it.
        SalesProcess renamed = twins.toBuilder().stages(List.of(Stage.of("EARLY_OFFER", "Offer", 30),
                Stage.of("LATE_OFFER", "Final offer (renamed)", 60))).build();
        of.sales(s -> s.processes(List.of(SalesProcess.defaultProcess(), renamed)));
        Opportunity another = opps.advance(actor(REP), open(twins.id()).id());
        fx.advanceDays(30);

        assertThat(sweep().closed()).extracting(AutoCloseResult.Closed::opportunityId).containsExactly(another.id());
        assertThat(of.get(early.id()).isClosed()).isFalse();
    }

    @Test
    void inactivityIsCountedInCalendarDaysOfTheTenantsZone() {
        rules(AutoCloseRule.lostAfter("r10", DEFAULT, 10, null));
        // 23:59 on 2 March in Shanghai.
        fx.clock.set(Instant.parse("2026-03-02T15:59:00Z"));
        Opportunity lateOnTheSecond = open();
        // 00:01 on 3 March in Shanghai, two minutes later.
        fx.clock.set(Instant.parse("2026-03-02T16:01:00Z"));
        Opportunity earlyOnTheThird = open();

        // 23:59 on 11 March: 9 calendar days after the 2nd, untouched.
        fx.clock.set(Instant.parse("2026-03-11T15:59:00Z"));
        assertThat(sweep().closed()).isEmpty();

        // 00:30 on 12 March: 10 calendar days after the 2nd (only 9 days and 31 minutes of clock time), 9 after the 3rd.
        fx.clock.set(Instant.parse("2026-03-11T16:30:00Z"));
        assertThat(sweep().closed()).extracting(AutoCloseResult.Closed::opportunityId)
                .containsExactly(lateOnTheSecond.id());
        assertThat(of.get(earlyOnTheThird.id()).isClosed()).isFalse();

        // 00:00 on 13 March: now the 3rd is 10 days back too.
        fx.clock.set(Instant.parse("2026-03-12T16:00:00Z"));
        assertThat(sweep().closed()).extracting(AutoCloseResult.Closed::opportunityId)
                .containsExactly(earlyOnTheThird.id());
    }

    @Test
    void exactlyInactiveDaysMinusOneIsUntouchedInactiveDaysIsClosed() {
        rules(AutoCloseRule.lostAfter("r90", DEFAULT, 90, null));
        Opportunity o = open();

        fx.advanceDays(89);
        assertThat(sweep().closed()).isEmpty();
        assertThat(of.get(o.id())).isEqualTo(o);

        fx.advanceDays(1);
        assertThat(sweep().closed()).extracting(AutoCloseResult.Closed::opportunityId).containsExactly(o.id());
    }

    @Test
    void aRecentFollowUpOrChangeKeepsAnOpportunityOpen() {
        rules(AutoCloseRule.lostAfter("r30", DEFAULT, 30, null));
        Opportunity followed = open();
        Opportunity changed = open();
        Opportunity idle = open();
        fx.advanceDays(40);
        // A follow-up 5 days ago (the follow-up service stamps lastFollowUpAt, not updatedAt).
        Opportunity withFollowUp = of.store(of.get(followed.id()).toBuilder()
                .lastFollowUpAt(fx.clock.instant().minus(Duration.ofDays(5))).build());
        opps.advance(actor(REP), changed.id());

        AutoCloseResult result = sweep();

        assertThat(result.closed()).extracting(AutoCloseResult.Closed::opportunityId).containsExactly(idle.id());
        assertThat(of.get(followed.id())).isEqualTo(withFollowUp);
        assertThat(of.get(changed.id()).isClosed()).isFalse();
    }

    @Test
    void aRuleWatchesOnlyItsProcessAndItsStagesAndMayCloseAsInvalid() {
        of.withStrictProcess();
        rules(new AutoCloseRule("junk", OpportunityFixture.STRICT.id(), Set.of(StageId.of("QUALIFY")), 14,
                CloseResult.INVALID, null));
        Opportunity inDefault = open();
        Opportunity qualifying = open(OpportunityFixture.STRICT.id());
        Opportunity offering = opps.advance(actor(REP), open(OpportunityFixture.STRICT.id()).id());
        fx.advanceDays(14);

        AutoCloseResult result = sweep();

        assertThat(result.closed()).containsExactly(new AutoCloseResult.Closed(qualifying.id(), "junk",
                CloseResult.INVALID));
        assertThat(of.get(qualifying.id()).lostReason()).isNull();
        assertThat(fx.lastEntry(RecordType.OPPORTUNITY, qualifying.id()).reason()).isEqualTo("junk");
        assertThat(of.get(inDefault.id())).isEqualTo(inDefault);
        assertThat(of.get(offering.id())).isEqualTo(offering);
    }

    @Test
    void twoRulesOnOneOpportunityCloseItOnce() {
        rules(AutoCloseRule.lostAfter("first", DEFAULT, 10, "No response"),
                AutoCloseRule.lostAfter("second", DEFAULT, 5, "Went quiet"));
        Opportunity o = open();
        fx.advanceDays(20);

        AutoCloseResult result = sweep();

        assertThat(result.closed()).containsExactly(new AutoCloseResult.Closed(o.id(), "first", CloseResult.LOST));
        assertThat(result.examined()).isEqualTo(1);
        assertThat(fx.log(RecordType.OPPORTUNITY, o.id())).hasSize(2);
        assertThat(of.get(o.id()).lostReason()).isEqualTo("No response");
    }

    @Test
    void manyOpportunitiesArePagedThrough() {
        rules(AutoCloseRule.lostAfter("r1", DEFAULT, 1, null));
        int count = OpportunityCommands.PAGE + 3;
        for (int i = 0; i < count; i++) {
            open();
        }
        fx.advanceDays(1);

        AutoCloseResult result = sweep();

        assertThat(result.closed()).hasSize(count);
        assertThat(result.examined()).isEqualTo(count);
    }

    @Test
    void onlyAnAdminSweeps() {
        rules(AutoCloseRule.lostAfter("r1", DEFAULT, 1, null));
        open();
        fx.advanceDays(5);

        of.assertUnchanged(() -> opps.closeInactive(actor(REP))).isInstanceOf(ForbiddenException.class);
    }
}
