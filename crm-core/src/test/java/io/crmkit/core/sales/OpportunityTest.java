package io.crmkit.core.sales;

import static io.crmkit.core.sales.SalesFixtures.CNY;
import static io.crmkit.core.sales.SalesFixtures.T0;
import static io.crmkit.core.sales.SalesFixtures.USD;
import static io.crmkit.core.sales.SalesFixtures.assertInvalid;
import static io.crmkit.core.sales.SalesFixtures.assertRefused;
import static io.crmkit.core.sales.SalesFixtures.line;
import static io.crmkit.core.sales.SalesFixtures.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.contact.ContactId;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.money.Money;
import io.crmkit.core.validation.CrmValidation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpportunityTest {
    private static final SalesProcess PROCESS = SalesProcess.defaultProcess();
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final ContactId ALICE = ContactId.of("alice");
    private static final ContactId BOB = ContactId.of("bob");

    @Test
    void advanceMovesOneStageAndStampsTheChange() {
        Opportunity o = opportunity(PROCESS).build().advance(PROCESS, T1);

        assertThat(o.stage()).isEqualTo(OpportunityStage.open(StageId.of("CONFIRM_NEEDS")));
        assertThat(o.updatedAt()).isEqualTo(T1);
        assertThat(o.winRatePercent(PROCESS)).isEqualTo(30);
    }

    @Test
    void closingAsLostKeepsTheReasonAndTheCloseTimeAndReopeningClearsThem() {
        Opportunity lost = opportunity(PROCESS).build().close(PROCESS, CloseResult.LOST, " budget cut ", T1);

        assertThat(lost.isClosed()).isTrue();
        assertThat(lost.closedAt()).isEqualTo(T1);
        assertThat(lost.lostReason()).isEqualTo("budget cut");
        assertThat(lost.winRatePercent(PROCESS)).isZero();

        Instant t2 = T1.plusSeconds(60);
        Opportunity reopened = lost.reopen(PROCESS, StageId.of("PROPOSAL"), t2);

        assertThat(reopened.isClosed()).isFalse();
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.lostReason()).isNull();
        assertThat(reopened.updatedAt()).isEqualTo(t2);
        assertThat(reopened.winRatePercent(PROCESS)).isEqualTo(50);
    }

    @Test
    void closingAsWonHasWinRate100AndNoReason() {
        Opportunity won = opportunity(PROCESS).build().close(PROCESS, CloseResult.WON, null, T1);

        assertThat(won.winRatePercent(PROCESS)).isEqualTo(100);
        assertThat(won.lostReason()).isNull();
        assertRefused(() -> won.advance(PROCESS, T1), "opportunity-stage", "CLOSED(WON)", "advance");
    }

    @Test
    void movesWithAnotherProcessThanTheOpportunitysAreRejected() {
        SalesProcess other = PROCESS.toBuilder().id(SalesProcessId.of("other")).build();
        Opportunity o = opportunity(PROCESS).build();

        assertInvalid(() -> o.advance(other, T1), "process", ErrorCode.FIELD_INVALID);
    }

    @Test
    void twoPrimaryContactsAreRejected() {
        var contacts = List.of(OpportunityContact.of(ALICE).withPrimary(true), OpportunityContact.of(BOB).withPrimary(true));

        var e = assertInvalid(() -> opportunity(PROCESS).contacts(contacts).build(), "contacts", ErrorCode.FIELD_INVALID);
        assertThat(e.getMessage()).contains("at most one contact may be primary");
    }

    @Test
    void oneContactListedTwiceIsRejected() {
        var contacts = List.of(OpportunityContact.of(ALICE), OpportunityContact.of(ALICE).withPrimary(true));

        assertInvalid(() -> opportunity(PROCESS).contacts(contacts).build(), "contacts", ErrorCode.FIELD_INVALID);
    }

    @Test
    void onePrimaryAmongSeveralContactsIsFine() {
        var contacts = List.of(OpportunityContact.of(ALICE).withPrimary(true), OpportunityContact.of(BOB));

        assertThat(opportunity(PROCESS).contacts(contacts).build().contacts()).hasSize(2);
    }

    @Test
    void linesInAnotherCurrencyThanTheAmountAreRejected() {
        var lines = List.of(line(1, 1, 100, CNY), line(2, 1, 100, USD));

        assertInvalid(() -> opportunity(PROCESS).lines(lines).build(), "lines[1].price", ErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void duplicateLineNumbersAreRejected() {
        assertInvalid(() -> opportunity(PROCESS).lines(List.of(line(1, 1, 100), line(1, 2, 100))).build(),
                "lines", ErrorCode.FIELD_INVALID);
    }

    @Test
    void closeTimeAndStageMustAgree() {
        OpportunityStage closed = OpportunityStage.closed(StageId.of("PROPOSAL"), CloseResult.WON);

        assertInvalid(() -> opportunity(PROCESS).stage(closed).build(), "closedAt", ErrorCode.FIELD_REQUIRED);
        assertInvalid(() -> opportunity(PROCESS).closedAt(T1).build(), "closedAt", ErrorCode.FIELD_INVALID);
    }

    @Test
    void aLostReasonOnlyOnALostOpportunity() {
        OpportunityStage won = OpportunityStage.closed(StageId.of("PROPOSAL"), CloseResult.WON);

        assertInvalid(() -> opportunity(PROCESS).stage(won).closedAt(T1).lostReason("price").build(),
                "lostReason", ErrorCode.FIELD_INVALID);
        assertInvalid(() -> opportunity(PROCESS).lostReason("price").build(), "lostReason", ErrorCode.FIELD_INVALID);
    }

    @Test
    void contentRulesAreReportedAllAtOnceByValidation() {
        Opportunity o = opportunity(PROCESS).name("  ").amount(Money.of("-1.00", "CNY"))
                .competitors(List.of(Competitor.named(" "))).build();

        assertThat(CrmValidation.violations(o))
                .extracting(v -> v.field() + ":" + v.code())
                .containsExactlyInAnyOrder(
                        "amount:" + ErrorCode.FIELD_NEGATIVE,
                        "competitors[0].name:" + ErrorCode.FIELD_REQUIRED,
                        "name:" + ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void toBuilderRoundTripsEveryComponent() {
        Opportunity o = opportunity(PROCESS)
                .lines(List.of(line(1, 2, 150)))
                .contacts(List.of(new OpportunityContact(ALICE, "DECISION_MAKER", Stance.SUPPORTER,
                        ContactStatus.ACTIVE, Relationship.CLOSE, true)))
                .competitors(List.of(new Competitor("Rival", "cheap", "slow", null)))
                .lastFollowUpAt(T1).locked(true).version(3).build()
                .close(PROCESS, CloseResult.LOST, "price", T1);

        assertThat(o.toBuilder().build()).isEqualTo(o);
    }
}
