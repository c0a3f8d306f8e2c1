package io.crmkit.core.sales;

import static io.crmkit.core.sales.SalesFixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesProcessTest {
    private static final SalesProcessId ID = SalesProcessId.of("p1");

    @Test
    void defaultProcessHasTheFourOpenStagesOfTheDomainWithTheirWinRates() {
        SalesProcess p = SalesProcess.defaultProcess();

        assertThat(p.stages()).extracting(s -> s.id().value())
                .containsExactly("VERIFY_CUSTOMER", "CONFIRM_NEEDS", "PROPOSAL", "NEGOTIATION");
        assertThat(p.stages()).extracting(Stage::winRatePercent).containsExactly(10, 30, 50, 70);
        assertThat(p.rollbackAllowed()).isTrue();
        assertThat(p.reopenAllowed()).isTrue();
        assertThat(p.firstStage().id()).isEqualTo(StageId.of("VERIFY_CUSTOMER"));
        assertThat(p.lastStage().id()).isEqualTo(StageId.of("NEGOTIATION"));
    }

    @Test
    void closedWinRatesFollowTheResult() {
        assertThat(CloseResult.WON.winRatePercent()).isEqualTo(100);
        assertThat(CloseResult.LOST.winRatePercent()).isZero();
        assertThat(CloseResult.INVALID.winRatePercent()).isZero();
    }

    @Test
    void winRatesNeedNotRise() {
        SalesProcess p = process(List.of(Stage.of("A", "A", 60), Stage.of("B", "B", 20)));

        assertThat(p.stage(StageId.of("B")).winRatePercent()).isEqualTo(20);
    }

    @Test
    void aProcessWithoutStagesIsRejected() {
        assertInvalid(() -> process(List.of()), "stages", ErrorCode.SALES_PROCESS_INVALID);
        assertInvalid(() -> process(null), "stages", ErrorCode.SALES_PROCESS_INVALID);
    }

    @Test
    void duplicateStageIdsAreRejectedEvenWithDifferentNames() {
        var e = assertInvalid(() -> process(List.of(Stage.of("A", "First", 10), Stage.of("A", "Second", 20))),
                "stages", ErrorCode.SALES_PROCESS_INVALID);

        assertThat(e.getMessage()).contains("stage id A is used more than once");
        assertThat(e.getMessage(java.util.Locale.SIMPLIFIED_CHINESE)).contains("阶段 ID A 被使用了多次");
    }

    @Test
    void closedIsNotAListableStage() {
        assertInvalid(() -> process(List.of(Stage.of("A", "A", 10), Stage.of("closed", "Done", 100))),
                "stages", ErrorCode.SALES_PROCESS_INVALID);
    }

    @Test
    void winRatesOutside0To100AreRejected() {
        assertInvalid(() -> Stage.of("A", "A", 101), "winRatePercent", ErrorCode.SALES_PROCESS_INVALID);
        assertInvalid(() -> Stage.of("A", "A", -1), "winRatePercent", ErrorCode.SALES_PROCESS_INVALID);
        assertThat(Stage.of("A", "A", 0).winRatePercent()).isZero();
        assertThat(Stage.of("A", "A", 100).winRatePercent()).isEqualTo(100);
    }

    @Test
    void lostReasonsMustBeDistinctAndNonBlank() {
        assertInvalid(() -> SalesProcess.builder().id(ID).name("P").stages(List.of(Stage.of("A", "A", 1)))
                .lostReasons(List.of("PRICE", " PRICE ")).build(), "lostReasons", ErrorCode.SALES_PROCESS_INVALID);
        assertInvalid(() -> SalesProcess.builder().id(ID).name("P").stages(List.of(Stage.of("A", "A", 1)))
                .lostReasons(List.of("PRICE", " ")).build(), "lostReasons[1]", ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void unknownStageLookupNamesTheStageAndTheProcess() {
        var e = assertInvalid(() -> SalesProcess.defaultProcess().stage(StageId.of("Proposal")),
                "stageId", ErrorCode.UNKNOWN_STAGE);

        assertThat(e.getMessage()).contains("Proposal", "default");
    }

    @Test
    void configuredLostReasonsAreRequiredForLostAndMatchedExactly() {
        SalesProcess p = process(List.of(Stage.of("A", "A", 1))).toBuilder()
                .lostReasons(List.of("PRICE", "COMPETITOR")).build();

        assertThat(p.checkCloseReason(CloseResult.LOST, " PRICE ")).isEqualTo("PRICE");
        assertInvalid(() -> p.checkCloseReason(CloseResult.LOST, null), "lostReason", ErrorCode.FIELD_REQUIRED);
        assertInvalid(() -> p.checkCloseReason(CloseResult.LOST, "price"), "lostReason", ErrorCode.FIELD_INVALID);
        assertInvalid(() -> p.checkCloseReason(CloseResult.WON, "PRICE"), "lostReason", ErrorCode.FIELD_INVALID);
        assertThat(p.checkCloseReason(CloseResult.INVALID, "  ")).isNull();
    }

    @Test
    void withoutConfiguredReasonsALostReasonIsOptionalFreeText() {
        SalesProcess p = SalesProcess.defaultProcess();

        assertThat(p.checkCloseReason(CloseResult.LOST, null)).isNull();
        assertThat(p.checkCloseReason(CloseResult.LOST, " budget cut ")).isEqualTo("budget cut");
        assertInvalid(() -> p.checkCloseReason(CloseResult.LOST, "x".repeat(SalesProcess.MAX_LOST_REASON + 1)),
                "lostReason", ErrorCode.FIELD_TOO_LONG);
    }

    @Test
    void toBuilderCopiesEverySetting() {
        SalesProcess p = SalesProcess.builder().id(ID).name("P").stages(List.of(Stage.of("A", "A", 1)))
                .rollbackAllowed(false).reopenAllowed(false).lostReasons(List.of("PRICE")).build();

        assertThat(p.toBuilder().build()).isEqualTo(p);
    }

    private static SalesProcess process(List<Stage> stages) {
        return SalesProcess.builder().id(ID).name("P").stages(stages).build();
    }
}
