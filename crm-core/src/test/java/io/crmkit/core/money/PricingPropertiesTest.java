package io.crmkit.core.money;

import static io.crmkit.core.money.MoneyFixtures.currencies;
import static io.crmkit.core.money.MoneyFixtures.discount;
import static io.crmkit.core.money.MoneyFixtures.discountBasisPoints;
import static io.crmkit.core.money.MoneyFixtures.halfMinorUnit;
import static io.crmkit.core.money.MoneyFixtures.isTie;
import static io.crmkit.core.money.MoneyFixtures.lineSpecs;
import static io.crmkit.core.money.MoneyFixtures.minorUnit;
import static io.crmkit.core.money.MoneyFixtures.priceAll;
import static io.crmkit.core.money.MoneyFixtures.roundingModes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.crmkit.core.money.MoneyFixtures.LineSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws of the quote math that must hold for any lines, discounts, currencies and rounding modes. */
class PricingPropertiesTest {

    /** A quote's raw inputs: currency, lines, whole-order discount (basis points) and rounding mode. */
    record QuoteSpec(Currency currency, List<LineSpec> lines, int discountBasisPoints, RoundingMode mode) {
        PricingPolicy policy() {
            return PricingPolicy.defaults().withRoundingMode(mode);
        }

        List<PricedLine> pricedLines() {
            return priceAll(lines, currency, policy());
        }

        PriceBreakdown price() {
            return Pricing.price(currency, pricedLines(), discount(discountBasisPoints), policy());
        }
    }

    private static Gen<QuoteSpec> quotes() {
        return currencies().zip(lists().of(lineSpecs()).ofSizeBetween(0, 12), discountBasisPoints(), roundingModes(),
                QuoteSpec::new);
    }

    @Test
    void everyFigureIsWithinHalfAMinorUnitOfTheExactOne() {
        qt().withExamples(1000).forAll(quotes()).checkAssert(spec -> {
            PriceBreakdown quote = spec.price();
            Currency currency = spec.currency();
            BigDecimal halfUnit = halfMinorUnit(currency);
            BigDecimal halfPriceUnit = new BigDecimal("0.5").movePointLeft(spec.policy().priceScale());

            for (int i = 0; i < quote.lines().size(); i++) {
                PricedLine line = quote.lines().get(i);
                Discount lineDiscount = discount(spec.lines().get(i).discountBasisPoints());
                // Sales price: list × discount, to within half of the price scale's last place.
                assertThat(line.salesPrice().amount().stripTrailingZeros().scale()).isLessThanOrEqualTo(spec.policy().priceScale());
                assertThat(line.salesPrice().amount().subtract(lineDiscount.applyTo(line.listPrice().amount())).abs())
                        .isLessThanOrEqualTo(halfPriceUnit);
                // Line amount: sales price × quantity, to within half a minor unit.
                assertThat(line.amount().amount().subtract(line.salesPrice().amount().multiply(line.quantity())).abs())
                        .isLessThanOrEqualTo(halfUnit);
                assertThat(line.amount().isNegative()).isFalse();
            }
            assertThat(quote.subtotal()).isEqualTo(Money.sum(currency, quote.lines().stream().map(PricedLine::amount).toList()));
            BigDecimal exactTotal = quote.wholeOrderDiscount().applyTo(quote.subtotal().amount());
            assertThat(quote.total().amount().subtract(exactTotal).abs()).isLessThanOrEqualTo(halfUnit);
            assertThat(quote.total().isNegative()).isFalse();
            assertThat(quote.total().isGreaterThan(quote.subtotal())).isFalse();
            assertThat(quote.discountAmount().isNegative()).isFalse();
        });
    }

