package io.crmkit.rules.sales;

import static io.crmkit.rules.sales.OrderFixture.as;
import static io.crmkit.rules.sales.OrderFixture.cny;
import static io.crmkit.rules.sales.OrderFixture.jpy;
import static io.crmkit.rules.sales.SalesFixture.BOSS;
import static io.crmkit.rules.sales.SalesFixture.CNY;
import static io.crmkit.rules.sales.SalesFixture.JPY;
import static io.crmkit.rules.sales.SalesFixture.OTHER;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static io.crmkit.rules.sales.SalesFixture.TEAMMATE;
import static io.crmkit.rules.sales.SalesFixture.TENANT;
import static io.crmkit.rules.sales.SalesFixture.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.Product;
import io.crmkit.core.product.ShelfStatus;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.Contract;
import io.crmkit.core.sales.DeliveryStatus;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityStage;
import io.crmkit.core.sales.OrderLine;
import io.crmkit.core.sales.SalesOrder;
import io.crmkit.core.sales.SalesProcessId;
import io.crmkit.core.sales.StageId;
import io.crmkit.spi.outbox.OutboxEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderCommandsTest {
    private final OrderFixture of = new OrderFixture();
    private final SalesFixture fx = of.fx;
    private final OrderCommands orders = of.orders;
    private final Account account = fx.account();
    private final Product widget = fx.product("Widget", "100.00");
    private final Product gadget = fx.product("Gadget", "33.30");

    private SalesOrder twoLines() {
        return orders.create(as(REP), NewOrder.of(account.id(), List.of(
                LineInput.of(widget.id(), "2"),
                LineInput.of(gadget.id(), "3").atDiscount(Discount.zhe("9")))));
    }

    // ---- create

    @Test
    void createPricesTheLinesPushesTheDiscountDownAndLogs() {
        Instant now = fx.clock.instant();
        SalesOrder order = orders.create(as(REP), NewOrder.of(account.id(), List.of(
                        LineInput.of(widget.id(), "2"),
                        LineInput.of(gadget.id(), "3").atDiscount(Discount.zhe("9"))))
                .withDiscount(Discount.zhe("9.5")));

        // widget: 2 × 100.00 = 200.00; gadget: 33.30 × 0.9 = 29.97, × 3 = 89.91; subtotal 289.91
        // total = 289.91 × 0.95 = 275.4145 → 275.41
        // exact shares: 200.00 × 0.95 = 190.00, 89.91 × 0.95 = 85.4145 → 190.00 + 85.41 = 275.41
        assertThat(order.currency()).isEqualTo(CNY);
        assertThat(order.lines()).extracting(OrderLine::lineNo).containsExactly(1, 2);
        assertThat(order.lines()).extracting(l -> l.line().amount()).containsExactly(cny("200.00"), cny("89.91"));
        assertThat(order.lines()).extracting(l -> l.line().productName()).containsExactly("Widget", "Gadget");
        assertThat(order.subtotal()).isEqualTo(cny("289.91"));
        assertThat(order.total()).isEqualTo(cny("275.41"));
        assertThat(order.lines()).extracting(OrderLine::allocatedTotal).containsExactly(cny("190.00"), cny("85.41"));
        assertThat(order.owner()).isEqualTo(REP);
        assertThat(order.deliveryStatus()).isEqualTo(DeliveryStatus.NOT_SHIPPED);
        assertThat(order.receivable()).isEqualTo(cny("275.41"));
        assertThat(order.outstanding()).isEqualTo(cny("275.41"));
        assertThat(order.sourceOpportunityId()).isNull();
        assertThat(order.createdAt()).isEqualTo(now);
        assertThat(of.order(order.id())).isEqualTo(order);

        ChangeLogEntry entry = fx.lastEntry(RecordType.SALES_ORDER, order.id());
        assertThat(entry.action()).isEqualTo(OrderCommands.ACTION_CREATE);
        assertThat(entry.actor()).isEqualTo(REP);
        assertThat(entry.context()).isNull();
        assertThat(entry.changes()).contains(new FieldChange("total", null, "CNY 275.41"));
    }

    @Test
    void aReadWriteTeamMemberMayCreateAndJpyOrdersUseYen() {
        Product yen = fx.product("Tea set", "1999", JPY);
        SalesOrder order = orders.create(as(TEAMMATE), NewOrder.of(account.id(), List.of(
                LineInput.of(yen.id(), "3"))).inCurrency(JPY).withDiscount(Discount.percentOff("15")));
        // 3 × 1999 = 5997; × 0.85 = 5097.45 → 5097
        assertThat(order.subtotal()).isEqualTo(jpy("5997"));
        assertThat(order.total()).isEqualTo(jpy("5097"));
        assertThat(order.lines().get(0).allocatedTotal()).isEqualTo(jpy("5097"));
        assertThat(order.owner()).isEqualTo(TEAMMATE);
    }

    @Test
    void createFromAnOpportunityLinksIt() {
        Opportunity opportunity = opportunity(account);
        SalesOrder order = orders.create(as(REP), NewOrder.of(account.id(), List.of(LineInput.of(widget.id(), "1")))
                .fromOpportunity(opportunity.id()));

        assertThat(order.sourceOpportunityId()).isEqualTo(opportunity.id());
        ChangeLogEntry entry = fx.lastEntry(RecordType.SALES_ORDER, order.id());
        assertThat(entry.context()).as("the change log takes only pools as contexts").isNull();
        assertThat(entry.changes()).contains(new FieldChange("sourceOpportunityId", null, opportunity.id().value()));
    }

    @Test
    void anOpportunityOfAnotherAccountOrUnknownIsAnInvalidField() {
        Opportunity elsewhere = opportunity(fx.account());
        Throwable thrown = of.refused(() -> orders.create(as(REP), NewOrder.of(account.id(),
                List.of(LineInput.of(widget.id(), "1"))).fromOpportunity(elsewhere.id())));
        assertThat(((ValidationException) thrown).hasViolation("opportunity", ErrorCode.FIELD_INVALID)).isTrue();

        Throwable unknown = of.refused(() -> orders.create(as(REP), NewOrder.of(account.id(),
                List.of(LineInput.of(widget.id(), "1"))).fromOpportunity(io.crmkit.core.sales.OpportunityId.of("nope"))));
        assertThat(((ValidationException) unknown).hasViolation("opportunity", ErrorCode.FIELD_INVALID)).isTrue();
    }

    @Test
    void createRefusesViewersStrangersOffShelfProductsAndBadLines() {
        List<LineInput> one = List.of(LineInput.of(widget.id(), "1"));
        assertThat(of.refused(() -> orders.create(as(VIEWER), NewOrder.of(account.id(), one))))
                .isInstanceOf(ForbiddenException.class);
        assertThat(of.refused(() -> orders.create(as(OTHER), NewOrder.of(account.id(), one))))
                .isInstanceOf(ForbiddenException.class);
        assertThat(of.refused(() -> orders.create(as(REP), NewOrder.of(io.crmkit.core.account.AccountId.of("A999"), one))))
                .isInstanceOf(NotFoundException.class);

        Product retired = fx.product("Retired", "10.00", CNY, ShelfStatus.OFF_SHELF);
        Throwable offShelf = of.refused(() -> orders.create(as(REP),
                NewOrder.of(account.id(), List.of(LineInput.of(widget.id(), "1"), LineInput.of(retired.id(), "1")))));
        assertThat(offShelf).isInstanceOf(RuleViolationException.class);
        assertThat(((RuleViolationException) offShelf).rule()).isEqualTo("product.off-shelf");

        Throwable empty = of.refused(() -> orders.create(as(REP), NewOrder.of(account.id(), List.of())));
        assertThat(((ValidationException) empty).hasViolation("lines", ErrorCode.FIELD_REQUIRED)).isTrue();

        Throwable unknown = of.refused(() -> orders.create(as(REP), NewOrder.of(account.id(),
                List.of(LineInput.of(io.crmkit.core.product.ProductId.of("P404"), "1")))));
        assertThat(((ValidationException) unknown).hasViolation("lines[0].productId", ErrorCode.FIELD_INVALID)).isTrue();

        Throwable currency = of.refused(() -> orders.create(as(REP), NewOrder.of(account.id(), one).inCurrency(JPY)));
        assertThat(((ValidationException) currency).hasViolation("lines[0].listPrice", ErrorCode.CURRENCY_MISMATCH)).isTrue();
    }

    @Test
    void createRefusesALockedAccount() {
        Account locked = fx.account(b -> b.locked(true));
        Throwable thrown = of.refused(() -> orders.create(as(REP), NewOrder.of(locked.id(), List.of(LineInput.of(widget.id(), "1")))));
        assertThat(((RuleViolationException) thrown).rule()).isEqualTo("account.locked");
    }

    // ---- delivery

    @Test
    void shipThenConfirmReceiptFollowTheStateMachineAndLog() {
        SalesOrder order = twoLines();
        fx.advance(Duration.ofHours(1));
        Instant shippedAt = fx.clock.instant();
        SalesOrder shipped = orders.ship(as(REP), order.id());
        assertThat(shipped.deliveryStatus()).isEqualTo(DeliveryStatus.SHIPPED);
        assertThat(shipped.shippedAt()).isEqualTo(shippedAt);
        assertThat(shipped.updatedAt()).isEqualTo(shippedAt);
        assertThat(shipped.version()).isGreaterThan(order.version());
        ChangeLogEntry entry = fx.lastEntry(RecordType.SALES_ORDER, order.id());
        assertThat(entry.action()).isEqualTo(OrderCommands.ACTION_SHIP);
        assertThat(entry.changes()).contains(new FieldChange("deliveryStatus", "NOT_SHIPPED", "SHIPPED"));

        Throwable again = of.refused(() -> orders.ship(as(REP), order.id()));
        assertThat(again).isInstanceOf(IllegalTransitionException.class);
        assertThat(((IllegalTransitionException) again).machine()).isEqualTo(DeliveryStatus.MACHINE);

        fx.advance(Duration.ofDays(2));
        SalesOrder received = orders.confirmReceipt(as(REP), order.id());
        assertThat(received.deliveryStatus()).isEqualTo(DeliveryStatus.RECEIVED);
        assertThat(received.receivedAt()).isEqualTo(fx.clock.instant());
        assertThat(of.actions(order.id())).containsExactly("order.create", "order.ship", "order.confirm-receipt");
        assertThat(of.refused(() -> orders.confirmReceipt(as(REP), order.id()))).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void confirmingReceiptBeforeShippingIsAnIllegalTransition() {
        SalesOrder order = twoLines();
        assertThat(of.refused(() -> orders.confirmReceipt(as(REP), order.id()))).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void onlyTheOwnerOrATenantAdminChangesAnOrderAndTheOwnerIsToldWhenTheAdminDoes() {
        SalesOrder order = twoLines();
        assertThat(of.refused(() -> orders.ship(as(TEAMMATE), order.id()))).isInstanceOf(ForbiddenException.class);
        assertThat(of.refused(() -> orders.ship(as(OTHER), order.id()))).isInstanceOf(ForbiddenException.class);
        assertThat(fx.outbox()).isEmpty();

        orders.ship(as(BOSS), order.id());
        assertThat(fx.lastEntry(RecordType.SALES_ORDER, order.id()).actor()).isEqualTo(BOSS);
        List<OutboxEntry> told = fx.outbox();
        assertThat(told).singleElement().satisfies(e -> {
            assertThat(e.notification().type()).isEqualTo(OrderCommands.ACTION_SHIP);
            assertThat(e.notification().recipients()).containsExactly(REP);
        });
    }

    @Test
    void aMissingOrderIsNotFound() {
        assertThat(of.refused(() -> orders.ship(as(REP), io.crmkit.core.sales.SalesOrderId.of("nope"))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void deliveredQuantitiesNeedAShippedOrderAndStayWithinOrderedAndReturned() {
        SalesOrder order = twoLines();
        Throwable early = of.refused(() -> orders.recordDelivered(as(REP), order.id(), 1, BigDecimal.ONE));
        assertThat(((RuleViolationException) early).rule()).isEqualTo(OrderCommands.RULE_NOT_SHIPPED);

        orders.ship(as(REP), order.id());
        SalesOrder delivered = orders.recordDelivered(as(REP), order.id(), 2, new BigDecimal("2"));
        assertThat(delivered.lines().get(1).deliveredQuantity()).isEqualByComparingTo("2");
        assertThat(delivered.lines().get(0).deliveredQuantity()).isNull();
        assertThat(fx.lastEntry(RecordType.SALES_ORDER, order.id()).action()).isEqualTo(OrderCommands.ACTION_RECORD_DELIVERED);

        Throwable tooMany = of.refused(() -> orders.recordDelivered(as(REP), order.id(), 2, new BigDecimal("4")));
        assertThat(((ValidationException) tooMany).hasViolation("deliveredQuantity", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue();
        Throwable noLine = of.refused(() -> orders.recordDelivered(as(REP), order.id(), 9, BigDecimal.ONE));
        assertThat(((ValidationException) noLine).hasViolation("lineNo", ErrorCode.FIELD_INVALID)).isTrue();
        Throwable negative = of.refused(() -> orders.recordDelivered(as(REP), order.id(), 2, new BigDecimal("-1")));
        assertThat(((ValidationException) negative).hasViolation("quantity", ErrorCode.FIELD_NEGATIVE)).isTrue();

        orders.recordReturn(as(REP), order.id(), 2, new BigDecimal("2"), "broken");
        Throwable belowReturned = of.refused(() -> orders.recordDelivered(as(REP), order.id(), 2, BigDecimal.ONE));
        assertThat(((ValidationException) belowReturned).hasViolation("quantity", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue();
        assertThat(orders.recordDelivered(as(REP), order.id(), 2, new BigDecimal("3")).lines().get(1).deliveredQuantity())
                .isEqualByComparingTo("3");
    }

    // ---- set lines

    @Test
    void setLinesRepricesAnUntouchedOrderAndKeepsTheDiscountWhenNoneIsGiven() {
        SalesOrder order = orders.create(as(REP), NewOrder.of(account.id(), List.of(LineInput.of(widget.id(), "1")))
                .withDiscount(Discount.zhe("8")));
        SalesOrder changed = orders.setLines(as(REP), order.id(), List.of(
                LineInput.of(gadget.id(), "2"),
                LineInput.of(widget.id(), "1").atSalesPrice(UnitPrice.of("90", "CNY"))), null);
        // 66.60 + 90.00 = 156.60; × 0.8 = 125.28; shares 53.28 + 72.00
        assertThat(changed.wholeOrderDiscount()).isEqualTo(Discount.zhe("8"));
        assertThat(changed.subtotal()).isEqualTo(cny("156.60"));
        assertThat(changed.total()).isEqualTo(cny("125.28"));
        assertThat(changed.lines()).extracting(OrderLine::allocatedTotal).containsExactly(cny("53.28"), cny("72.00"));
        assertThat(changed.lines()).extracting(OrderLine::lineNo).containsExactly(1, 2);
        assertThat(fx.lastEntry(RecordType.SALES_ORDER, order.id()).action()).isEqualTo(OrderCommands.ACTION_SET_LINES);

        SalesOrder free = orders.setLines(as(REP), order.id(), List.of(LineInput.of(widget.id(), "1")), Discount.FREE);
        assertThat(free.total()).isEqualTo(cny("0.00"));
        assertThat(free.lines().get(0).allocatedTotal()).isEqualTo(cny("0.00"));
    }

    @Test
    void setLinesIsFrozenOnceShippedOrAllocated() {
        SalesOrder order = twoLines();
        List<LineInput> lines = List.of(LineInput.of(widget.id(), "1"));
        of.allocate(order.id(), cny("10.00"));
        Throwable allocated = of.refused(() -> orders.setLines(as(REP), order.id(), lines, null));
        assertThat(((RuleViolationException) allocated).rule()).isEqualTo(OrderCommands.RULE_FROZEN);

        SalesOrder other = twoLines();
        orders.ship(as(REP), other.id());
        Throwable shipped = of.refused(() -> orders.setLines(as(REP), other.id(), lines, null));
        assertThat(((RuleViolationException) shipped).rule()).isEqualTo(OrderCommands.RULE_FROZEN);
        assertThat(of.refused(() -> orders.setLines(as(TEAMMATE), other.id(), lines, null))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void setLinesKeepsAProductThatWentOffShelfButRefusesANewOffShelfOne() {
        SalesOrder order = twoLines();
        fx.store.transact(tx -> tx.products().update(tx.products().get(TENANT, widget.id()).toBuilder()
                .shelfStatus(ShelfStatus.OFF_SHELF).build()));
        SalesOrder kept = orders.setLines(as(REP), order.id(), List.of(LineInput.of(widget.id(), "5")), null);
        assertThat(kept.subtotal()).isEqualTo(cny("500.00"));

        Product retired = fx.product("Retired", "1.00", CNY, ShelfStatus.OFF_SHELF);
        Throwable thrown = of.refused(() -> orders.setLines(as(REP), order.id(), List.of(LineInput.of(retired.id(), "1")), null));
        assertThat(((RuleViolationException) thrown).rule()).isEqualTo("product.off-shelf");
    }

    // ---- listings

    @Test
    void ofAccountAndOfContractListForWhoeverSeesTheAccount() {
        SalesOrder first = twoLines();
        SalesOrder second = twoLines();
        orders.create(as(REP), NewOrder.of(fx.account().id(), List.of(LineInput.of(widget.id(), "1"))));
        assertThat(orders.ofAccount(as(VIEWER), account.id())).extracting(SalesOrder::id)
                .containsExactly(first.id(), second.id());
        assertThat(of.refused(() -> orders.ofAccount(as(OTHER), account.id()))).isInstanceOf(ForbiddenException.class);
        assertThat(orders.get(as(VIEWER), first.id())).isEqualTo(of.order(first.id()));
        assertThat(of.refused(() -> orders.get(as(OTHER), first.id()))).isInstanceOf(ForbiddenException.class);

        Contract contract = of.contracts.create(as(REP), NewContract.of(account.id(), "HT-1", cny("1000.00")));
        fx.store.transact(tx -> tx.salesOrders().update(tx.salesOrders().get(TENANT, second.id()).toBuilder()
                .sourceContractId(contract.id()).build()));
        assertThat(orders.ofContract(as(TEAMMATE), contract.id())).extracting(SalesOrder::id).containsExactly(second.id());
        assertThat(of.refused(() -> orders.ofContract(as(OTHER), contract.id()))).isInstanceOf(ForbiddenException.class);
    }

    private Opportunity opportunity(Account of) {
        Instant now = fx.clock.instant();
        return fx.store.transact(tx -> tx.opportunities().insert(Opportunity.builder()
                .id(tx.opportunities().nextId()).tenantId(TENANT).name("Deal").accountId(of.id())
                .amount(Money.zero(CNY)).salesProcessId(SalesProcessId.of("standard"))
                .stage(OpportunityStage.open(StageId.of("VERIFY_CUSTOMER"))).owner(REP)
                .createdAt(now).updatedAt(now).build()));
    }
}
