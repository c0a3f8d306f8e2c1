package io.crmkit.core.sales;

import static io.crmkit.core.sales.SalesFixtures.CNY;
import static io.crmkit.core.sales.SalesFixtures.T0;
import static io.crmkit.core.sales.SalesFixtures.USD;
import static io.crmkit.core.sales.SalesFixtures.assertInvalid;
import static io.crmkit.core.sales.SalesFixtures.assertRefused;
import static io.crmkit.core.sales.SalesFixtures.line;
import static io.crmkit.core.sales.SalesFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesOrderTest {
    private static final String MACHINE = "order-delivery";
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final Instant T2 = T1.plusSeconds(3600);
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    // Line 1: 10 × 10.00 = 100.00; line 2: 5 × 40.00 = 200.00. Subtotal 300.00; 九折 total 270.00,
    // pushed down as 90.00 and 180.00.
    private static final List<SalesLine> LINES = List.of(line(1, 10, 1000), line(2, 5, 4000));

    private static SalesOrder fresh() {
        return order(LINES, Discount.zhe("9"), CNY).build();
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    private static OrderReturn returnOf(int lineNo, long quantity, String amount) {
        return new OrderReturn(lineNo, BigDecimal.valueOf(quantity), cny(amount), "damaged", T1);
    }

    @Test
    void handComputedFiguresOfAFreshOrder() {
        SalesOrder o = fresh();

        assertThat(o.total()).isEqualTo(cny("270.00"));
        assertThat(o.lines()).extracting(OrderLine::allocatedTotal).containsExactly(cny("90.00"), cny("180.00"));
        assertThat(o.receivable()).isEqualTo(cny("270.00"));
        assertThat(o.outstanding()).isEqualTo(cny("270.00"));
        assertThat(o.allocated()).isEqualTo(Money.zero(CNY));
    }

    @Test
    void returnsReduceTheReceivableAndAllocationsTheOutstanding() {
        SalesOrder o = fresh()
                .recordReturn(returnOf(2, 1, "36.00"), T1)
                .recordInvoice(new Invoice("INV-1", cny("100.00"), DAY), T1)
                .withAllocated(cny("150.00"), T2);

        // 270.00 − 36.00 = 234.00 receivable; 234.00 − 150.00 = 84.00 outstanding.
        assertThat(o.returnsTotal()).isEqualTo(cny("36.00"));
        assertThat(o.receivable()).isEqualTo(cny("234.00"));
        assertThat(o.invoicedTotal()).isEqualTo(cny("100.00"));
        assertThat(o.outstanding()).isEqualTo(cny("84.00"));
        assertThat(o.updatedAt()).isEqualTo(T2);
    }

    @Test
    void shipThenConfirmReceipt() {
        SalesOrder shipped = fresh().ship(T1);
        assertThat(shipped.deliveryStatus()).isEqualTo(DeliveryStatus.SHIPPED);
        assertThat(shipped.shippedAt()).isEqualTo(T1);

        SalesOrder received = shipped.confirmReceipt(T2);
        assertThat(received.deliveryStatus()).isEqualTo(DeliveryStatus.RECEIVED);
        assertThat(received.receivedAt()).isEqualTo(T2);
        assertThat(received.shippedAt()).isEqualTo(T1);
    }

    @Test
    void receiptBeforeShippingIsRefused() {
        assertRefused(() -> fresh().confirmReceipt(T1), MACHINE, "NOT_SHIPPED", "confirmReceipt");
    }

    @Test
    void shippingTwiceIsRefused() {
        assertRefused(() -> fresh().ship(T1).ship(T2), MACHINE, "SHIPPED", "ship");
        assertRefused(() -> fresh().ship(T1).confirmReceipt(T2).ship(T2), MACHINE, "RECEIVED", "ship");
    }

    @Test
    void receiptCannotBeConfirmedTwice() {
        assertRefused(() -> fresh().ship(T1).confirmReceipt(T2).confirmReceipt(T2), MACHINE, "RECEIVED", "confirmReceipt");
    }

    @Test
    void receiptCannotPredateShipping() {
        assertInvalid(() -> fresh().ship(T2).confirmReceipt(T1), "receivedAt", ErrorCode.FIELD_INVALID);
    }

    @Test
    void deliveryTimesMustMatchTheStatus() {
        assertInvalid(() -> fresh().toBuilder().deliveryStatus(DeliveryStatus.SHIPPED).build(), "shippedAt", ErrorCode.FIELD_INVALID);
        assertInvalid(() -> fresh().toBuilder().shippedAt(T1).build(), "shippedAt", ErrorCode.FIELD_INVALID);
        assertInvalid(() -> fresh().ship(T1).toBuilder().receivedAt(T2).build(), "receivedAt", ErrorCode.FIELD_INVALID);
    }

    @Test
    void allocatedLineTotalsMustAddUpToTheTotalExactly() {
        List<OrderLine> offByOneCent = List.of(
                new OrderLine(LINES.get(0), cny("90.00"), null), new OrderLine(LINES.get(1), cny("179.99"), null));

        var e = assertInvalid(() -> fresh().toBuilder().lines(offByOneCent).build(),
                "lines.allocatedTotal", ErrorCode.SALES_TOTAL_MISMATCH);
        assertThat(e.getMessage()).contains("CNY 270.00", "CNY 269.99");
    }

    @Test
    void inconsistentSubtotalOrTotalIsRejected() {
        assertInvalid(() -> fresh().toBuilder().subtotal(cny("299.99")).build(), "subtotal", ErrorCode.SALES_TOTAL_MISMATCH);
        assertInvalid(() -> fresh().toBuilder().total(cny("300.00")).build(), "total", ErrorCode.SALES_TOTAL_MISMATCH);
    }

    @Test
    void aLineShareAboveTheLineAmountIsRejected() {
        assertInvalid(() -> new OrderLine(LINES.get(0), cny("100.01"), null), "allocatedTotal", ErrorCode.FIELD_OUT_OF_RANGE);
        assertInvalid(() -> new OrderLine(LINES.get(0), cny("-0.01"), null), "allocatedTotal", ErrorCode.FIELD_OUT_OF_RANGE);
    }

    @Test
    void invoicesOverTheReceivableAreRejected() {
        SalesOrder invoiced = fresh().recordInvoice(new Invoice("INV-1", cny("270.00"), DAY), T1);

        assertInvalid(() -> invoiced.recordInvoice(new Invoice("INV-2", cny("0.01"), DAY), T1), "invoices", ErrorCode.FIELD_OUT_OF_RANGE);
        // A return would leave less receivable than already invoiced.
        assertInvalid(() -> invoiced.recordReturn(returnOf(1, 1, "9.00"), T1), "invoices", ErrorCode.FIELD_OUT_OF_RANGE);
    }

    @Test
    void anInvoiceNumberIsUsedOnce() {
        SalesOrder invoiced = fresh().recordInvoice(new Invoice("INV-1", cny("10.00"), DAY), T1);

        assertInvalid(() -> invoiced.recordInvoice(new Invoice(" INV-1 ", cny("10.00"), DAY), T1),
                "invoices[1].number", ErrorCode.FIELD_INVALID);
    }

    @Test
    void anInvoiceOfZeroIsRejected() {
        assertInvalid(() -> new Invoice("INV-1", cny("0.00"), DAY), "amount", ErrorCode.FIELD_NOT_POSITIVE);
    }

    @Test
    void returningMoreThanWasOrderedIsRejected() {
        SalesOrder once = fresh().recordReturn(returnOf(2, 3, "0.00"), T1);

        // 3 of 5 returned already; 3 more would be 6.
        var e = assertInvalid(() -> once.recordReturn(returnOf(2, 3, "0.00"), T1), "returns[1].quantity", ErrorCode.FIELD_OUT_OF_RANGE);
        assertThat(e.getMessage()).contains("6");
        assertThat(once.recordReturn(returnOf(2, 2, "0.00"), T1).returns()).hasSize(2);
    }

    @Test
    void returningMoreThanWasDeliveredIsRejectedWhereDeliveryIsTracked() {
        SalesOrder partly = fresh().withDelivered(1, new BigDecimal("4"), T1);

        assertInvalid(() -> partly.recordReturn(returnOf(1, 5, "0.00"), T1), "returns[0].quantity", ErrorCode.FIELD_OUT_OF_RANGE);
        SalesOrder returned = partly.recordReturn(returnOf(1, 4, "0.00"), T1);
        // Lowering the delivered quantity below what came back is refused too.
        assertInvalid(() -> returned.withDelivered(1, new BigDecimal("3"), T2), "returns[0].quantity", ErrorCode.FIELD_OUT_OF_RANGE);
    }

    @Test
    void deliveredQuantityStaysWithinTheOrderedQuantity() {
        assertInvalid(() -> fresh().withDelivered(1, new BigDecimal("10.001"), T1), "deliveredQuantity", ErrorCode.FIELD_OUT_OF_RANGE);
        assertInvalid(() -> fresh().withDelivered(3, BigDecimal.ONE, T1), "lineNo", ErrorCode.FIELD_INVALID);
    }

    @Test
    void aReturnOnAnUnknownLineIsRejected() {
        assertInvalid(() -> fresh().recordReturn(returnOf(9, 1, "1.00"), T1), "returns[0].lineNo", ErrorCode.FIELD_INVALID);
    }

    @Test
    void returnAmountsAboveTheTotalAreRejected() {
        assertInvalid(() -> fresh().recordReturn(returnOf(1, 1, "200.00"), T1).recordReturn(returnOf(2, 1, "70.01"), T1),
                "returns", ErrorCode.FIELD_OUT_OF_RANGE);
    }

    @Test
    void allocationsStayBetweenZeroAndTheReceivable() {
        assertInvalid(() -> fresh().withAllocated(cny("270.01"), T1), "allocated", ErrorCode.FIELD_OUT_OF_RANGE);
        assertInvalid(() -> fresh().withAllocated(cny("-0.01"), T1), "allocated", ErrorCode.FIELD_OUT_OF_RANGE);
        SalesOrder paid = fresh().withAllocated(cny("270.00"), T1);
        assertThat(paid.outstanding().isZero()).isTrue();
        // A return after full payment would leave more allocated than receivable: refused.
        assertInvalid(() -> paid.recordReturn(returnOf(1, 1, "9.00"), T2), "allocated", ErrorCode.FIELD_OUT_OF_RANGE);
    }

    @Test
    void mixedCurrenciesAreRejected() {
        assertInvalid(() -> fresh().withAllocated(Money.of("1.00", "USD"), T1), "allocated", ErrorCode.CURRENCY_MISMATCH);
        assertInvalid(() -> fresh().recordInvoice(new Invoice("INV-1", Money.of("1.00", "USD"), DAY), T1),
                "invoices[0].amount", ErrorCode.CURRENCY_MISMATCH);
        assertInvalid(() -> fresh().toBuilder().currency(USD).build(), "lines[0].price", ErrorCode.CURRENCY_MISMATCH);
        assertInvalid(() -> new OrderLine(LINES.get(0), Money.of("90.00", "USD"), null), "allocatedTotal", ErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void toBuilderRoundTripsEveryComponent() {
        SalesOrder o = fresh().toBuilder().sourceQuoteId(QuoteId.of("q1")).sourceOpportunityId(OpportunityId.of("opp-1"))
                .sourceContractId(ContractId.of("c1")).version(4).build()
                .withDelivered(2, BigDecimal.valueOf(5), T1).ship(T1).confirmReceipt(T2)
                .recordReturn(returnOf(2, 1, "36.00"), T2).recordInvoice(new Invoice("INV-1", cny("100.00"), DAY), T2)
                .withAllocated(cny("50.00"), T2);

        assertThat(o.toBuilder().build()).isEqualTo(o);
    }
}
