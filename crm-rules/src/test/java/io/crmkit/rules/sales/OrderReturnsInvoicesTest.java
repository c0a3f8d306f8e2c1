package io.crmkit.rules.sales;

import static io.crmkit.rules.sales.OrderFixture.as;
import static io.crmkit.rules.sales.OrderFixture.cny;
import static io.crmkit.rules.sales.OrderFixture.jpy;
import static io.crmkit.rules.sales.SalesFixture.BOSS;
import static io.crmkit.rules.sales.SalesFixture.JPY;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static io.crmkit.rules.sales.SalesFixture.TEAMMATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.product.Product;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.OrderReturn;
import io.crmkit.core.sales.SalesOrder;
import io.crmkit.core.sales.SalesOrderId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Returns and invoices, hand-computed: what a return credits, and the limits both keep. */
class OrderReturnsInvoicesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private final OrderFixture of = new OrderFixture();
    private final SalesFixture fx = of.fx;
    private final OrderCommands orders = of.orders;
    private final Account account = fx.account();

    private SalesOrder shipped(NewOrder order) {
        SalesOrder created = orders.create(as(REP), order);
        return orders.ship(as(REP), created.id());
    }

    private SalesOrder shipped(Product product, String quantity) {
        return shipped(NewOrder.of(account.id(), List.of(LineInput.of(product.id(), quantity))));
    }

    private static BigDecimal qty(String q) {
        return new BigDecimal(q);
    }

    private SalesOrder returnOne(SalesOrderId id, int lineNo) {
        return orders.recordReturn(as(REP), id, lineNo, BigDecimal.ONE, null);
    }

    private static List<Money> credits(SalesOrder order) {
        return order.returns().stream().map(OrderReturn::amount).toList();
    }

    @Test
    void returningAWholeLineOneByOneCreditsExactlyItsShare() {
        // 3 units at 3.3333 = 9.9999 → line amount 10.00, share 10.00
        SalesOrder order = shipped(fx.product("Third", "3.3333"), "3");
        assertThat(order.lines().get(0).allocatedTotal()).isEqualTo(cny("10.00"));

        // cumulative: round(10.00 × 1/3) = 3.33; round(10.00 × 2/3) = 6.67 → 3.34; 10.00 → 3.33
        returnOne(order.id(), 1);
        returnOne(order.id(), 1);
        SalesOrder after = returnOne(order.id(), 1);
        assertThat(credits(after)).containsExactly(cny("3.33"), cny("3.34"), cny("3.33"));
        assertThat(after.returnsTotal()).isEqualTo(cny("10.00"));
        assertThat(after.receivable()).isEqualTo(cny("0.00"));

        ChangeLogEntry entry = fx.lastEntry(RecordType.SALES_ORDER, order.id());
        assertThat(entry.action()).isEqualTo(OrderCommands.ACTION_RETURN);
        Throwable more = of.refused(() -> returnOne(order.id(), 1));
        assertThat(((RuleViolationException) more).rule()).isEqualTo(OrderCommands.RULE_RETURN_EXCEEDS_QUANTITY);
        assertThat(((RuleViolationException) more).limit()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void creditsFollowTheDiscountedShareInYen() {
        // 3 × 66.6667 = 200.0001 → JPY 200, whole-order 10% off: 180; returns 1 by 1: 60, 60, 60
        // without the discount: round(200/3) = 67, round(400/3) = 133 → 66, 200 → 67
        Product bowl = fx.product("Bowl", "66.6667", JPY);
        SalesOrder plain = shipped(NewOrder.of(account.id(), List.of(LineInput.of(bowl.id(), "3"))).inCurrency(JPY));
        returnOne(plain.id(), 1);
        returnOne(plain.id(), 1);
        assertThat(credits(returnOne(plain.id(), 1))).containsExactly(jpy("67"), jpy("66"), jpy("67"));

        SalesOrder discounted = shipped(NewOrder.of(account.id(), List.of(LineInput.of(bowl.id(), "3")))
                .inCurrency(JPY).withDiscount(Discount.percentOff("10")));
        assertThat(discounted.total()).isEqualTo(jpy("180"));
        SalesOrder two = orders.recordReturn(as(REP), discounted.id(), 1, qty("2"), "chipped");
        assertThat(credits(two)).containsExactly(jpy("120"));
        assertThat(two.returns().get(0).reason()).isEqualTo("chipped");
        assertThat(fx.lastEntry(RecordType.SALES_ORDER, discounted.id()).reason()).isEqualTo("chipped");
        assertThat(two.receivable()).isEqualTo(jpy("60"));
    }

    @Test
    void aReturnOnOneLineCreditsThatLinesShareOfTheDiscountedTotal() {
        // 2 lines: 100.00 and 33.33 at 九折: total 133.33 × 0.9 = 119.997 → 120.00;
        // shares 90.00 (exact) and 29.997 → 30.00; returning 1 of 3 on line 2 credits round(30.00/3) = 10.00
        SalesOrder order = shipped(NewOrder.of(account.id(), List.of(
                LineInput.of(fx.product("A", "100.00").id(), "1"),
                LineInput.of(fx.product("B", "11.11").id(), "3"))).withDiscount(Discount.zhe("9")));
        assertThat(order.total()).isEqualTo(cny("120.00"));
        assertThat(order.lines().get(1).allocatedTotal()).isEqualTo(cny("30.00"));
        SalesOrder after = returnOne(order.id(), 2);
        assertThat(credits(after)).containsExactly(cny("10.00"));
        assertThat(after.receivable()).isEqualTo(cny("110.00"));
        assertThat(after.outstanding()).isEqualTo(cny("110.00"));
    }

    @Test
    void returnsBeforeShippingAreRefused() {
        SalesOrder order = orders.create(as(REP), NewOrder.of(account.id(),
                List.of(LineInput.of(fx.product("A", "10.00").id(), "2"))));
        Throwable thrown = of.refused(() -> returnOne(order.id(), 1));
        assertThat(((RuleViolationException) thrown).rule()).isEqualTo(OrderCommands.RULE_NOT_SHIPPED);
    }

    @Test
    void overReturnsAreRefusedWithWhatIsLeftAsTheLimit() {
        SalesOrder order = shipped(fx.product("A", "10.00"), "3");
        orders.recordReturn(as(REP), order.id(), 1, qty("2"), null);
        Throwable thrown = of.refused(() -> orders.recordReturn(as(REP), order.id(), 1, qty("2"), null));
        assertThat(((RuleViolationException) thrown).rule()).isEqualTo(OrderCommands.RULE_RETURN_EXCEEDS_QUANTITY);
        assertThat((BigDecimal) ((RuleViolationException) thrown).limit()).isEqualByComparingTo("1");

        // delivery tracked: only what was delivered can come back
        SalesOrder tracked = shipped(fx.product("B", "10.00"), "5");
        orders.recordDelivered(as(REP), tracked.id(), 1, qty("2"));
        Throwable undelivered = of.refused(() -> orders.recordReturn(as(REP), tracked.id(), 1, qty("3"), null));
        assertThat((BigDecimal) ((RuleViolationException) undelivered).limit()).isEqualByComparingTo("2");

        Throwable zero = of.refused(() -> orders.recordReturn(as(REP), tracked.id(), 1, BigDecimal.ZERO, null));
        assertThat(((ValidationException) zero).hasViolation("quantity", ErrorCode.FIELD_NOT_POSITIVE)).isTrue();
        Throwable noLine = of.refused(() -> orders.recordReturn(as(REP), tracked.id(), 7, BigDecimal.ONE, null));
        assertThat(((ValidationException) noLine).hasViolation("lineNo", ErrorCode.FIELD_INVALID)).isTrue();
        assertThat(of.refused(() -> orders.recordReturn(as(TEAMMATE), tracked.id(), 1, BigDecimal.ONE, null)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void invoicesGoUpToTheReceivableAndNoFurther() {
        SalesOrder order = shipped(fx.product("A", "25.00"), "4");
        SalesOrder first = orders.recordInvoice(as(REP), order.id(), " INV-1 ", cny("60.00"), DAY);
        assertThat(first.invoicedTotal()).isEqualTo(cny("60.00"));
        assertThat(first.invoices().get(0).number()).isEqualTo("INV-1");
        assertThat(fx.lastEntry(RecordType.SALES_ORDER, order.id()).action()).isEqualTo(OrderCommands.ACTION_INVOICE);

        Throwable tooMuch = of.refused(() -> orders.recordInvoice(as(REP), order.id(), "INV-2", cny("40.01"), DAY));
        assertThat(((RuleViolationException) tooMuch).rule()).isEqualTo(OrderCommands.RULE_INVOICE_EXCEEDS_RECEIVABLE);
        assertThat(((RuleViolationException) tooMuch).limit()).isEqualTo(cny("40.00"));

        Throwable duplicate = of.refused(() -> orders.recordInvoice(as(REP), order.id(), "INV-1", cny("1.00"), DAY));
        assertThat(((ValidationException) duplicate).hasViolation("number", ErrorCode.FIELD_INVALID)).isTrue();
        Throwable yen = of.refused(() -> orders.recordInvoice(as(REP), order.id(), "INV-3", jpy("1"), DAY));
        assertThat(((ValidationException) yen).hasViolation("amount", ErrorCode.CURRENCY_MISMATCH)).isTrue();
        Throwable zero = of.refused(() -> orders.recordInvoice(as(REP), order.id(), "INV-3", cny("0.00"), DAY));
        assertThat(((ValidationException) zero).hasViolation("amount", ErrorCode.FIELD_NOT_POSITIVE)).isTrue();

        SalesOrder full = orders.recordInvoice(as(BOSS), order.id(), "INV-2", cny("40.00"), DAY);
        assertThat(full.invoicedTotal()).isEqualTo(full.receivable());
    }

    @Test
    void aReturnBelowWhatIsInvoicedOrAllocatedIsRefused() {
        SalesOrder order = shipped(fx.product("A", "25.00"), "4");
        orders.recordInvoice(as(REP), order.id(), "INV-1", cny("90.00"), DAY);
        // returning 1 unit credits 25.00: receivable 75.00 < 90.00 invoiced
        Throwable invoiced = of.refused(() -> returnOne(order.id(), 1));
        assertThat(((RuleViolationException) invoiced).rule()).isEqualTo(OrderCommands.RULE_RETURN_BELOW_SETTLED);
        assertThat(((RuleViolationException) invoiced).limit()).isEqualTo(cny("90.00"));

        SalesOrder paid = shipped(fx.product("B", "25.00"), "4");
        of.allocate(paid.id(), cny("80.00"));
        Throwable allocated = of.refused(() -> returnOne(paid.id(), 1));
        assertThat(((RuleViolationException) allocated).limit()).isEqualTo(cny("80.00"));

        of.allocate(paid.id(), cny("50.00"));
        SalesOrder after = returnOne(paid.id(), 1);
        assertThat(after.receivable()).isEqualTo(cny("75.00"));
        assertThat(after.outstanding()).isEqualTo(cny("25.00"));
        // and the invoice limit follows the reduced receivable
        Throwable over = of.refused(() -> orders.recordInvoice(as(REP), paid.id(), "I", cny("75.01"), DAY));
        assertThat(((RuleViolationException) over).limit()).isEqualTo(cny("75.00"));
    }
}