    @Test
    void pushDownAddsUpToTheTotalAndEachLineIsWithinOneMinorUnitOfItsShare() {
        qt().withExamples(1000).forAll(quotes()).checkAssert(spec -> {
            PriceBreakdown quote = spec.price();
            List<Money> parts = quote.pushDown();
            assertThat(parts).hasSameSizeAs(quote.lines());
            assertThat(Money.sum(spec.currency(), parts)).isEqualTo(quote.total());

            BigDecimal subtotal = quote.subtotal().amount();
            BigDecimal unit = minorUnit(spec.currency());
            for (int i = 0; i < parts.size(); i++) {
                Money part = parts.get(i);
                assertThat(part.isNegative()).isFalse();
                if (subtotal.signum() == 0) {
                    assertThat(part.isZero()).isTrue();
                } else {
                    // |part − total × amount / subtotal| < 1 unit, multiplied through by the subtotal to stay exact.
                    BigDecimal gap = part.amount().multiply(subtotal)
                            .subtract(quote.total().amount().multiply(quote.lines().get(i).amount().amount()));
                    assertThat(gap.abs()).isLessThan(unit.multiply(subtotal));
                }
            }
        });
    }

    @Test
    void noWholeOrderDiscountPushesDownTheLineAmountsThemselves() {
        qt().withExamples(500).forAll(quotes()).checkAssert(spec -> {
            PriceBreakdown quote = Pricing.price(spec.currency(), spec.pricedLines(), Discount.NONE, spec.policy());
            assertThat(quote.total()).isEqualTo(quote.subtotal());
            assertThat(quote.pushDown()).containsExactlyElementsOf(quote.lines().stream().map(PricedLine::amount).toList());
        });
    }

    @Test
    void freeGivesExactlyZero() {
        qt().withExamples(500).forAll(quotes()).checkAssert(spec -> {
            PriceBreakdown quote = Pricing.price(spec.currency(), spec.pricedLines(), Discount.FREE, spec.policy());
            assertThat(quote.total()).isEqualTo(Money.zero(spec.currency()));
            assertThat(quote.discountAmount()).isEqualTo(quote.subtotal());
            assertThat(quote.pushDown()).allSatisfy(part -> assertThat(part.isZero()).isTrue());

            for (LineSpec line : spec.lines()) {
                PricedLine free = Pricing.priceLineAtDiscount(line.quantity(), line.listPrice(spec.currency()),
                        Discount.FREE, spec.policy());
                assertThat(free.amount()).isEqualTo(Money.zero(spec.currency()));
            }
        });
    }

    @Test
    void aSmallerMultiplierNeverCostsMore() {
        Gen<List<Integer>> twoDiscounts = lists().of(discountBasisPoints()).ofSize(2);
        qt().withExamples(1000).forAll(quotes(), twoDiscounts).checkAssert((spec, pair) -> {
            int lower = Math.min(pair.get(0), pair.get(1));
            int higher = Math.max(pair.get(0), pair.get(1));
            List<PricedLine> lines = spec.pricedLines();
            Money cheaper = Pricing.price(spec.currency(), lines, discount(lower), spec.policy()).total();
            Money dearer = Pricing.price(spec.currency(), lines, discount(higher), spec.policy()).total();
            assertThat(cheaper.isGreaterThan(dearer)).isFalse();

            for (LineSpec line : spec.lines()) {
                UnitPrice list = line.listPrice(spec.currency());
                PricedLine low = Pricing.priceLineAtDiscount(line.quantity(), list, discount(lower), spec.policy());
                PricedLine high = Pricing.priceLineAtDiscount(line.quantity(), list, discount(higher), spec.policy());
                assertThat(low.salesPrice().amount()).isLessThanOrEqualTo(high.salesPrice().amount());
                assertThat(low.amount().isGreaterThan(high.amount())).isFalse();
            }
        });
    }

    /**
     * Multipliers that make exact ties common (× 0.5 of an odd number of minor units is one), mixed
     * with arbitrary ones, so the tie branch of the rounding laws below is really exercised.
     */
    private static Gen<Discount> tieProneDiscounts() {
        return arbitrary().pick(List.of("0.5", "0.25", "0.75", "0.05", "0.15", "0.85", "0.9", "0.95", "0.125"))
                .map(Discount::multiplier)
                .mix(discountBasisPoints().map(MoneyFixtures::discount));
    }

