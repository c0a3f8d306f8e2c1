package io.crmkit.core.sales;

import static io.crmkit.core.sales.SalesFixtures.assertInvalid;
import static io.crmkit.core.sales.SalesFixtures.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One example per allowed and refused move of the opportunity stage machine. */
class StageMovesTest {
    private static final String MACHINE = "opportunity-stage";
    private static final SalesProcess DEFAULT = SalesProcess.defaultProcess();
    private static final StageId VERIFY = StageId.of("VERIFY_CUSTOMER");
    private static final StageId CONFIRM = StageId.of("CONFIRM_NEEDS");
    private static final StageId PROPOSAL = StageId.of("PROPOSAL");
    private static final StageId NEGOTIATION = StageId.of("NEGOTIATION");
    private static final SalesProcess STRICT = DEFAULT.toBuilder()
            .rollbackAllowed(false).reopenAllowed(false).lostReasons(List.of("PRICE", "COMPETITOR")).build();

    @Test
    void startsAtTheFirstStage() {
        assertThat(StageMoves.start(DEFAULT)).isEqualTo(OpportunityStage.open(VERIFY));
    }

    @Test
    void advanceMovesExactlyOneStage() {
        assertThat(StageMoves.advance(DEFAULT, open(VERIFY))).isEqualTo(open(CONFIRM));
        assertThat(StageMoves.advance(DEFAULT, open(CONFIRM))).isEqualTo(open(PROPOSAL));
        assertThat(StageMoves.advance(DEFAULT, open(PROPOSAL))).isEqualTo(open(NEGOTIATION));
    }

    @Test
    void advanceFromTheLastOpenStageIsRefusedBecauseClosingNeedsAResult() {
        assertRefused(() -> StageMoves.advance(DEFAULT, open(NEGOTIATION)), MACHINE, "NEGOTIATION", "advance");
    }

    @Test
    void advanceWhenClosedIsRefused() {
        assertRefused(() -> StageMoves.advance(DEFAULT, closed(PROPOSAL, CloseResult.WON)),
                MACHINE, "CLOSED(WON)", "advance");
    }

    @Test
    void moveToMaySkipForward() {
        assertThat(StageMoves.moveTo(STRICT, open(VERIFY), NEGOTIATION)).isEqualTo(open(NEGOTIATION));
    }

    @Test
    void moveBackIsAllowedOnlyWithRollback() {
        assertThat(StageMoves.moveTo(DEFAULT, open(NEGOTIATION), VERIFY)).isEqualTo(open(VERIFY));
        assertRefused(() -> StageMoves.moveTo(STRICT, open(NEGOTIATION), VERIFY),
                MACHINE, "NEGOTIATION", "moveTo(VERIFY_CUSTOMER)");
    }

    @Test
    void moveToTheCurrentStageIsRefused() {
        assertRefused(() -> StageMoves.moveTo(DEFAULT, open(PROPOSAL), PROPOSAL), MACHINE, "PROPOSAL", "moveTo(PROPOSAL)");
    }

    @Test
    void moveToWhenClosedIsRefused() {
        assertRefused(() -> StageMoves.moveTo(DEFAULT, closed(PROPOSAL, CloseResult.LOST), NEGOTIATION),
                MACHINE, "CLOSED(LOST)", "moveTo(NEGOTIATION)");
    }

    @Test
    void moveToAnUnknownStageIsUnknownStage() {
        assertInvalid(() -> StageMoves.moveTo(DEFAULT, open(VERIFY), StageId.of("CLOSED")), "stageId", ErrorCode.UNKNOWN_STAGE);
    }

    @Test
    void movesFromAStageTheProcessDoesNotHaveAreUnknownStage() {
        OpportunityStage stray = open(StageId.of("GONE"));

        assertInvalid(() -> StageMoves.advance(DEFAULT, stray), "stage", ErrorCode.UNKNOWN_STAGE);
        assertInvalid(() -> StageMoves.moveTo(DEFAULT, stray, PROPOSAL), "stage", ErrorCode.UNKNOWN_STAGE);
        assertInvalid(() -> StageMoves.close(DEFAULT, stray, CloseResult.WON, null), "stage", ErrorCode.UNKNOWN_STAGE);
        assertInvalid(() -> StageMoves.winRatePercent(DEFAULT, stray), "stage", ErrorCode.UNKNOWN_STAGE);
    }

