package io.crmkit.core.sales;

import static io.crmkit.core.sales.SalesFixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.error.ErrorCode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AutoCloseRuleTest {
    private static final SalesProcessId P = SalesProcessId.of("p1");
    private static final StageId PROPOSAL = StageId.of("PROPOSAL");
    private static final StageId NEGOTIATION = StageId.of("NEGOTIATION");

    @Test
    void lostAfterWatchesEveryOpenStageOfItsProcessOnly() {
        AutoCloseRule rule = AutoCloseRule.lostAfter("r90", P, 90, "  No response  ");

        assertThat(rule.stages()).isEmpty();
        assertThat(rule.result()).isEqualTo(CloseResult.LOST);
        assertThat(rule.reason()).isEqualTo("No response");
        assertThat(rule.watches(P, OpportunityStage.open(PROPOSAL))).isTrue();
        assertThat(rule.watches(P, OpportunityStage.open(StageId.of("ANY")))).isTrue();
        assertThat(rule.watches(SalesProcessId.of("p2"), OpportunityStage.open(PROPOSAL))).isFalse();
    }

    @Test
    void aRuleNeverWatchesAClosedOpportunityWhateverItsLastStage() {
        AutoCloseRule any = AutoCloseRule.lostAfter("r", P, 1, null);
        AutoCloseRule proposal = any.onlyIn(Set.of(PROPOSAL));

        for (CloseResult result : CloseResult.values()) {
            assertThat(any.watches(P, OpportunityStage.closed(PROPOSAL, result))).as("%s", result).isFalse();
            assertThat(proposal.watches(P, OpportunityStage.closed(PROPOSAL, result))).as("%s", result).isFalse();
        }
    }

    @Test
    void onlyInMatchesStagesById() {
        AutoCloseRule rule = AutoCloseRule.lostAfter("r", P, 30, null).onlyIn(Set.of(PROPOSAL, NEGOTIATION));

        assertThat(rule.stages()).containsExactlyInAnyOrder(PROPOSAL, NEGOTIATION);
        assertThat(rule.watches(P, OpportunityStage.open(PROPOSAL))).isTrue();
        assertThat(rule.watches(P, OpportunityStage.open(NEGOTIATION))).isTrue();
        assertThat(rule.watches(P, OpportunityStage.open(StageId.of("VERIFY_CUSTOMER")))).isFalse();
        assertThat(rule.watches(P, OpportunityStage.open(StageId.of("proposal")))).as("ids are exact").isFalse();
    }

    @Test
    void invalidRulesWithoutAReason() {
        AutoCloseRule rule = new AutoCloseRule("inv", P, null, 10, CloseResult.INVALID, "  ");

        assertThat(rule.reason()).isNull();
        assertThat(rule.stages()).isEmpty();
    }

    @Test
    void anAutomaticRuleNeverWins() {
        assertInvalid(() -> new AutoCloseRule("r", P, Set.of(), 10, CloseResult.WON, null),
                "result", ErrorCode.FIELD_INVALID);
    }

    @Test
    void aReasonOnlyForLost() {
        assertInvalid(() -> new AutoCloseRule("r", P, Set.of(), 10, CloseResult.INVALID, "Spam"),
                "reason", ErrorCode.FIELD_INVALID);
        assertInvalid(() -> new AutoCloseRule("r", P, Set.of(), 10, CloseResult.LOST, "x".repeat(201)),
                "reason", ErrorCode.FIELD_TOO_LONG);
    }

    @Test
    void inactiveDaysFromOneToTheMaximum() {
        assertThat(AutoCloseRule.lostAfter("r", P, 1, null).inactiveDays()).isEqualTo(1);
        assertThat(AutoCloseRule.lostAfter("r", P, AutoCloseRule.MAX_INACTIVE_DAYS, null).inactiveDays())
                .isEqualTo(AutoCloseRule.MAX_INACTIVE_DAYS);
        assertInvalid(() -> AutoCloseRule.lostAfter("r", P, 0, null), "inactiveDays", ErrorCode.FIELD_OUT_OF_RANGE);
        assertInvalid(() -> AutoCloseRule.lostAfter("r", P, -5, null), "inactiveDays", ErrorCode.FIELD_OUT_OF_RANGE);
        assertInvalid(() -> AutoCloseRule.lostAfter("r", P, AutoCloseRule.MAX_INACTIVE_DAYS + 1, null),
                "inactiveDays", ErrorCode.FIELD_OUT_OF_RANGE);
    }

    @Test
    void requiredPartsAndWellFormedIds() {
        assertInvalid(() -> AutoCloseRule.lostAfter(null, P, 10, null), "id", ErrorCode.FIELD_REQUIRED);
        assertInvalid(() -> AutoCloseRule.lostAfter("no spaces", P, 10, null), "id", ErrorCode.FIELD_INVALID);
        assertInvalid(() -> AutoCloseRule.lostAfter("r", null, 10, null), "salesProcessId", ErrorCode.FIELD_REQUIRED);
        assertInvalid(() -> new AutoCloseRule("r", P, Set.of(), 10, null, null), "result", ErrorCode.FIELD_REQUIRED);
        Set<StageId> withNull = new LinkedHashSet<>();
        withNull.add(null);
        assertInvalid(() -> new AutoCloseRule("r", P, withNull, 10, CloseResult.LOST, null), "stages[]",
                ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void theStagesAreCopied() {
        Set<StageId> stages = new LinkedHashSet<>(List.of(PROPOSAL));
        AutoCloseRule rule = AutoCloseRule.lostAfter("r", P, 10, null).onlyIn(stages);
        stages.add(NEGOTIATION);

        assertThat(rule.stages()).containsExactly(PROPOSAL);
    }
}
