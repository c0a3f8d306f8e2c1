package io.crmkit.rules.sales;

import static io.crmkit.rules.sales.QuoteSalesFixture.actor;
import static io.crmkit.rules.sales.SalesFixture.CNY;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static io.crmkit.rules.sales.SalesFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.product.Product;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.OrderLine;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.QuoteStatus;
import io.crmkit.core.sales.SalesLine;
import io.crmkit.core.sales.SalesOrder;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The peers' quote defects named in issue 6, each shown not to happen here. */
class QuotePeerDefectsTest {
    private final QuoteSalesFixture q = new QuoteSalesFixture();
    private final SalesFixture fx = q.fx;
    private final Account account = fx.account();
    private final Product widget = fx.product("Widget", "33.3333");
    private final Product gadget = fx.product("Gadget", "10.01");

    /**
     * CordysCRM computes quote totals in the browser and stores what the browser sends. Here the only
     * input is products, quantities, prices and discounts: the command input has no figure a client
     * could compute, and a quote record carrying a client-computed total that does not add up is
     * refused by the model itself, so the store never holds it.
     */
    @Test
    void cordysCrm_totalsAreComputedByTheLibraryNotTheClient() {
        List<String> inputs = Arrays.stream(NewQuote.class.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(inputs).doesNotContain("subtotal", "total", "amount", "lineAmounts");
        List<String> lineInputs = Arrays.stream(LineInput.class.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(lineInputs).doesNotContain("amount", "total");

        Quote quote = q.quotes.create(actor(REP), NewQuote.of(account.id(), "Thirds").withLines(
                LineInput.of(widget.id(), "3")));
        // 33.3333 × 3 = 99.9999 → 100.00 (a float sum in a browser gives 99.99990000000001)
        assertThat(quote.total()).isEqualTo(Money.of("100.00", "CNY"));

        // A browser-computed total (the unrounded float, cut to cents) never gets into the store.
        List<Object> before = fx.everything();
        ValidationException wrong = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> fx.store.transact(tx -> tx.quotes().insert(Quote.builder()
                        .id(tx.quotes().nextId()).tenantId(TENANT).accountId(account.id()).title("browser")
                        .currency(CNY).lines(quote.lines()).subtotal(Money.of("100.00", "CNY"))
                        .total(Money.of("99.99", "CNY")).status(QuoteStatus.DRAFT).owner(REP)
                        .createdAt(fx.clock.instant()).updatedAt(fx.clock.instant()).build())),
                ValidationException.class);
        assertThat(wrong.hasViolation("total", ErrorCode.SALES_TOTAL_MISMATCH)).isTrue();
        assertThat(fx.everything()).isEqualTo(before);

        // Nor does a subtotal that is not the sum of the lines.
        ValidationException badSubtotal = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> quote.toBuilder().subtotal(Money.of("99.99", "CNY")).total(Money.of("99.99", "CNY")).build(),
                ValidationException.class);
        assertThat(badSubtotal.hasViolation("subtotal", ErrorCode.SALES_TOTAL_MISMATCH)).isTrue();
    }

    /**
     * The product reviewed in the seed overwrote a quote's lines silently when an earlier quote was
     * reused. Here reusing into a quote that has lines without saying replace or append is refused,
     * and the target keeps its lines.
     */
    @Test
    void seedCrm_reuseNeverOverwritesSilently() {
        Quote earlier = q.quotes.create(actor(REP), NewQuote.of(account.id(), "Last year").withLines(
                LineInput.of(gadget.id(), "10")));
        Quote target = q.quotes.create(actor(REP), NewQuote.of(account.id(), "This year").withLines(
                LineInput.of(widget.id(), "1"), LineInput.of(gadget.id(), "2")));

        RuleViolationException e = q.refusedUnchanged(RuleViolationException.class,
                () -> q.quotes.reuse(actor(REP), earlier.id(), target.id(), null));

        assertThat(e.rule()).isEqualTo(QuoteCommands.RULE_REUSE_MODE_REQUIRED);
        assertThat(q.quote(target.id()).lines()).isEqualTo(target.lines());
        assertThat(q.quote(target.id()).copiedFrom()).isNull();
        assertThat(fx.log(RecordType.QUOTE, target.id())).hasSize(1);
    }

    /**
     * Odoo rounds each order line's share of the whole-order discount on its own, so the lines drift a
     * cent from the order total. Three lines of CNY 10.01 at 5折: each line's discounted amount 5.005
     * rounds to 5.01, 15.03 in all, while the total 30.03 × 0.5 = 15.015 rounds to 15.02. Here the lines
     * add up to the total exactly.
     */
    @Test
    void odoo_orderLinesNeverDriftFromTheTotal() {
        Quote quote = q.quotes.create(actor(REP), NewQuote.of(account.id(), "Halves").withLines(
                        LineInput.of(gadget.id(), "1"), LineInput.of(gadget.id(), "1"), LineInput.of(gadget.id(), "1"))
                .withWholeOrderDiscount(Discount.zhe("5")));
        // subtotal 30.03; × 0.5 = 15.015 → 15.02 (half-up)
        assertThat(quote.lines()).extracting(SalesLine::amount).containsOnly(Money.of("10.01", "CNY"));
        assertThat(quote.total()).isEqualTo(Money.of("15.02", "CNY"));

        SalesOrder order = q.conversions.quoteToOrder(actor(REP), quote.id(), null);

        // rounding each line alone: 5.005 → 5.01 three times = 15.03, a cent over; pushed down by largest
        // remainder instead: 5.01 + 5.01 + 5.00 = 15.02
        assertThat(order.lines()).extracting(OrderLine::allocatedTotal).containsExactly(
                Money.of("5.01", "CNY"), Money.of("5.01", "CNY"), Money.of("5.00", "CNY"));
        assertThat(Money.sum(CNY, order.lines().stream().map(OrderLine::allocatedTotal).toList()))
                .isEqualTo(order.total());
    }
}
