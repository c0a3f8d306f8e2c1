package io.crmkit.rules.sales;

import static io.crmkit.rules.sales.SalesFixture.BOSS;
import static io.crmkit.rules.sales.SalesFixture.OTHER;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static io.crmkit.rules.sales.SalesFixture.TEAMMATE;
import static io.crmkit.rules.sales.SalesFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.CloseResult;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.SalesProcess;
import io.crmkit.core.sales.SalesProcessId;
import io.crmkit.core.sales.Stage;
import io.crmkit.core.sales.StageId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of advance, moveTo, close, reopen and update by random actors on one opportunity of a
 * random sales process (1 to 4 stages, rollback and reopening allowed or not, lost reasons configured or
 * free). After every step: the stored opportunity is exactly what the pure model function gives from the
 * stored one before (stamped now, version + 1, one change-log entry with the command's action), or the
 * command threw the typed error the rules predict (who, then closed, then the model's own refusal) and
 * nothing changed (same record, same version, no entry). Closed ⇔ closedAt set, always.
 */
class OpportunityCommandsPropertyTest {
    private static final List<UserId> ACTORS = List.of(REP, BOSS, TEAMMATE, OTHER);
    private static final List<String> KINDS = List.of("advance", "moveTo", "close", "reopen", "update");
    private static final List<String> REASONS = java.util.Arrays.asList(null, "Price", "Weather");

    private final Map<String, Integer> outcomes = new HashMap<>();

    @Test
    void everyStepIsTheModelsMoveOrATypedRefusalThatChangesNothing() {
        qt().withExamples(150)
                .forAll(integers().between(0, 31), lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 25))
                .checkAssert(this::run);

        for (String kind : KINDS) {
            assertThat(outcomes).as("outcomes").containsKey(kind + ":ok");
        }
        assertThat(outcomes.keySet().stream().map(k -> k.substring(k.indexOf(':') + 1)))
                .contains("ForbiddenException", "RuleViolationException", "IllegalTransitionException",
                        "ValidationException");
    }

    private static SalesProcess process(int seed) {
        int stages = 1 + seed % 4;
        List<Stage> list = new ArrayList<>();
        for (int i = 0; i < stages; i++) {
            list.add(Stage.of("S" + i, "Stage " + i, 10 * (i + 1)));
        }
        return SalesProcess.builder().id(SalesProcessId.of("custom")).name("Custom").stages(list)
                .rollbackAllowed((seed / 4) % 2 == 0).reopenAllowed((seed / 8) % 2 == 0)
                .lostReasons((seed / 16) % 2 == 0 ? List.of() : List.of("Price", "Timing")).build();
    }

    private void run(int processSeed, List<Integer> steps) {
        SalesFixture fx = new SalesFixture();
        OpportunityFixture of = new OpportunityFixture(fx);
        OpportunityCommands opps = fx.crm.opportunities();
        SalesProcess process = process(processSeed);
        of.sales(s -> s.processes(List.of(SalesProcess.defaultProcess(), process)).defaultProcessId(process.id()));
        Opportunity created = opps.create(actor(REP), NewOpportunity.builder().name("Deal")
                .accountId(fx.account().id()).amount(Money.of("10.00", "CNY")).build());
        int entries = 1;
        int n = process.stages().size();

        for (int step : steps) {
            fx.advance(Duration.ofMinutes(1 + step % 7));
            String kind = KINDS.get(step % KINDS.size());
            UserId who = ACTORS.get((step / 5) % ACTORS.size());
            int arg = (step / 20) % 12;
            StageId stage = StageId.of("S" + (arg % (n + 1))); // S<n> is not a stage of the process
            CloseResult result = CloseResult.values()[arg % 3];
            String reason = REASONS.get((arg / 3) % 3);
            String name = "Deal " + step;

            Opportunity before = of.get(created.id());
            Instant now = fx.clock.instant();
            Supplier<Opportunity> model = switch (kind) {
                case "advance" -> () -> before.advance(process, now);
                case "moveTo" -> () -> before.moveTo(process, stage, now);
                case "close" -> () -> before.close(process, result, reason, now);
                case "reopen" -> () -> before.reopen(process, stage, now);
                default -> () -> before.toBuilder().name(name).updatedAt(now).build();
            };
            Class<? extends Throwable> expectedError = null;
            Opportunity expected = null;
            if (who.equals(TEAMMATE) || who.equals(OTHER)) {
                expectedError = ForbiddenException.class;
            } else if (before.isClosed() && !kind.equals("reopen")) {
                expectedError = RuleViolationException.class;
            } else {
                try {
                    expected = model.get();
                } catch (CrmException e) {
                    expectedError = e.getClass();
                }
            }

            Throwable thrown = catchThrowable(() -> {
                switch (kind) {
                    case "advance" -> opps.advance(actor(who), created.id());
                    case "moveTo" -> opps.moveTo(actor(who), created.id(), stage);
                    case "close" -> opps.close(actor(who), created.id(), result, reason);
                    case "reopen" -> opps.reopen(actor(who), created.id(), stage);
                    default -> opps.update(actor(who), created.id(), OpportunityUpdate.none().withName(name));
                }
            });

            Opportunity after = of.get(created.id());
            List<ChangeLogEntry> log = fx.log(RecordType.OPPORTUNITY, created.id());
            String what = kind + " by " + who.value() + " (" + stage + ", " + result + ", " + reason + ") at "
                    + before.stage() + " in " + process;
            if (expectedError != null) {
                assertThat(thrown).as(what).isInstanceOf(expectedError);
                assertThat(after).as(what + ": unchanged").isEqualTo(before);
                assertThat(log).as(what + ": nothing logged").hasSize(entries);
                outcomes.merge(kind + ":" + expectedError.getSimpleName(), 1, Integer::sum);
            } else {
                assertThat(thrown).as(what).isNull();
                assertThat(after).as(what).isEqualTo(expected.toBuilder().version(before.version() + 1).build());
                entries++;
                assertThat(log).as(what + ": one entry").hasSize(entries);
                assertThat(log.get(log.size() - 1).action()).isEqualTo(action(kind));
                outcomes.merge(kind + ":ok", 1, Integer::sum);
            }
            assertThat(after.isClosed()).as("closed ⇔ closedAt set").isEqualTo(after.closedAt() != null);
            assertThat(after.lostReason() == null || after.stage().result() == CloseResult.LOST).isTrue();
        }
    }

    private static String action(String kind) {
        return switch (kind) {
            case "advance" -> OpportunityCommands.ACTION_ADVANCE;
            case "moveTo" -> OpportunityCommands.ACTION_MOVE;
            case "close" -> OpportunityCommands.ACTION_CLOSE;
            case "reopen" -> OpportunityCommands.ACTION_REOPEN;
            default -> OpportunityCommands.ACTION_UPDATE;
        };
    }
}
