package io.crmkit.core.lead;

import static io.crmkit.core.lead.LeadFixtures.T0;
import static io.crmkit.core.lead.LeadFixtures.apply;
import static io.crmkit.core.lead.LeadFixtures.leadIn;
import static io.crmkit.core.lead.LeadFixtures.newLead;
import static io.crmkit.core.lead.LeadStatus.CONVERTED;
import static io.crmkit.core.lead.LeadStatus.FOLLOWING_UP;
import static io.crmkit.core.lead.LeadStatus.INVALID;
import static io.crmkit.core.lead.LeadStatus.MQL;
import static io.crmkit.core.lead.LeadStatus.NEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeadLifecycleTest {

    /**
     * The allowed moves, written out by hand from DOMAIN.md section 2 as (from, before-invalid,
     * action, to). Every (status, action) pair not listed here must be refused.
     */
    static Stream<Arguments> allowed() {
        return Stream.of(
                Arguments.of(NEW, null, LeadAction.MARK_FOLLOWING_UP, FOLLOWING_UP),
                Arguments.of(FOLLOWING_UP, null, LeadAction.MARK_FOLLOWING_UP, FOLLOWING_UP),
                Arguments.of(NEW, null, LeadAction.MARK_MQL, MQL),
                Arguments.of(FOLLOWING_UP, null, LeadAction.MARK_MQL, MQL),
                Arguments.of(NEW, null, LeadAction.CONVERT, CONVERTED),
                Arguments.of(FOLLOWING_UP, null, LeadAction.CONVERT, CONVERTED),
                Arguments.of(MQL, null, LeadAction.CONVERT, CONVERTED),
                Arguments.of(NEW, null, LeadAction.MARK_INVALID, INVALID),
                Arguments.of(FOLLOWING_UP, null, LeadAction.MARK_INVALID, INVALID),
                Arguments.of(MQL, null, LeadAction.MARK_INVALID, INVALID),
                Arguments.of(INVALID, NEW, LeadAction.RESTORE, NEW),
                Arguments.of(INVALID, FOLLOWING_UP, LeadAction.RESTORE, FOLLOWING_UP),
                Arguments.of(INVALID, MQL, LeadAction.RESTORE, MQL));
    }

    /** The refused moves, written out by hand: the complement of {@link #allowed()}. */
    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of(NEW, LeadAction.RESTORE),
                Arguments.of(FOLLOWING_UP, LeadAction.RESTORE),
                Arguments.of(MQL, LeadAction.MARK_FOLLOWING_UP),
                Arguments.of(MQL, LeadAction.MARK_MQL),
                Arguments.of(MQL, LeadAction.RESTORE),
                Arguments.of(INVALID, LeadAction.MARK_FOLLOWING_UP),
                Arguments.of(INVALID, LeadAction.MARK_MQL),
                Arguments.of(INVALID, LeadAction.CONVERT),
                Arguments.of(INVALID, LeadAction.MARK_INVALID),
                Arguments.of(CONVERTED, LeadAction.MARK_FOLLOWING_UP),
                Arguments.of(CONVERTED, LeadAction.MARK_MQL),
                Arguments.of(CONVERTED, LeadAction.CONVERT),
                Arguments.of(CONVERTED, LeadAction.MARK_INVALID),
                Arguments.of(CONVERTED, LeadAction.RESTORE));
    }

    @Test
    void theHandWrittenTablesCoverEveryPairExactlyOnce() {
        Set<List<Object>> seen = new HashSet<>();
        allowed().forEach(a -> seen.add(List.of(a.get()[0], a.get()[2])));
        rejected().forEach(a -> assertThat(seen.add(List.of(a.get()))).as("listed twice: %s", List.of(a.get())).isTrue());
        assertThat(seen).hasSize(LeadStatus.values().length * LeadAction.values().length);
    }

    @ParameterizedTest(name = "{0} (before {1}) --{2}--> {3}")
    @MethodSource("allowed")
    void allowedMovesReachTheirTarget(LeadStatus from, LeadStatus before, LeadAction action, LeadStatus to) {
        Lead lead = leadIn(from, before);

        Lead after = apply(lead, action, T0.plusSeconds(3600), true);

        assertThat(LeadLifecycle.allows(from, action)).isTrue();
        assertThat(LeadLifecycle.allowedActions(from)).contains(action);
        assertThat(LeadLifecycle.next(from, action, before)).isEqualTo(to);
        assertThat(after.status()).isEqualTo(to);
        // Only the life-cycle fields move; identity and content stay.
        assertThat(after.id()).isEqualTo(lead.id());
        assertThat(after.personName()).isEqualTo(lead.personName());
        assertThat(after.version()).isEqualTo(lead.version());
        assertThat(after.updatedAt()).isEqualTo(lead.updatedAt());
    }

    @ParameterizedTest(name = "{0} --{1}--> refused")
    @MethodSource("rejected")
    void rejectedMovesThrowIllegalTransition(LeadStatus from, LeadAction action) {
        Lead lead = leadIn(from, NEW);

        IllegalTransitionException e = catchThrowableOfType(IllegalTransitionException.class,
                () -> apply(lead, action, T0.plusSeconds(3600), true));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(e.machine()).isEqualTo("lead-status").isEqualTo(LeadLifecycle.MACHINE);
        assertThat(e.from()).isEqualTo(from.name());
        assertThat(e.action()).isEqualTo(action.name());
        assertThat(e.getMessage()).contains(from.name()).contains(action.name());
        assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(e.getMessage()).contains("不允许");
        assertThat(LeadLifecycle.allows(from, action)).isFalse();
        assertThat(LeadLifecycle.allowedActions(from)).doesNotContain(action);
        assertThatThrownBy(() -> LeadLifecycle.next(from, action, NEW)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void convertedIsFinal() {
        assertThat(LeadLifecycle.allowedActions(CONVERTED)).isEmpty();
        assertThat(leadIn(CONVERTED, null).allowedActions()).isEmpty();
    }

    @Test
    void markingInvalidRemembersTheStatusAndRestoreGoesBackToIt() {
        Lead mql = newLead().markMql();

        Lead invalid = mql.markInvalid("  no budget this year  ");

        assertThat(invalid.status()).isEqualTo(INVALID);
        assertThat(invalid.statusBeforeInvalid()).isEqualTo(MQL);
        assertThat(invalid.invalidReason()).isEqualTo("no budget this year");
        Lead restored = invalid.restore();
        assertThat(restored).isEqualTo(mql);
    }

    @Test
    void restoreNeedsARestorableRememberedStatus() {
        assertThatThrownBy(() -> LeadLifecycle.next(INVALID, LeadAction.RESTORE, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("statusBeforeInvalid", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> LeadLifecycle.next(INVALID, LeadAction.RESTORE, CONVERTED))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("statusBeforeInvalid", ErrorCode.FIELD_INVALID)).isTrue());
    }

    @Test
    void aRefusedActionIsCheckedBeforeItsArguments() {
        // A converted lead refuses every action, even one whose arguments are also wrong.
        Lead converted = leadIn(CONVERTED, null);
        assertThatThrownBy(() -> converted.markInvalid(" ")).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> converted.markFollowingUp(null)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void invalidArgumentsOfAnAllowedActionAreValidationErrors() {
        Lead lead = newLead();
        assertThatThrownBy(() -> lead.markInvalid("  "))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("reason", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> lead.markInvalid("x".repeat(Lead.MAX_INVALID_REASON + 1)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("reason", ErrorCode.FIELD_TOO_LONG)).isTrue());
        assertThatThrownBy(() -> lead.convert(null, LeadFixtures.CONTACT, null, T0))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("account", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> lead.markFollowingUp(null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("at", ErrorCode.FIELD_REQUIRED)).isTrue());
    }

    @Test
    void aFollowUpLoggedLateNeverMovesTheLastFollowUpBack() {
        Instant later = T0.plusSeconds(7200);
        Instant earlier = T0.plusSeconds(3600);

        Lead lead = newLead().markFollowingUp(later).markFollowingUp(earlier);

        assertThat(lead.lastFollowUpAt()).isEqualTo(later);
    }

    @Test
    void convertRecordsWhatTheLeadBecame() {
        Instant at = T0.plusSeconds(86_400);

        Lead converted = newLead().markFollowingUp(T0).convert(
                LeadFixtures.ACCOUNT, LeadFixtures.CONTACT, null, at);

        assertThat(converted.isConverted()).isTrue();
        assertThat(converted.convertedAccountId()).isEqualTo(LeadFixtures.ACCOUNT);
        assertThat(converted.convertedContactId()).isEqualTo(LeadFixtures.CONTACT);
        assertThat(converted.convertedOpportunityId()).isNull();
        assertThat(converted.convertedAt()).isEqualTo(at);
    }

    // ------------------------------------------------------------------ properties

    /** One generated step: an action, when it happens (minutes after T0) and whether conversion creates an opportunity. */
    record Step(LeadAction action, int minute, boolean withOpportunity) {}

    /**
     * An independent model of the machine: the status and the remembered status, and what each
     * action does to them, written from the specification rather than from {@link LeadLifecycle}.
     */
    record Model(LeadStatus status, LeadStatus before) {
        Optional<Model> after(LeadAction action) {
            switch (status) {
                case CONVERTED:
                    return Optional.empty();
                case INVALID:
                    return action == LeadAction.RESTORE ? Optional.of(new Model(before, null)) : Optional.empty();
                default:
                    switch (action) {
                        case MARK_FOLLOWING_UP:
                            return status == MQL ? Optional.empty() : Optional.of(new Model(FOLLOWING_UP, null));
                        case MARK_MQL:
                            return status == MQL ? Optional.empty() : Optional.of(new Model(MQL, null));
                        case CONVERT:
                            return Optional.of(new Model(CONVERTED, null));
                        case MARK_INVALID:
                            return Optional.of(new Model(INVALID, status));
                        default:
                            return Optional.empty();
                    }
            }
        }
    }

    @Test
    void randomActionSequencesFollowTheModelAndKeepEveryInvariant() {
        qt().withExamples(2000)
                .forAll(lists().of(arbitrary().enumValues(LeadAction.class)
                                .zip(integers().between(0, 10_000), booleans().all(), Step::new))
                        .ofSizeBetween(0, 40))
                .checkAssert(steps -> {
                    Lead lead = newLead();
                    Model model = new Model(NEW, null);
                    Instant latestFollowUp = null;
                    List<LeadStatus> visited = new ArrayList<>(List.of(NEW));
                    for (Step step : steps) {
                        Instant at = T0.plusSeconds(60L * step.minute());
                        Optional<Model> expected = model.after(step.action());
                        Lead before = lead;
                        try {
                            lead = apply(lead, step.action(), at, step.withOpportunity());
                            assertThat(expected).as("%s allowed from %s", step.action(), model.status()).isPresent();
                            model = expected.get();
                            if (step.action() == LeadAction.MARK_FOLLOWING_UP
                                    && (latestFollowUp == null || at.isAfter(latestFollowUp))) {
                                latestFollowUp = at;
                            }
                        } catch (IllegalTransitionException e) {
                            assertThat(expected).as("%s refused from %s", step.action(), model.status()).isEmpty();
                            assertThat(e.from()).isEqualTo(model.status().name());
                            assertThat(lead).isSameAs(before);
                        }
                        assertThat(lead.status()).isEqualTo(model.status());
                        assertThat(lead.statusBeforeInvalid()).isEqualTo(model.before());
                        assertThat(lead.lastFollowUpAt()).isEqualTo(latestFollowUp);
                        assertInvariants(lead);
                        visited.add(lead.status());
                    }
                    // Once converted, always converted.
                    int firstConverted = visited.indexOf(CONVERTED);
                    if (firstConverted >= 0) {
                        assertThat(visited.subList(firstConverted, visited.size())).containsOnly(CONVERTED);
                    }
                });
    }

    @Test
    void everyActionOnAConvertedLeadIsRefusedWhateverHappenedBefore() {
        qt().withExamples(500)
                .forAll(lists().of(arbitrary().pick(LeadAction.MARK_FOLLOWING_UP, LeadAction.MARK_MQL))
                                .ofSizeBetween(0, 3),
                        arbitrary().enumValues(LeadAction.class))
                .checkAssert((path, action) -> {
                    Lead lead = newLead();
                    for (LeadAction a : path) {
                        if (lead.allowedActions().contains(a)) {
                            lead = apply(lead, a, T0, false);
                        }
                    }
                    Lead converted = apply(lead, LeadAction.CONVERT, T0, true);
                    assertThatThrownBy(() -> apply(converted, action, T0.plusSeconds(1), false))
                            .isInstanceOf(IllegalTransitionException.class);
                });
    }

    /** The record's invariants, checked independently of its constructor. */
    static void assertInvariants(Lead lead) {
        Set<LeadStatus> workable = EnumSet.of(NEW, FOLLOWING_UP, MQL);
        boolean invalid = lead.status() == INVALID;
        boolean converted = lead.status() == CONVERTED;
        assertThat(lead.statusBeforeInvalid() != null).isEqualTo(invalid);
        assertThat(lead.invalidReason() != null).isEqualTo(invalid);
        if (invalid) {
            assertThat(workable).contains(lead.statusBeforeInvalid());
        }
        assertThat(lead.convertedAccountId() != null).isEqualTo(converted);
        assertThat(lead.convertedContactId() != null).isEqualTo(converted);
        assertThat(lead.convertedAt() != null).isEqualTo(converted);
        if (!converted) {
            assertThat(lead.convertedOpportunityId()).isNull();
        }
        assertThat(lead.poolId() != null || lead.owner() != null).isTrue();
        assertThat(lead.isConverted()).isEqualTo(converted);
        assertThat(lead.isInvalid()).isEqualTo(invalid);
        // The lead is always a valid record: rebuilding it from its parts is accepted.
        assertThat(lead.toBuilder().build()).isEqualTo(lead);
    }
}
