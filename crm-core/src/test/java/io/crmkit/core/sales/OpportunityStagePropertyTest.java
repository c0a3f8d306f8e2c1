package io.crmkit.core.sales;

import static io.crmkit.core.sales.SalesFixtures.T0;
import static io.crmkit.core.sales.SalesFixtures.opportunity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random action sequences on opportunities over random sales processes. Each action's outcome is
 * predicted by an independent model of the rules, and the aggregate's invariants are checked after
 * every step.
 */
class OpportunityStagePropertyTest {

    /** kind: 0 advance, 1 moveTo, 2 close, 3 reopen; stage: index into the process, past its end = unknown. */
    record Action(int kind, int stage, CloseResult result, int reason, int seconds) {}

    enum Outcome { OK, ILLEGAL, UNKNOWN_STAGE, BAD_REASON }

    private static Gen<SalesProcess> processes() {
        Gen<List<Integer>> winRates = lists().of(integers().between(0, 100)).ofSizeBetween(1, 6);
        return winRates.zip(booleans().all(), booleans().all(), integers().between(0, 3), (rates, rollback, reopen, reasons) -> {
            List<Stage> stages = new ArrayList<>();
            for (int i = 0; i < rates.size(); i++) {
                // Every stage has the same name: the machine must go by id.
                stages.add(new Stage(StageId.of("S" + i), "Stage", rates.get(i)));
            }
            List<String> lostReasons = new ArrayList<>();
            for (int i = 0; i < reasons; i++) {
                lostReasons.add("R" + i);
            }
            return SalesProcess.builder().id(SalesProcessId.of("p")).name("Random").stages(stages)
                    .rollbackAllowed(rollback).reopenAllowed(reopen).lostReasons(lostReasons).build();
        });
    }

    private static Gen<List<Action>> actions() {
        Gen<Action> action = integers().between(0, 3).zip(integers().between(0, 7), arbitrary().enumValues(CloseResult.class),
                integers().between(0, 4), (kind, stage, result, reason) -> new Action(kind, stage, result, reason, 0))
                .zip(integers().between(0, 100_000), (a, s) -> new Action(a.kind(), a.stage(), a.result(), a.reason(), s));
        return lists().of(action).ofSizeBetween(1, 40);
    }

    @Test
    void randomMovesNeverReachAnIllegalStateAndRefusalsAreExactlyThePredictedOnes() {
        qt().withExamples(400).forAll(processes(), actions()).checkAssert((process, actions) -> {
            Opportunity o = opportunity(process).build();
            Instant at = T0;
            assertInvariants(process, o);
            for (Action a : actions) {
                at = at.plusSeconds(a.seconds());
                Opportunity before = o;
                StageId target = a.stage() < process.stages().size()
                        ? process.stages().get(a.stage()).id()
                        : StageId.of("UNKNOWN" + a.stage());
                String reason = reason(process, a.reason());
                Outcome expected = predict(process, o, a, target, reason);
                Instant when = at;
                Opportunity[] result = new Opportunity[1];
                Throwable thrown = catchThrowable(() -> result[0] = apply(process, before, a, target, reason, when));

                assertOutcome(expected, thrown, a);
                if (thrown == null) {
                    o = result[0];
                    assertMovedAsPredicted(process, before, o, a, target, reason, when);
                } else {
                    // A refused move leaves the value as it was.
                    assertThat(before).isEqualTo(before.toBuilder().build());
                }
                assertInvariants(process, o);
            }
        });
    }

    private static String reason(SalesProcess process, int choice) {
        if (choice == 0) {
            return null;
        }
        if (choice <= process.lostReasons().size()) {
            return process.lostReasons().get(choice - 1);
        }
        return choice == 4 ? "not configured" : "  ";
    }

    private static Opportunity apply(SalesProcess p, Opportunity o, Action a, StageId target, String reason, Instant at) {
        return switch (a.kind()) {
            case 0 -> o.advance(p, at);
            case 1 -> o.moveTo(p, target, at);
            case 2 -> o.close(p, a.result(), reason, at);
            default -> o.reopen(p, target, at);
        };
    }

