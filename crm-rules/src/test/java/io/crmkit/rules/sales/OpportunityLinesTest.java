package io.crmkit.rules.sales;

import static io.crmkit.rules.sales.SalesFixture.JPY;
import static io.crmkit.rules.sales.SalesFixture.OTHER;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static io.crmkit.rules.sales.SalesFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.Product;
import io.crmkit.core.product.ProductId;
import io.crmkit.core.product.ShelfStatus;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.SalesLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opportunity product lines priced with the core quote math, checked against figures computed by hand. */
class OpportunityLinesTest {
    private final SalesFixture fx = new SalesFixture();
    private final OpportunityFixture of = new OpportunityFixture(fx);
    private final OpportunityCommands opps = fx.crm.opportunities();
    private final Account account = fx.account();
    private final Product hundred = fx.product("Server", "100.00");
    private final Product cheap = fx.product("Cable", "19.99");
    private final Product third = fx.product("Licence", "33.33");

    private NewOpportunity.Builder deal() {
        return NewOpportunity.builder().name("Deal").accountId(account.id());
    }

    @Test
    void severalLinesWithLineAndWholeOrderDiscountsByHand() {
        // Server: 3 × (100.00 × 0.9 = 90.0000)           = 270.00
        // Cable:  7 × 18.5 (sales price)                   = 129.50
        // Licence: 1.5 × 33.33 = 49.995 → half-up           =  50.00
        // subtotal 449.50; × 0.95 (5% off) = 427.025 → half-up 427.03
        Opportunity o = opps.create(actor(REP), deal().lines(List.of(
                        LineInput.of(hundred.id(), "3").atDiscount(Discount.zhe("9")),
                        LineInput.of(cheap.id(), "7").atSalesPrice(UnitPrice.of("18.5", "CNY")),
                        LineInput.of(third.id(), "1.5").withNote(" the odd one ")))
                .wholeOrderDiscount(Discount.percentOff("5")).build());

        assertThat(o.lines()).extracting(SalesLine::lineNo).containsExactly(1, 2, 3);
        assertThat(o.lines()).extracting(SalesLine::productName).containsExactly("Server", "Cable", "Licence");
        assertThat(o.lines()).extracting(l -> l.amount().amount().toPlainString())
                .containsExactly("270.00", "129.50", "50.00");
        assertThat(o.lines().get(0).price().salesPrice().amount()).isEqualByComparingTo("90");
        assertThat(o.lines().get(2).note()).isEqualTo("the odd one");
        assertThat(o.wholeOrderDiscount()).isEqualTo(Discount.multiplier("0.95"));
        assertThat(o.amount()).isEqualTo(Money.of("427.03", "CNY"));
    }

    @Test
    void anOddDiscountRoundsThePriceToThePriceScaleAndTheAmountToTheCurrency() {
        // 33.3% off → × 0.667; 9.99 × 0.667 = 6.66333 → 6.6633 (price scale 4); × 3 = 19.9899 → 19.99
        Product item = fx.product("Item", "9.99");

        Opportunity o = opps.create(actor(REP), deal().lines(List.of(
                LineInput.of(item.id(), "3").atDiscount(Discount.percentOff("33.3")))).build());

        assertThat(o.lines().get(0).price().salesPrice().amount()).isEqualByComparingTo("6.6633");
        assertThat(o.amount()).isEqualTo(Money.of("19.99", "CNY"));
    }

    @Test
    void aHundredPercentDiscountMakesTheAmountZero() {
        Opportunity free = opps.create(actor(REP), deal().lines(List.of(LineInput.of(hundred.id(), "2")))
                .wholeOrderDiscount(Discount.FREE).build());
        Opportunity freeLine = opps.create(actor(REP), deal().lines(List.of(
                LineInput.of(hundred.id(), "2").atDiscount(Discount.percentOff("100")),
                LineInput.of(cheap.id(), "1"))).build());

        assertThat(free.amount()).isEqualTo(Money.of("0.00", "CNY"));
        assertThat(free.lines().get(0).amount()).isEqualTo(Money.of("200.00", "CNY"));
        assertThat(freeLine.lines().get(0).amount()).isEqualTo(Money.of("0.00", "CNY"));
        assertThat(freeLine.amount()).isEqualTo(Money.of("19.99", "CNY"));
    }

