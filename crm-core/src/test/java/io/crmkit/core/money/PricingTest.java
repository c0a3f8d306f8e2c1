package io.crmkit.core.money;

import static io.crmkit.core.money.MoneyFixtures.CNY;
import static io.crmkit.core.money.MoneyFixtures.JPY;
import static io.crmkit.core.money.MoneyFixtures.USD;
import static io.crmkit.core.money.MoneyFixtures.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.error.ErrorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed quotes and bad input; the general laws are in {@link PricingPropertiesTest}. */
class PricingTest {
    private static final PricingPolicy HALF_UP = PricingPolicy.defaults();
    private static final PricingPolicy HALF_EVEN = PricingPolicy.defaults().withRoundingMode(RoundingMode.HALF_EVEN);

    private static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }

    private static List<PricedLine> cnyQuoteLines(PricingPolicy policy) {
        return List.of(
                Pricing.priceLineAtDiscount(qty("3"), UnitPrice.of("33.3333", "CNY"), Discount.zhe("8.5"), policy),
                Pricing.priceLineAtDiscount(qty("7"), UnitPrice.of("12.99", "CNY"), Discount.percentOff("5"), policy),
                Pricing.priceLineAtDiscount(qty("2.5"), UnitPrice.of("99.99", "CNY"), Discount.percentOff("12.5"), policy));
    }

    @Test
    void cnyQuoteWithOddDiscounts() {
        // Line 1: 33.3333 × 0.85 = 28.333305 → 28.3333 (4 places); × 3 = 84.9999 → 85.00
        // Line 2: 12.99 × 0.95 = 12.3405; × 7 = 86.3835 → 86.38
        // Line 3: 99.99 × 0.875 = 87.49125 → 87.4913 (half-up); × 2.5 = 218.72825 → 218.73
        // Subtotal 85.00 + 86.38 + 218.73 = 390.11; × 0.98 (9.8折) = 382.3078 → 382.31, 7.80 off.
        List<PricedLine> lines = cnyQuoteLines(HALF_UP);
        assertThat(lines).extracting(PricedLine::salesPrice).containsExactly(
                UnitPrice.of("28.3333", "CNY"), UnitPrice.of("12.3405", "CNY"), UnitPrice.of("87.4913", "CNY"));
        assertThat(lines).extracting(PricedLine::amount).containsExactly(
                Money.of("85.00", "CNY"), Money.of("86.38", "CNY"), Money.of("218.73", "CNY"));

        PriceBreakdown quote = Pricing.price(CNY, lines, Discount.zhe("9.8"), HALF_UP);
        assertThat(quote.subtotal()).isEqualTo(Money.of("390.11", "CNY"));
        assertThat(quote.total()).isEqualTo(Money.of("382.31", "CNY"));
        assertThat(quote.discountAmount()).isEqualTo(Money.of("7.80", "CNY"));
        // Push-down in fen: 38231 × 8500 / 39011 = 8330.05, × 8638 / 39011 = 8465.29, × 21873 / 39011 = 21435.66;
        // floors add up to 38230, the 1 fen left goes to the largest remainder (.66, line 3).
        assertThat(quote.pushDown()).containsExactly(
                Money.of("83.30", "CNY"), Money.of("84.65", "CNY"), Money.of("214.36", "CNY"));
    }

    @Test
    void halfEvenRoundsTheTieInTheSalesPriceDown() {
        // Line 3: 87.49125 is a tie at 4 places; half-even keeps the even 87.4912. × 2.5 = 218.728 → 218.73 still.
        List<PricedLine> lines = cnyQuoteLines(HALF_EVEN);
        assertThat(lines.get(2).salesPrice()).isEqualTo(UnitPrice.of("87.4912", "CNY"));
        assertThat(lines.get(2).amount()).isEqualTo(Money.of("218.73", "CNY"));
        assertThat(Pricing.price(CNY, lines, Discount.zhe("9.8"), HALF_EVEN).total()).isEqualTo(Money.of("382.31", "CNY"));
    }

    @Test
    void jpyQuote() {
        // Line 1: 1980 × 0.88 = 1742.4 yen per unit (unit prices keep 4 places, not the yen's 0); × 3 = 5227.2 → 5227
        // Line 2: 12355 × 0.7 = 8648.5; × 1 = 8648.5, a tie: half-up 8649, half-even 8648
        // Half-up:   subtotal 5227 + 8649 = 13876; × 0.95 = 13182.2 → 13182
        // Half-even: subtotal 5227 + 8648 = 13875; × 0.95 = 13181.25 → 13181
        for (PricingPolicy policy : List.of(HALF_UP, HALF_EVEN)) {
            List<PricedLine> lines = List.of(
                    Pricing.priceLineAtDiscount(qty("3"), UnitPrice.of("1980", "JPY"), Discount.zhe("8.8"), policy),
                    Pricing.priceLineAtDiscount(qty("1"), UnitPrice.of("12355", "JPY"), Discount.zhe("7"), policy));
            assertThat(lines.get(0).salesPrice()).isEqualTo(UnitPrice.of("1742.4", "JPY"));
            assertThat(lines.get(0).amount()).isEqualTo(Money.of("5227", "JPY"));
            PriceBreakdown quote = Pricing.price(JPY, lines, Discount.percentOff("5"), policy);
            boolean up = policy.roundingMode() == RoundingMode.HALF_UP;
            assertThat(lines.get(1).amount()).isEqualTo(Money.of(up ? "8649" : "8648", "JPY"));
            assertThat(quote.subtotal()).isEqualTo(Money.of(up ? "13876" : "13875", "JPY"));
            assertThat(quote.total()).isEqualTo(Money.of(up ? "13182" : "13181", "JPY"));
            assertThat(Money.sum(JPY, quote.pushDown())).isEqualTo(quote.total());
        }
    }

    @Test
    void freeIsExactlyZero() {
        // A FREE line costs 0.00 whatever the list price; a FREE whole order costs 0.00 whatever the lines.
        PricedLine free = Pricing.priceLineAtDiscount(qty("4"), UnitPrice.of("9999.9999", "CNY"), Discount.FREE, HALF_UP);
        assertThat(free.salesPrice()).isEqualTo(UnitPrice.of("0", "CNY"));
        assertThat(free.amount()).isEqualTo(Money.zero(CNY));

        PriceBreakdown quote = Pricing.price(CNY, cnyQuoteLines(HALF_UP), Discount.percentOff("100"), HALF_UP);
        assertThat(quote.total()).isEqualTo(Money.zero(CNY));
        assertThat(quote.discountAmount()).isEqualTo(Money.of("390.11", "CNY"));
        assertThat(quote.pushDown()).containsExactly(Money.zero(CNY), Money.zero(CNY), Money.zero(CNY));
    }

    @Test
    void noLinesNoMoney() {
        PriceBreakdown quote = Pricing.price(USD, List.of(), Discount.zhe("9"), HALF_UP);
        assertThat(quote.subtotal()).isEqualTo(Money.zero(USD));
        assertThat(quote.total()).isEqualTo(Money.zero(USD));
        assertThat(quote.pushDown()).isEmpty();
    }

    @Test
    void salesPriceAt() {
        UnitPrice list = UnitPrice.of("33.3333", "CNY");
        assertThat(Pricing.salesPriceAt(list, Discount.NONE, HALF_UP)).isEqualTo(list);
        // 33.3333 × 0.9 = 29.99997 → 30.0000 = 30.
        assertThat(Pricing.salesPriceAt(list, Discount.zhe("9"), HALF_UP)).isEqualTo(UnitPrice.of("30", "CNY"));
        // A finer list price is rounded to the price scale: 0.00005 → 0.0001 half-up, 0.0000 half-even.
        assertThat(Pricing.salesPriceAt(UnitPrice.of("0.00005", "CNY"), Discount.NONE, HALF_UP)).isEqualTo(UnitPrice.of("0.0001", "CNY"));
        assertThat(Pricing.salesPriceAt(UnitPrice.of("0.00005", "CNY"), Discount.NONE, HALF_EVEN)).isEqualTo(UnitPrice.of("0", "CNY"));
        // Price scale 2: 33.3333 × 0.85 = 28.333305 → 28.33.
        assertThat(Pricing.salesPriceAt(list, Discount.zhe("8.5"), new PricingPolicy(2, 3, RoundingMode.HALF_UP)))
                .isEqualTo(UnitPrice.of("28.33", "CNY"));
    }

    @Test
    void priceLineKeepsTheAgreedSalesPrice() {
        // Selling above list is allowed: 120 list, 150 agreed, 1.5 units = 225.00.
        PricedLine line = Pricing.priceLine(qty("1.500"), UnitPrice.of("120", "CNY"), UnitPrice.of("150", "CNY"), HALF_UP);
        assertThat(line.amount()).isEqualTo(Money.of("225.00", "CNY"));
        assertThat(line.listPrice()).isEqualTo(UnitPrice.of("120", "CNY"));
    }

    @Test
    void negativeOrZeroQuantityIsRejected() {
        UnitPrice price = UnitPrice.of("10", "CNY");
        assertViolation(() -> Pricing.priceLine(qty("-1"), price, price, HALF_UP), "quantity", ErrorCode.FIELD_NOT_POSITIVE);
        assertViolation(() -> Pricing.priceLine(qty("0.000"), price, price, HALF_UP), "quantity", ErrorCode.FIELD_NOT_POSITIVE);
        assertViolation(() -> Pricing.priceLineAtDiscount(qty("-2.5"), price, Discount.NONE, HALF_UP), "quantity",
                ErrorCode.FIELD_NOT_POSITIVE);
        assertViolation(() -> Pricing.priceLine(null, price, price, HALF_UP), "quantity", ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void tooManyDecimalPlacesAreRejected() {
        UnitPrice price = UnitPrice.of("10", "CNY");
        assertViolation(() -> Pricing.priceLine(qty("1.2345"), price, price, HALF_UP), "quantity", ErrorCode.FIELD_OUT_OF_RANGE);
        assertViolation(() -> Pricing.priceLine(qty("1"), price, UnitPrice.of("28.33335", "CNY"), HALF_UP), "salesPrice",
                ErrorCode.FIELD_OUT_OF_RANGE);
        // Trailing zeros are not precision: 1.2340 has 3 places.
        assertThat(Pricing.priceLine(qty("1.2340"), price, price, HALF_UP).amount()).isEqualTo(Money.of("12.34", "CNY"));
        // Quantity scale 0 takes whole units only.
        assertViolation(() -> Pricing.priceLine(qty("1.5"), price, price, new PricingPolicy(4, 0, RoundingMode.HALF_UP)),
                "quantity", ErrorCode.FIELD_OUT_OF_RANGE);
    }

    @Test
    void aDiscountAboveOneIsNotADiscount() {
        assertViolation(() -> Pricing.priceLineAtDiscount(qty("1"), UnitPrice.of("10", "CNY"), Discount.multiplier("1.2"), HALF_UP),
                "discount", ErrorCode.DISCOUNT_OUT_OF_RANGE);
    }

    @Test
    void currenciesNeverMix() {
        UnitPrice cny = UnitPrice.of("10", "CNY");
        UnitPrice usd = UnitPrice.of("10", "USD");
        assertViolation(() -> Pricing.priceLine(qty("1"), cny, usd, HALF_UP), "salesPrice", ErrorCode.CURRENCY_MISMATCH);

        PricedLine usdLine = Pricing.priceLine(qty("1"), usd, usd, HALF_UP);
        PricedLine cnyLine = Pricing.priceLine(qty("1"), cny, cny, HALF_UP);
        // A CNY line in a USD quote, at index 1.
        assertViolation(() -> Pricing.price(USD, List.of(usdLine, cnyLine), Discount.NONE, HALF_UP), "lines[1]",
                ErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void missingPartsAreNamed() {
        assertViolation(() -> Pricing.price(CNY, Arrays.asList((PricedLine) null), Discount.NONE, HALF_UP), "lines[0]",
                ErrorCode.FIELD_REQUIRED);
        assertViolation(() -> Pricing.price(CNY, List.of(), null, HALF_UP), "wholeOrderDiscount", ErrorCode.FIELD_REQUIRED);
        assertViolation(() -> Pricing.salesPriceAt(UnitPrice.of("1", "CNY"), Discount.NONE, null), "policy",
                ErrorCode.FIELD_REQUIRED);
    }
}