    @Test
    void stagesAreMatchedByIdNotByName() {
        // Two stages share a display name; a third is named like another stage's id.
        SalesProcess p = SalesProcess.builder().id(SalesProcessId.of("named")).name("Named")
                .stages(List.of(Stage.of("S1", "Same", 10), Stage.of("S2", "Same", 40), Stage.of("S3", "S1", 90)))
                .build();

        assertThat(StageMoves.advance(p, open(StageId.of("S1")))).isEqualTo(open(StageId.of("S2")));
        assertThat(StageMoves.winRatePercent(p, open(StageId.of("S3")))).isEqualTo(90);
        assertInvalid(() -> StageMoves.moveTo(p, open(StageId.of("S1")), StageId.of("Same")), "stageId", ErrorCode.UNKNOWN_STAGE);
    }

    @Test
    void closeFromAnyOpenStageRemembersThatStage() {
        for (CloseResult result : CloseResult.values()) {
            assertThat(StageMoves.close(DEFAULT, open(CONFIRM), result, null)).isEqualTo(closed(CONFIRM, result));
        }
    }

    @Test
    void closeWhenClosedIsRefused() {
        assertRefused(() -> StageMoves.close(DEFAULT, closed(VERIFY, CloseResult.INVALID), CloseResult.WON, null),
                MACHINE, "CLOSED(INVALID)", "close(WON)");
    }

    @Test
    void lostNeedsAConfiguredReasonWhenReasonsAreConfigured() {
        assertInvalid(() -> StageMoves.close(STRICT, open(VERIFY), CloseResult.LOST, null), "lostReason", ErrorCode.FIELD_REQUIRED);
        assertInvalid(() -> StageMoves.close(STRICT, open(VERIFY), CloseResult.LOST, "too expensive"),
                "lostReason", ErrorCode.FIELD_INVALID);
        assertThat(StageMoves.close(STRICT, open(VERIFY), CloseResult.LOST, "PRICE")).isEqualTo(closed(VERIFY, CloseResult.LOST));
    }

    @Test
    void reopenGoesToTheChosenStage() {
        assertThat(StageMoves.reopen(DEFAULT, closed(NEGOTIATION, CloseResult.LOST), VERIFY)).isEqualTo(open(VERIFY));
    }

    @Test
    void reopenIsRefusedWithoutPermissionOrWhenOpen() {
        assertRefused(() -> StageMoves.reopen(STRICT, closed(NEGOTIATION, CloseResult.LOST), VERIFY),
                MACHINE, "CLOSED(LOST)", "reopen(VERIFY_CUSTOMER)");
        assertRefused(() -> StageMoves.reopen(DEFAULT, open(PROPOSAL), VERIFY), MACHINE, "PROPOSAL", "reopen(VERIFY_CUSTOMER)");
    }

    @Test
    void reopenToAnUnknownStageIsUnknownStage() {
        assertInvalid(() -> StageMoves.reopen(DEFAULT, closed(PROPOSAL, CloseResult.WON), StageId.of("X")),
                "stageId", ErrorCode.UNKNOWN_STAGE);
    }

    @Test
    void winRateIsTheStagesWhileOpenAndTheResultsOnceClosed() {
        assertThat(StageMoves.winRatePercent(DEFAULT, open(PROPOSAL))).isEqualTo(50);
        assertThat(StageMoves.winRatePercent(DEFAULT, closed(VERIFY, CloseResult.WON))).isEqualTo(100);
        assertThat(StageMoves.winRatePercent(DEFAULT, closed(NEGOTIATION, CloseResult.LOST))).isZero();
    }

    private static OpportunityStage open(StageId id) {
        return OpportunityStage.open(id);
    }

    private static OpportunityStage closed(StageId last, CloseResult result) {
        return OpportunityStage.closed(last, result);
    }
}
