package io.crmkit.core.sales;

import static io.crmkit.core.sales.SalesFixtures.CNY;
import static io.crmkit.core.sales.SalesFixtures.JPY;
import static io.crmkit.core.sales.SalesFixtures.T0;
import static io.crmkit.core.sales.SalesFixtures.USD;
import static io.crmkit.core.sales.SalesFixtures.assertInvalid;
import static io.crmkit.core.sales.SalesFixtures.assertRefused;
import static io.crmkit.core.sales.SalesFixtures.line;
import static io.crmkit.core.sales.SalesFixtures.quote;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.validation.CrmValidation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteTest {
    private static final String MACHINE = "quote-status";
    private static final Instant T1 = T0.plusSeconds(60);
    // 3 × 12.34 = 37.02 and 1 × 100.00 = 100.00: subtotal 137.02.
    private static final List<SalesLine> LINES = List.of(line(1, 3, 1234), line(2, 1, 10000));

    private static Quote draft() {
        return quote(LINES, Discount.zhe("9"), CNY).build();
    }

    @Test
    void handComputedTotalsAreAccepted() {
        // 137.02 × 0.9 = 123.318, rounded once to 123.32.
        Quote q = quote(LINES, Discount.zhe("9"), CNY)
                .subtotal(Money.of("137.02", "CNY")).total(Money.of("123.32", "CNY")).build();

        assertThat(q.total()).isEqualTo(Money.of("123.32", "CNY"));
        assertThat(q.status()).isEqualTo(QuoteStatus.DRAFT);
    }

    @Test
    void eitherHalfWayRoundingOfATieIsAccepted() {
        // 1 × 0.05 with 10% off = 0.045: HALF_UP gives 0.05, HALF_EVEN and HALF_DOWN give 0.04.
        List<SalesLine> lines = List.of(line(1, 1, 5));
        var builder = quote(lines, Discount.percentOff("10"), CNY).subtotal(Money.of("0.05", "CNY"));

        assertThat(builder.total(Money.of("0.05", "CNY")).build().total()).isEqualTo(Money.of("0.05", "CNY"));
        assertThat(builder.total(Money.of("0.04", "CNY")).build().total()).isEqualTo(Money.of("0.04", "CNY"));
        assertInvalid(() -> builder.total(Money.of("0.03", "CNY")).build(), "total", ErrorCode.SALES_TOTAL_MISMATCH);
    }

    @Test
    void anEmptyQuoteHasItsCurrencyAndZeroTotals() {
        Quote q = quote(List.of(), Discount.NONE, JPY).build();

        assertThat(q.currency()).isEqualTo(JPY);
        assertThat(q.total()).isEqualTo(Money.zero(JPY));
    }

    @Test
    void sendAcceptRejectAndExpireFollowTheMachine() {
        Quote sent = draft().send(T1);
        assertThat(sent.status()).isEqualTo(QuoteStatus.SENT);
        assertThat(sent.updatedAt()).isEqualTo(T1);
        assertThat(sent.accept(T1).status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThat(sent.reject(T1).status()).isEqualTo(QuoteStatus.REJECTED);
        assertThat(sent.expire(T1).status()).isEqualTo(QuoteStatus.EXPIRED);
        assertThat(draft().expire(T1).status()).isEqualTo(QuoteStatus.EXPIRED);
    }

    @Test
    void aDraftCannotBeAcceptedOrRejected() {
        assertRefused(() -> draft().accept(T1), MACHINE, "DRAFT", "accept");
        assertRefused(() -> draft().reject(T1), MACHINE, "DRAFT", "reject");
    }

    @Test
    void aSentQuoteCannotBeSentAgain() {
        assertRefused(() -> draft().send(T1).send(T1), MACHINE, "SENT", "send");
    }

    @Test
    void finalStatusesAllowNoMove() {
        for (QuoteStatus status : List.of(QuoteStatus.ACCEPTED, QuoteStatus.REJECTED, QuoteStatus.EXPIRED)) {
            Quote q = draft().toBuilder().status(status).build();
            assertRefused(() -> q.send(T1), MACHINE, status.name(), "send");
            assertRefused(() -> q.accept(T1), MACHINE, status.name(), "accept");
            assertRefused(() -> q.reject(T1), MACHINE, status.name(), "reject");
            assertRefused(() -> q.expire(T1), MACHINE, status.name(), "expire");
        }
    }

    @Test
    void aSubtotalThatIsNotTheSumOfTheLinesIsRejected() {
        var e = assertInvalid(() -> quote(LINES, Discount.NONE, CNY)
                .subtotal(Money.of("137.00", "CNY")).total(Money.of("137.00", "CNY")).build(),
                "subtotal", ErrorCode.SALES_TOTAL_MISMATCH);

        assertThat(e.getMessage()).contains("CNY 137.02", "CNY 137.00");
    }

    @Test
    void aTotalThatIgnoresTheDiscountIsRejected() {
        assertInvalid(() -> quote(LINES, Discount.zhe("9"), CNY).total(Money.of("137.02", "CNY")).build(),
                "total", ErrorCode.SALES_TOTAL_MISMATCH);
    }

    @Test
    void aTotalAboveTheSubtotalOrBelowZeroIsRejected() {
        assertInvalid(() -> quote(LINES, Discount.NONE, CNY).total(Money.of("137.03", "CNY")).build(),
                "total", ErrorCode.SALES_TOTAL_MISMATCH);
        assertInvalid(() -> quote(List.of(), Discount.NONE, CNY).total(Money.of("-0.01", "CNY")).build(),
                "total", ErrorCode.SALES_TOTAL_MISMATCH);
    }

    @Test
    void mixedCurrenciesAreRejected() {
        assertInvalid(() -> quote(List.of(), Discount.NONE, CNY)
                .lines(List.of(line(1, 1, 100, CNY), line(2, 1, 100, USD)))
                .subtotal(Money.of("2.00", "CNY")).total(Money.of("2.00", "CNY")).build(),
                "lines[1].price", ErrorCode.CURRENCY_MISMATCH);
        assertInvalid(() -> quote(List.of(), Discount.NONE, USD).lines(LINES).build(),
                "lines[0].price", ErrorCode.CURRENCY_MISMATCH);
        assertInvalid(() -> quote(List.of(), Discount.NONE, CNY).total(Money.zero(USD)).build(),
                "total", ErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void duplicateLineNumbersAreRejected() {
        assertInvalid(() -> quote(List.of(line(2, 1, 100), line(2, 1, 200)), Discount.NONE, CNY).build(),
                "lines", ErrorCode.FIELD_INVALID);
    }

    @Test
    void aMissingCurrencyIsRequired() {
        assertInvalid(() -> draft().toBuilder().currency(null).build(), "currency", ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void contentRulesCascadeIntoLines() {
        SalesLine unnamed = new SalesLine(1, line(1, 1, 100).productId(), " ", line(1, 1, 100).price(), null);
        Quote q = quote(List.of(unnamed), Discount.NONE, CNY).title("").build();

        assertThat(CrmValidation.violations(q)).extracting(v -> v.field() + ":" + v.code())
                .containsExactlyInAnyOrder("lines[0].productName:" + ErrorCode.FIELD_REQUIRED, "title:" + ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void toBuilderRoundTripsEveryComponent() {
        Quote q = draft().toBuilder().opportunityId(OpportunityId.of("opp-1")).validUntil(java.time.LocalDate.of(2026, 4, 1))
                .copiedFrom(QuoteId.of("q0")).version(2).build().send(T1);

        assertThat(q.toBuilder().build()).isEqualTo(q);
    }
}
