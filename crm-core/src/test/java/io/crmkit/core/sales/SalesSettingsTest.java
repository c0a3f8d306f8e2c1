package io.crmkit.core.sales;

import static io.crmkit.core.sales.SalesFixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.NotFoundException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SalesSettingsTest {
    private static final SalesProcess DEFAULT = SalesProcess.defaultProcess();
    private static final SalesProcess SHORT = SalesProcess.builder().id(SalesProcessId.of("short")).name("Short")
            .stages(List.of(Stage.of("QUALIFY", "Qualify", 20), Stage.of("OFFER", "Offer", 60)))
            .lostReasons(List.of("Price", "No response")).build();

    @Test
    void defaultsHaveTheDefaultProcessNoRulesAndStrictLimits() {
        SalesSettings s = SalesSettings.defaults();

        assertThat(s.processes()).containsExactly(DEFAULT);
        assertThat(s.defaultProcessId()).isEqualTo(SalesProcess.DEFAULT_ID);
        assertThat(s.defaultProcess()).isEqualTo(DEFAULT);
        assertThat(s.autoCloseRules()).isEmpty();
        assertThat(s.ordersMayExceedContract()).isFalse();
        assertThat(s.plansMayExceedTarget()).isFalse();
        assertThat(SalesSettings.builder().build()).isEqualTo(s);
    }

    @Test
    void severalProcessesWithRulesAndRelaxedLimits() {
        AutoCloseRule rule = AutoCloseRule.lostAfter("r1", SHORT.id(), 60, "No response")
                .onlyIn(Set.of(StageId.of("OFFER")));
        SalesSettings s = SalesSettings.builder().processes(List.of(DEFAULT, SHORT)).defaultProcessId(SHORT.id())
                .autoCloseRules(List.of(rule)).ordersMayExceedContract(true).plansMayExceedTarget(true).build();

        assertThat(s.defaultProcess()).isEqualTo(SHORT);
        assertThat(s.process(SalesProcess.DEFAULT_ID)).isEqualTo(DEFAULT);
        assertThat(s.findProcess(SalesProcessId.of("nope"))).isEmpty();
        assertThat(s.autoCloseRules()).containsExactly(rule);
        assertThat(s.ordersMayExceedContract()).isTrue();
        assertThat(s.plansMayExceedTarget()).isTrue();
        assertThat(s.toBuilder().build()).isEqualTo(s);
    }

    @Test
    void onlyProcessMakesItTheDefault() {
        SalesSettings s = SalesSettings.builder().onlyProcess(SHORT).build();

        assertThat(s.processes()).containsExactly(SHORT);
        assertThat(s.defaultProcessId()).isEqualTo(SHORT.id());
    }

    @Test
    void anUnknownProcessIsNotFound() {
        assertThatThrownBy(() -> SalesSettings.defaults().process(SalesProcessId.of("nope")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.recordType()).isEqualTo("SalesProcess");
                    assertThat(e.recordId()).isEqualTo("nope");
                });
    }

    @Test
    void atLeastOneProcessWithUniqueIds() {
        assertInvalid(() -> SalesSettings.builder().processes(List.of()).build(), "processes",
                ErrorCode.SALES_PROCESS_INVALID);
        assertInvalid(() -> SalesSettings.builder().processes(null).build(), "processes",
                ErrorCode.SALES_PROCESS_INVALID);
        SalesProcess renamed = DEFAULT.toBuilder().name("Same id, other name").build();
        assertInvalid(() -> SalesSettings.builder().processes(List.of(DEFAULT, renamed)).build(), "processes",
                ErrorCode.SALES_PROCESS_INVALID);
    }

    @Test
    void theDefaultProcessMustBeConfigured() {
        assertInvalid(() -> SalesSettings.builder().defaultProcessId(SHORT.id()).build(), "defaultProcessId",
                ErrorCode.FIELD_INVALID);
        assertInvalid(() -> SalesSettings.builder().defaultProcessId(null).build(), "defaultProcessId",
                ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void ruleIdsAreUnique() {
        AutoCloseRule a = AutoCloseRule.lostAfter("r1", SalesProcess.DEFAULT_ID, 30, null);
        AutoCloseRule b = AutoCloseRule.lostAfter("r1", SalesProcess.DEFAULT_ID, 60, null);

        assertInvalid(() -> SalesSettings.builder().autoCloseRules(List.of(a, b)).build(), "autoCloseRules[1].id",
                ErrorCode.FIELD_INVALID);
    }

    @Test
    void aRuleMustNameAConfiguredProcess() {
        AutoCloseRule rule = AutoCloseRule.lostAfter("r1", SHORT.id(), 30, null);

        assertInvalid(() -> SalesSettings.builder().autoCloseRules(List.of(rule)).build(),
                "autoCloseRules[0].salesProcessId", ErrorCode.FIELD_INVALID);
    }

    @Test
    void aRuleMayOnlyNameStagesOfItsOwnProcess() {
        AutoCloseRule rule = AutoCloseRule.lostAfter("r1", SalesProcess.DEFAULT_ID, 30, null)
                .onlyIn(Set.of(StageId.of("OFFER")));

        assertInvalid(() -> SalesSettings.builder().processes(List.of(DEFAULT, SHORT)).autoCloseRules(List.of(rule))
                .build(), "autoCloseRules[0].stages", ErrorCode.UNKNOWN_STAGE);
    }

    @Test
    void aLostRuleMustUseAConfiguredLostReason() {
        SalesSettings.Builder base = SalesSettings.builder().onlyProcess(SHORT);

        assertInvalid(() -> base.autoCloseRules(List.of(AutoCloseRule.lostAfter("r", SHORT.id(), 30, "Weather")))
                .build(), "lostReason", ErrorCode.FIELD_INVALID);
        assertInvalid(() -> base.autoCloseRules(List.of(AutoCloseRule.lostAfter("r", SHORT.id(), 30, null)))
                .build(), "lostReason", ErrorCode.FIELD_REQUIRED);
        assertThat(base.autoCloseRules(List.of(AutoCloseRule.lostAfter("r", SHORT.id(), 30, "Price"))).build()
                .autoCloseRules()).hasSize(1);
        assertThat(base.autoCloseRules(List.of(new AutoCloseRule("r", SHORT.id(), Set.of(), 30, CloseResult.INVALID,
                null))).build().autoCloseRules()).hasSize(1);
    }

    @Test
    void theListsAreCopied() {
        java.util.ArrayList<SalesProcess> processes = new java.util.ArrayList<>(List.of(DEFAULT));
        SalesSettings s = SalesSettings.builder().processes(processes).build();
        processes.add(SHORT);

        assertThat(s.processes()).containsExactly(DEFAULT);
    }
}
