package io.crmkit.core.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.record.CustomValue;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class PoolRulesTest {
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static RecycleRule.Builder rule(String id) {
        return RecycleRule.builder().id(id).name("No follow-up for a month").days(30);
    }

    @Test
    void defaultsImposeNothing() {
        PoolRules d = PoolRules.defaults();

        assertThat(d.claimPolicy()).isEqualTo(ClaimPolicy.MEMBERS_CLAIM);
        assertThat(d.maxHeldPerMember()).isNull();
        assertThat(d.limitsHolding()).isFalse();
        assertThat(d.dailyClaimLimit()).isNull();
        assertThat(d.claimableAfter()).isEqualTo(Duration.ZERO);
        assertThat(d.transferAllowed()).isTrue();
        assertThat(d.returnOnlyToOrigin()).isTrue();
        assertThat(d.callerChoosesReturnPool()).isFalse();
        assertThat(d.reclaimCooldownDays()).isZero();
        assertThat(d.ownerChangeTeamPolicy()).isEqualTo(OwnerChangeTeamPolicy.KEEP_TEAM);
        assertThat(d.forcedOwnerChangeAllowed()).isFalse();
        assertThat(d.recycleRules()).isEmpty();
        assertThat(d.recycleWonRecords()).isFalse();
        assertThat(d.reminderRules()).isEmpty();
        assertThat(d.publicFields()).isEmpty();
        assertThat(d.relatedDataVisibleBeforeClaim()).isFalse();
        assertThat(d.membersMayReadPoolLog()).isFalse();
        assertThat(PoolRules.builder().build()).isEqualTo(d);
    }

    @Test
    void aFullConfigurationRoundTripsThroughJsonAndToBuilder() throws Exception {
        PoolRules rules = PoolRules.builder()
                .claimPolicy(ClaimPolicy.ADMINS_ASSIGN_ONLY)
                .maxHeldPerMember(200)
                .wonRecordsCount(false)
                .dailyClaimLimit(20)
                .claimableAfter(Duration.ofHours(12))
                .transferAllowed(false)
                .returnOnlyToOrigin(false)
                .callerChoosesReturnPool(true)
                .reclaimCooldownDays(7)
                .ownerChangeTeamPolicy(OwnerChangeTeamPolicy.CLEAR_TEAM)
                .forcedOwnerChangeAllowed(true)
                .addRecycleRule(rule("important")
                        .condition(Condition.eq("level", new CustomValue.Choice("important")))
                        .days(15).warnDaysBefore(3).extensionAllowed(true).maxExtensionDays(7).build())
                .addRecycleRule(rule("rest").basis(InactivityBasis.NO_DEAL).days(90)
                        .daysForLevel("A", 60).daysForLevel("重要", 45).build())
                .recycleWonRecords(true)
                .addReminderRule(ReminderRule.of("remind-7", InactivityBasis.NO_FOLLOW_UP, 7,
                        ReminderRecipient.OWNER, ReminderRecipient.TEAM))
                .publicFields("name", "level", "custom.region")
                .relatedDataVisibleBeforeClaim(true)
                .membersMayReadPoolLog(true)
                .build();

        String text = json.writeValueAsString(rules);

        assertThat(json.readValue(text, PoolRules.class)).isEqualTo(rules);
        assertThat(rules.toBuilder().build()).isEqualTo(rules);
        assertThat(rules.recycleRules()).extracting(RecycleRule::id).containsExactly("important", "rest");
        assertThat(rules.isPublic("custom.region")).isTrue();
        assertThat(rules.isPublic("phone")).isFalse();
        assertThat(text).doesNotContain("limitsHolding").doesNotContain("warns");
    }

    @Test
    void limitsMustBePositiveWhenSet() {
        assertInvalid(() -> PoolRules.builder().maxHeldPerMember(0).build(), "maxHeldPerMember", ErrorCode.FIELD_OUT_OF_RANGE);
        assertInvalid(() -> PoolRules.builder().maxHeldPerMember(PoolRules.MAX_LIMIT + 1).build(),
                "maxHeldPerMember", ErrorCode.FIELD_OUT_OF_RANGE);
        assertInvalid(() -> PoolRules.builder().dailyClaimLimit(-1).build(), "dailyClaimLimit", ErrorCode.FIELD_OUT_OF_RANGE);
        assertThat(PoolRules.builder().maxHeldPerMember(1).dailyClaimLimit(PoolRules.MAX_LIMIT).build().limitsHolding())
                .isTrue();
    }

    @Test
    void durationsAndDaysStayInRange() {
        assertInvalid(() -> PoolRules.builder().claimableAfter(Duration.ofMinutes(-1)).build(),
                "claimableAfter", ErrorCode.FIELD_NEGATIVE);
        assertInvalid(() -> PoolRules.builder().claimableAfter(Duration.ofDays(PoolRules.MAX_DAYS + 1)).build(),
                "claimableAfter", ErrorCode.FIELD_OUT_OF_RANGE);
        assertInvalid(() -> PoolRules.builder().claimableAfter(null).build(), "claimableAfter", ErrorCode.FIELD_REQUIRED);
        assertInvalid(() -> PoolRules.builder().reclaimCooldownDays(-1).build(),
                "reclaimCooldownDays", ErrorCode.FIELD_OUT_OF_RANGE);
        assertInvalid(() -> PoolRules.builder().claimPolicy(null).build(), "claimPolicy", ErrorCode.FIELD_REQUIRED);
        assertInvalid(() -> PoolRules.builder().ownerChangeTeamPolicy(null).build(),
                "ownerChangeTeamPolicy", ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void theCallerCannotChooseAReturnPoolWhenReturnsGoOnlyToTheOrigin() {
        ValidationException e = assertInvalid(
                () -> PoolRules.builder().returnOnlyToOrigin(true).callerChoosesReturnPool(true).build(),
                "callerChoosesReturnPool", ErrorCode.POOL_RULES_INVALID);

        assertThat(e.getMessage()).contains("set one of them to false");
        assertThat(PoolRules.builder().returnOnlyToOrigin(false).callerChoosesReturnPool(true).build()
                .callerChoosesReturnPool()).isTrue();
    }

    @Test
    void ruleIdsAreUniqueWithinEachList() {
        ValidationException e = assertInvalid(() -> PoolRules.builder()
                        .addRecycleRule(rule("r1").build())
                        .addRecycleRule(rule("r2").build())
                        .addRecycleRule(rule("r1").days(60).build())
                        .build(),
                "recycleRules[2].id", ErrorCode.POOL_RULES_INVALID);
        assertThat(e.getMessage()).contains("id r1 is used by more than one rule");

        assertInvalid(() -> PoolRules.builder()
                        .addReminderRule(ReminderRule.of("x", InactivityBasis.NO_DEAL, 30, ReminderRecipient.ADMINS))
                        .addReminderRule(ReminderRule.of("x", InactivityBasis.NO_FOLLOW_UP, 7, ReminderRecipient.OWNER))
                        .build(),
                "reminderRules[1].id", ErrorCode.POOL_RULES_INVALID);
        // The two lists are separate name spaces.
        assertThat(PoolRules.builder()
                .addRecycleRule(rule("x").build())
                .addReminderRule(ReminderRule.of("x", InactivityBasis.NO_DEAL, 30, ReminderRecipient.ADMINS))
                .build().reminderRules()).hasSize(1);
    }

    @Test
    void publicFieldsAreFieldNames() {
        assertInvalid(() -> PoolRules.builder().publicFields("name", "Bad Name").build(),
                "publicFields[]", ErrorCode.CONDITION_INVALID);
        assertInvalid(() -> PoolRules.builder().publicFields(java.util.Arrays.asList("name", null)).build(),
                "publicFields[]", ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void theWarningMustComeBeforeTheRecycle() {
        ValidationException e = assertInvalid(() -> rule("r").days(3).warnDaysBefore(5).build(),
                "warnDaysBefore", ErrorCode.POOL_RULES_INVALID);
        assertThat(e.getMessage()).contains("warnDaysBefore (5) must be less than days (3)");
        assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).contains("warnDaysBefore（5）必须小于 days（3）");

        assertInvalid(() -> rule("r").days(3).warnDaysBefore(3).build(), "warnDaysBefore", ErrorCode.POOL_RULES_INVALID);
        ValidationException perLevel = assertInvalid(
                () -> rule("r").days(30).daysForLevel("A", 5).warnDaysBefore(5).build(),
                "warnDaysBefore", ErrorCode.POOL_RULES_INVALID);
        assertThat(perLevel.getMessage()).contains("must be less than daysByLevel[A] (5)");
        assertInvalid(() -> rule("r").warnDaysBefore(-1).build(), "warnDaysBefore", ErrorCode.FIELD_OUT_OF_RANGE);
    }

    @Test
    void aWarningIsAcceptedExactlyWhenItIsShorterThanThePeriod() {
        // Property: for any period and warning, the rule is valid iff 0 <= warn < days.
        qt().withExamples(500)
                .forAll(integers().between(1, 100), integers().between(-5, 110))
                .checkAssert((days, warn) -> {
                    boolean valid = warn >= 0 && warn < days;
                    try {
                        RecycleRule r = rule("r").days(days).warnDaysBefore(warn).build();
                        assertThat(valid).as("accepted days=%s warn=%s", days, warn).isTrue();
                        assertThat(r.warns()).isEqualTo(warn > 0);
                    } catch (ValidationException e) {
                        assertThat(valid).as("rejected days=%s warn=%s: %s", days, warn, e.getMessage()).isFalse();
                    }
                });
    }

    @Test
    void recycleRuleDaysAndLevelsAreChecked() {
        assertInvalid(() -> rule("r").days(0).build(), "days", ErrorCode.FIELD_OUT_OF_RANGE);
        assertInvalid(() -> rule("r").days(PoolRules.MAX_DAYS + 1).build(), "days", ErrorCode.FIELD_OUT_OF_RANGE);
        assertInvalid(() -> rule("r").daysForLevel("A", 0).build(), "daysByLevel[A]", ErrorCode.FIELD_OUT_OF_RANGE);
        assertInvalid(() -> rule("r").daysForLevel(" ", 5).build(), "daysByLevel{}", ErrorCode.FIELD_REQUIRED);
        assertInvalid(() -> rule("r").daysForLevel(" A", 5).build(), "daysByLevel{}", ErrorCode.FIELD_INVALID);
        assertInvalid(() -> rule("r").id("bad id").build(), "id", ErrorCode.FIELD_INVALID);
        assertInvalid(() -> rule("r").name("  ").build(), "name", ErrorCode.FIELD_REQUIRED);
        assertInvalid(() -> rule("r").name("n".repeat(RecycleRule.MAX_NAME + 1)).build(), "name", ErrorCode.FIELD_TOO_LONG);
        assertInvalid(() -> rule("r").basis(null).build(), "basis", ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void perLevelLimitsOverrideTheDefaultPeriod() {
        RecycleRule r = rule("r").days(30).daysByLevel(Map.of("A", 15)).build();

        assertThat(r.daysFor("A")).isEqualTo(15);
        assertThat(r.daysFor("B")).isEqualTo(30);
        assertThat(r.daysFor(null)).isEqualTo(30);
        assertThat(r.condition()).isNull();
    }

    @Test
    void extensionDaysGoWithExtensions() {
        assertInvalid(() -> rule("r").extensionAllowed(true).maxExtensionDays(0).build(),
                "maxExtensionDays", ErrorCode.FIELD_OUT_OF_RANGE);
        ValidationException e = assertInvalid(() -> rule("r").extensionAllowed(false).maxExtensionDays(10).build(),
                "maxExtensionDays", ErrorCode.POOL_RULES_INVALID);
        assertThat(e.getMessage()).contains("maxExtensionDays (10) must be 0 while extensionAllowed is false");
        assertThat(rule("r").extensionAllowed(true).maxExtensionDays(10).build().maxExtensionDays()).isEqualTo(10);
    }

    @Test
    void reminderRulesNeedRecipientsAndAPeriod() {
        assertInvalid(() -> new ReminderRule("r", InactivityBasis.NO_DEAL, 7, Set.of()), "recipients", ErrorCode.FIELD_REQUIRED);
        assertInvalid(() -> ReminderRule.of("r", InactivityBasis.NO_DEAL, 0, ReminderRecipient.OWNER),
                "days", ErrorCode.FIELD_OUT_OF_RANGE);
        assertInvalid(() -> ReminderRule.of("r", null, 7, ReminderRecipient.OWNER), "basis", ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void poolRuleErrorsExistInBothLanguages() {
        List<ThrowingCallable> calls = List.of(
                () -> rule("r").days(3).warnDaysBefore(5).build(),
                () -> rule("r").maxExtensionDays(3).build(),
                () -> PoolRules.builder().callerChoosesReturnPool(true).build(),
                () -> PoolRules.builder().addRecycleRule(rule("r").build()).addRecycleRule(rule("r").build()).build());
        for (ThrowingCallable call : calls) {
            ValidationException e = catchValidation(call);
            assertThat(e.violations()).allSatisfy(v -> assertThat(v.code()).isEqualTo(ErrorCode.POOL_RULES_INVALID));
            String en = e.getMessage();
            String zh = e.getMessage(Locale.SIMPLIFIED_CHINESE);
            assertThat(en).doesNotContain("pool.rules-invalid");
            assertThat(zh).doesNotContain("pool.rules-invalid").isNotEqualTo(en);
        }
    }

    static ValidationException catchValidation(ThrowingCallable call) {
        try {
            call.call();
        } catch (ValidationException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError("expected a ValidationException, got " + t, t);
        }
        throw new AssertionError("expected a ValidationException, nothing was thrown");
    }

    static ValidationException assertInvalid(ThrowingCallable call, String field, ErrorCode code) {
        ValidationException e = catchValidation(call);
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.violations()).as(e.getMessage()).extracting(Violation::field, Violation::code)
                .containsExactly(Tuple.tuple(field, code));
        return e;
    }
}