    @Test
    void halfEvenAndHalfUpDifferOnlyOnExactTies() {
        Gen<List<Long>> subtotals = lists().of(longs().between(0, 1_000_000_000L)).ofSizeBetween(1, 4);
        AtomicInteger ties = new AtomicInteger();
        qt().withExamples(1000).forAll(currencies(), subtotals, tieProneDiscounts()).checkAssert((currency, minors, discount) -> {
            // Whole-minor-unit line amounts: quantity 1 at a price that already has the currency's scale.
            List<PricedLine> lines = minors.stream().map(m -> {
                UnitPrice price = new UnitPrice(Money.ofMinor(m, currency).amount(), currency);
                return Pricing.priceLine(BigDecimal.ONE, price, price, PricingPolicy.defaults());
            }).toList();
            PricingPolicy halfUp = PricingPolicy.defaults();
            Money up = Pricing.price(currency, lines, discount, halfUp).total();
            Money even = Pricing.price(currency, lines, discount, halfUp.withRoundingMode(RoundingMode.HALF_EVEN)).total();
            Money down = Pricing.price(currency, lines, discount, halfUp.withRoundingMode(RoundingMode.HALF_DOWN)).total();
            Money subtotal = Money.sum(currency, lines.stream().map(PricedLine::amount).toList());
            if (assertRoundingLaws(discount.applyTo(subtotal.amount()), currency, up, even, down)) {
                ties.incrementAndGet();
            }
        });
        // The law above is only worth something if ties came up.
        assertThat(ties.get()).isGreaterThan(10);
    }

    @Test
    void lineAmountsDifferBetweenModesOnlyOnExactTies() {
        AtomicInteger ties = new AtomicInteger();
        qt().withExamples(1000)
                .forAll(currencies(), longs().between(0, 100_000_000L), integers().between(1, 1000))
                .checkAssert((currency, tenthsOfMinor, quantity) -> {
                    // A price one digit finer than the currency: × a whole quantity it ends in 5 one time in ten, a tie.
                    UnitPrice price = new UnitPrice(BigDecimal.valueOf(tenthsOfMinor, Money.scaleOf(currency) + 1), currency);
                    BigDecimal qty = BigDecimal.valueOf(quantity);
                    PricingPolicy halfUp = PricingPolicy.defaults();
                    Money up = Pricing.priceLine(qty, price, price, halfUp).amount();
                    Money even = Pricing.priceLine(qty, price, price, halfUp.withRoundingMode(RoundingMode.HALF_EVEN)).amount();
                    Money down = Pricing.priceLine(qty, price, price, halfUp.withRoundingMode(RoundingMode.HALF_DOWN)).amount();
                    if (assertRoundingLaws(price.amount().multiply(qty), currency, up, even, down)) {
                        ties.incrementAndGet();
                    }
                });
        assertThat(ties.get()).isGreaterThan(10);
    }

    /**
     * Away from a tie the three half-way modes agree. On a tie half-up takes the upper neighbour,
     * half-down the lower, and half-even whichever has an even last digit (the value here is never negative).
     *
     * @return whether {@code exact} was a tie
     */
    private static boolean assertRoundingLaws(BigDecimal exact, Currency currency, Money up, Money even, Money down) {
        int scale = Money.scaleOf(currency);
        if (isTie(exact, scale)) {
            BigInteger lower = exact.setScale(scale, RoundingMode.FLOOR).unscaledValue();
            assertThat(up.minorUnits()).isEqualTo(lower.add(BigInteger.ONE));
            assertThat(down.minorUnits()).isEqualTo(lower);
            assertThat(even.minorUnits().testBit(0)).as("half-even lands on an even minor unit").isFalse();
            assertThat(even.minorUnits()).isIn(lower, lower.add(BigInteger.ONE));
            return true;
        }
        assertThat(even).isEqualTo(up);
        assertThat(down).isEqualTo(up);
        return false;
    }
}
