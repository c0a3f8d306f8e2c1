package io.crmkit.core.sales;

import static io.crmkit.core.sales.SalesFixtures.CNY;
import static io.crmkit.core.sales.SalesFixtures.T0;
import static io.crmkit.core.sales.SalesFixtures.contract;
import static io.crmkit.core.sales.SalesFixtures.line;
import static io.crmkit.core.sales.SalesFixtures.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.money.Discount;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random action sequences on quotes and contracts. The allowed moves are restated here as tables,
 * independently of the enums, and each outcome is checked against them.
 */
class StatusMachinesPropertyTest {

    private static final List<String> QUOTE_ACTIONS = List.of("send", "accept", "reject", "expire");
    private static final Map<QuoteStatus, Map<String, QuoteStatus>> QUOTE_MOVES = Map.of(
            QuoteStatus.DRAFT, Map.of("send", QuoteStatus.SENT, "expire", QuoteStatus.EXPIRED),
            QuoteStatus.SENT, Map.of("accept", QuoteStatus.ACCEPTED, "reject", QuoteStatus.REJECTED,
                    "expire", QuoteStatus.EXPIRED),
            QuoteStatus.ACCEPTED, Map.of(),
            QuoteStatus.REJECTED, Map.of(),
            QuoteStatus.EXPIRED, Map.of());

    private static final List<String> CONTRACT_ACTIONS = List.of("activate", "expire", "terminate");
    private static final Map<ContractStatus, Map<String, ContractStatus>> CONTRACT_MOVES = Map.of(
            ContractStatus.DRAFT, Map.of("activate", ContractStatus.ACTIVE, "terminate", ContractStatus.TERMINATED),
            ContractStatus.ACTIVE, Map.of("expire", ContractStatus.EXPIRED, "terminate", ContractStatus.TERMINATED),
            ContractStatus.EXPIRED, Map.of(),
            ContractStatus.TERMINATED, Map.of());

    private static Gen<List<SalesLine>> lines() {
        // quantity 1..50 and unit price 0..99999 minor units per line, numbered 1..n.
        return lists().of(integers().between(1, 50).zip(integers().between(0, 99_999), (q, p) -> new long[] {q, p}))
                .ofSizeBetween(0, 6)
                .map(specs -> {
                    List<SalesLine> lines = new ArrayList<>();
                    for (int i = 0; i < specs.size(); i++) {
                        lines.add(line(i + 1, specs.get(i)[0], specs.get(i)[1]));
                    }
                    return lines;
                });
    }

    private static Gen<Discount> discounts() {
        return integers().between(0, 100).map(percent -> Discount.multiplier(BigDecimal.valueOf(percent, 2)));
    }

    @Test
    void quotesOnlyMoveAsTheTableSaysAndKeepTheirFigures() {
        qt().withExamples(300).forAll(lines(), discounts(), lists().of(integers().between(0, 3)).ofSizeBetween(1, 12))
                .checkAssert((lines, discount, actions) -> {
                    Quote q = quote(lines, discount, CNY).build();
                    Instant at = T0;
                    for (int index : actions) {
                        String action = QUOTE_ACTIONS.get(index);
                        at = at.plusSeconds(1);
                        Quote before = q;
                        QuoteStatus expected = QUOTE_MOVES.get(before.status()).get(action);
                        Instant when = at;
                        Quote[] after = new Quote[1];
                        Throwable thrown = catchThrowable(() -> after[0] = applyToQuote(before, action, when));
                        if (expected == null) {
                            assertRefusedBy(thrown, QuoteStatus.MACHINE, before.status().name(), action);
                            assertThat(before).isEqualTo(before.toBuilder().build());
                        } else {
                            assertThat(thrown).as("%s from %s", action, before.status()).isNull();
                            q = after[0];
                            assertThat(q.status()).isEqualTo(expected);
                            assertThat(q.updatedAt()).isEqualTo(when);
                            assertThat(q.lines()).isEqualTo(before.lines());
                            assertThat(q.total()).isEqualTo(before.total());
                        }
                        assertThat(q.status().isFinal()).isEqualTo(QUOTE_MOVES.get(q.status()).isEmpty());
                        assertThat(q.total().isNegative()).isFalse();
                        assertThat(q.total().isGreaterThan(q.subtotal())).isFalse();
                        assertThat(q.toBuilder().build()).isEqualTo(q);
                    }
                });
    }

    @Test
    void contractsOnlyMoveAsTheTableSaysAndASignedContractHasASigningDate() {
        qt().withExamples(300).forAll(lists().of(integers().between(0, 2)).ofSizeBetween(1, 10), integers().between(0, 400))
                .checkAssert((actions, signDay) -> {
                    LocalDate signedOn = LocalDate.of(2026, 1, 1).plusDays(signDay);
                    Contract c = contract().build();
                    Instant at = T0;
                    for (int index : actions) {
                        String action = CONTRACT_ACTIONS.get(index);
                        at = at.plusSeconds(1);
                        Contract before = c;
                        ContractStatus expected = CONTRACT_MOVES.get(before.status()).get(action);
                        Instant when = at;
                        Contract[] after = new Contract[1];
                        Throwable thrown = catchThrowable(() -> after[0] = switch (action) {
                            case "activate" -> before.activate(signedOn, when);
                            case "expire" -> before.expire(when);
                            default -> before.terminate(when);
                        });
                        if (expected == null) {
                            assertRefusedBy(thrown, ContractStatus.MACHINE, before.status().name(), action);
                            assertThat(before).isEqualTo(before.toBuilder().build());
                        } else {
                            assertThat(thrown).as("%s from %s", action, before.status()).isNull();
                            c = after[0];
                            assertThat(c.status()).isEqualTo(expected);
                            assertThat(c.updatedAt()).isEqualTo(when);
                        }
                        if (c.status() == ContractStatus.ACTIVE || c.status() == ContractStatus.EXPIRED) {
                            assertThat(c.signedOn()).isEqualTo(signedOn);
                        }
                        assertThat(c.status().isFinal()).isEqualTo(CONTRACT_MOVES.get(c.status()).isEmpty());
                        assertThat(c.toBuilder().build()).isEqualTo(c);
                    }
                });
    }

    private static Quote applyToQuote(Quote q, String action, Instant at) {
        return switch (action) {
            case "send" -> q.send(at);
            case "accept" -> q.accept(at);
            case "reject" -> q.reject(at);
            default -> q.expire(at);
        };
    }

    static void assertRefusedBy(Throwable thrown, String machine, String from, String action) {
        assertThat(thrown).as("%s from %s must be refused", action, from).isInstanceOf(IllegalTransitionException.class);
        IllegalTransitionException e = (IllegalTransitionException) thrown;
        assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(e.machine()).isEqualTo(machine);
        assertThat(e.from()).isEqualTo(from);
        assertThat(e.action()).isEqualTo(action);
    }
}