    /** The rules, restated independently of StageMoves. */
    private static Outcome predict(SalesProcess p, Opportunity o, Action a, StageId target, String reason) {
        boolean closed = o.stage().result() != null;
        int current = closed ? -1 : p.indexOf(o.stage().stageId());
        int last = p.stages().size() - 1;
        boolean known = p.indexOf(target) >= 0;
        switch (a.kind()) {
            case 0:
                return closed || current == last ? Outcome.ILLEGAL : Outcome.OK;
            case 1:
                if (!known) {
                    return Outcome.UNKNOWN_STAGE;
                }
                if (closed) {
                    return Outcome.ILLEGAL;
                }
                int to = p.indexOf(target);
                return to > current || (to < current && p.rollbackAllowed()) ? Outcome.OK : Outcome.ILLEGAL;
            case 2:
                if (closed) {
                    return Outcome.ILLEGAL;
                }
                boolean given = reason != null && !reason.isBlank();
                if (a.result() != CloseResult.LOST) {
                    return given ? Outcome.BAD_REASON : Outcome.OK;
                }
                if (p.lostReasons().isEmpty()) {
                    return Outcome.OK;
                }
                return given && p.lostReasons().contains(reason) ? Outcome.OK : Outcome.BAD_REASON;
            default:
                if (!known) {
                    return Outcome.UNKNOWN_STAGE;
                }
                return closed && p.reopenAllowed() ? Outcome.OK : Outcome.ILLEGAL;
        }
    }

    private static void assertOutcome(Outcome expected, Throwable thrown, Action a) {
        switch (expected) {
            case OK -> assertThat(thrown).as("%s should be allowed", a).isNull();
            case ILLEGAL -> {
                assertThat(thrown).as("%s should be refused", a).isInstanceOf(IllegalTransitionException.class);
                assertThat(((IllegalTransitionException) thrown).machine()).isEqualTo(StageMoves.MACHINE);
                assertThat(((IllegalTransitionException) thrown).code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            }
            case UNKNOWN_STAGE -> {
                assertThat(thrown).as("%s should name an unknown stage", a).isInstanceOf(ValidationException.class);
                assertThat(((ValidationException) thrown).violations()).extracting(v -> v.code())
                        .containsExactly(ErrorCode.UNKNOWN_STAGE);
            }
            case BAD_REASON -> {
                assertThat(thrown).as("%s should reject the reason", a).isInstanceOf(ValidationException.class);
                assertThat(((ValidationException) thrown).violations()).extracting(v -> v.field())
                        .containsExactly("lostReason");
            }
        }
    }

    private static void assertMovedAsPredicted(SalesProcess p, Opportunity before, Opportunity after, Action a,
            StageId target, String reason, Instant at) {
        assertThat(after.updatedAt()).isEqualTo(at);
        assertThat(after.id()).isEqualTo(before.id());
        switch (a.kind()) {
            case 0 -> assertThat(after.stage()).isEqualTo(
                    OpportunityStage.open(p.stages().get(p.indexOf(before.stage().stageId()) + 1).id()));
            case 1, 3 -> assertThat(after.stage()).isEqualTo(OpportunityStage.open(target));
            default -> {
                assertThat(after.stage()).isEqualTo(OpportunityStage.closed(before.stage().stageId(), a.result()));
                assertThat(after.closedAt()).isEqualTo(at);
                String kept = reason == null || reason.isBlank() ? null : reason.strip();
                assertThat(after.lostReason()).isEqualTo(a.result() == CloseResult.LOST ? kept : null);
            }
        }
    }

    private static void assertInvariants(SalesProcess p, Opportunity o) {
        OpportunityStage stage = o.stage();
        assertThat(p.contains(stage.stageId())).as("stage %s is in the process", stage).isTrue();
        if (stage.isClosed()) {
            assertThat(stage.result()).isNotNull();
            assertThat(o.closedAt()).isNotNull();
            assertThat(o.winRatePercent(p)).isEqualTo(stage.result().winRatePercent());
        } else {
            assertThat(o.closedAt()).isNull();
            assertThat(o.lostReason()).isNull();
            assertThat(o.winRatePercent(p)).isEqualTo(p.stage(stage.stageId()).winRatePercent());
        }
        if (o.lostReason() != null) {
            assertThat(stage.result()).isEqualTo(CloseResult.LOST);
        }
        assertThat(o.toBuilder().build()).isEqualTo(o);
    }
}