    @Test
    void yenLinesRoundToWholeYen() {
        // ¥1234 × 0.85 (8.5 折) = 1048.9 per unit; × 3 = 3146.7 → ¥3147; × 0.9 = 2832.3 → ¥2832
        Product yen = fx.product("Camera", "1234", JPY);

        Opportunity o = opps.create(actor(REP), deal().amount(Money.zero(JPY)).lines(List.of(
                LineInput.of(yen.id(), "3").atDiscount(Discount.zhe("8.5"))))
                .wholeOrderDiscount(Discount.multiplier("0.9")).build());

        assertThat(o.currency()).isEqualTo(JPY);
        assertThat(o.lines().get(0).amount()).isEqualTo(Money.of("3147", "JPY"));
        assertThat(o.amount()).isEqualTo(Money.of("2832", "JPY"));
    }

    @Test
    void aCallersAmountEqualToTheTotalIsAcceptedAnyOtherIsRefused() {
        List<LineInput> lines = List.of(LineInput.of(hundred.id(), "2"));

        assertThat(opps.create(actor(REP), deal().lines(lines).amount(Money.of("200.00", "CNY")).build()).amount())
                .isEqualTo(Money.of("200.00", "CNY"));
        of.assertUnchanged(() -> opps.create(actor(REP), deal().lines(lines).amount(Money.of("199.99", "CNY")).build()))
                .as("a total computed elsewhere (a browser) never reaches the record")
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo(OpportunityCommands.RULE_AMOUNT_FROM_LINES));
    }

    @Test
    void anOffShelfProductIsRefused() {
        Product gone = fx.product("Old model", "50.00", SalesFixture.CNY, ShelfStatus.OFF_SHELF);

        of.assertUnchanged(() -> opps.create(actor(REP), deal().lines(List.of(LineInput.of(hundred.id(), "1"),
                LineInput.of(gone.id(), "1"))).build()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("product.off-shelf"));
        Opportunity o = opps.create(actor(REP), deal().lines(List.of(LineInput.of(hundred.id(), "1"))).build());
        of.assertUnchanged(() -> opps.setLines(actor(REP), o.id(), List.of(LineInput.of(gone.id(), "1")), null))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("product.off-shelf"));
    }

    @Test
    void aProductAlreadyOnTheOpportunityMayStayAfterItLeavesTheShelf() {
        Product widget = fx.product("Widget", "40.00");
        Opportunity o = opps.create(actor(REP), deal().lines(List.of(LineInput.of(widget.id(), "2"))).build());
        fx.crm.products().takeOffShelf(actor(SalesFixture.BOSS), widget.id());

        Opportunity changed = opps.setLines(actor(REP), o.id(), List.of(LineInput.of(widget.id(), "3")), null);

        assertThat(changed.lines()).extracting(SalesLine::productId).containsExactly(widget.id());
        assertThat(changed.amount()).isEqualTo(Money.of("120.00", "CNY"));
        Product gone = fx.product("Old model", "50.00", SalesFixture.CNY, ShelfStatus.OFF_SHELF);
        of.assertUnchanged(() -> opps.setLines(actor(REP), o.id(),
                        List.of(LineInput.of(widget.id(), "3"), LineInput.of(gone.id(), "1")), null))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("product.off-shelf"));
    }

    @Test
    void aProductInAnotherCurrencyIsRefused() {
        Product yen = fx.product("Camera", "1234", JPY);

        of.assertUnchanged(() -> opps.create(actor(REP), deal().lines(List.of(LineInput.of(yen.id(), "1"))).build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("lines[0].listPrice", ErrorCode.CURRENCY_MISMATCH)).isTrue());
        of.assertUnchanged(() -> opps.create(actor(REP), deal().lines(List.of(LineInput.of(hundred.id(), "1")
                .atSalesPrice(UnitPrice.of("90", "JPY")))).build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("lines[0].salesPrice", ErrorCode.CURRENCY_MISMATCH)).isTrue());
    }

    @Test
    void unknownProductsAndBadLinesAreListedTogether() {
        of.assertUnchanged(() -> opps.create(actor(REP), deal().lines(List.of(LineInput.of(ProductId.of("P404"), "1"),
                LineInput.of(hundred.id(), "1.0001"))).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.hasViolation("lines[0].productId", ErrorCode.FIELD_INVALID)).isTrue();
                    assertThat(e.hasViolation("lines[1].quantity", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue();
                });
    }

    @Test
    void aWholeOrderDiscountWithoutLinesIsRefused() {
        of.assertUnchanged(() -> opps.create(actor(REP), deal().amount(Money.of("10.00", "CNY"))
                .wholeOrderDiscount(Discount.zhe("9")).build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("wholeOrderDiscount", ErrorCode.FIELD_INVALID)).isTrue());
    }

    @Test
    void setLinesReplacesLinesAndDiscountAndTheAmountFollows() {
        Opportunity o = opps.create(actor(REP), deal().amount(Money.of("999.00", "CNY")).build());

        Opportunity priced = opps.setLines(actor(REP), o.id(), List.of(LineInput.of(cheap.id(), "10")),
                Discount.zhe("8"));

        // 10 × 19.99 = 199.90; × 0.8 = 159.92
        assertThat(priced.amount()).isEqualTo(Money.of("159.92", "CNY"));
        ChangeLogEntry entry = fx.lastEntry(RecordType.OPPORTUNITY, o.id());
        assertThat(entry.action()).isEqualTo("opportunity.set-lines");
        assertThat(entry.changes()).extracting(FieldChange::field).containsExactly("amount", "lines", "wholeOrderDiscount");
        assertThat(entry.changes().get(0)).isEqualTo(new FieldChange("amount", "CNY 999.00", "CNY 159.92"));

        of.assertUnchanged(() -> opps.update(actor(REP), o.id(), OpportunityUpdate.none()
                .withAmount(Money.of("1.00", "CNY")))).isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo(OpportunityCommands.RULE_AMOUNT_FROM_LINES));
        of.assertUnchanged(() -> opps.setLines(actor(OTHER), o.id(), List.of(), null))
                .isInstanceOf(ForbiddenException.class);
        of.assertUnchanged(() -> opps.setLines(actor(REP), o.id(), null, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("lines", ErrorCode.FIELD_REQUIRED)).isTrue());

        Opportunity cleared = opps.setLines(actor(REP), o.id(), List.of(), null);
        assertThat(cleared.lines()).isEmpty();
        assertThat(cleared.amount()).isEqualTo(Money.of("0.00", "CNY"));
        assertThat(opps.update(actor(REP), o.id(), OpportunityUpdate.none().withAmount(Money.of("5.00", "CNY")))
                .amount()).as("without lines the amount is editable again").isEqualTo(Money.of("5.00", "CNY"));
    }

    @Test
    void setLinesKeepsTheOpportunitysCurrency() {
        Product yen = fx.product("Camera", "1234", JPY);
        Opportunity o = opps.create(actor(REP), deal().amount(Money.of("10.00", "CNY")).build());

        of.assertUnchanged(() -> opps.setLines(actor(REP), o.id(), List.of(LineInput.of(yen.id(), "1")), null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("lines[0].listPrice", ErrorCode.CURRENCY_MISMATCH)).isTrue());
    }
}
