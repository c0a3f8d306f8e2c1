package io.crmkit.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.quicktheories.core.Gen;

/** Shared generators and assertions for the money tests. */
final class MoneyFixtures {
    static final Currency CNY = Currency.getInstance("CNY");
    static final Currency JPY = Currency.getInstance("JPY");
    static final Currency USD = Currency.getInstance("USD");
    static final Currency BHD = Currency.getInstance("BHD");
    static final Currency KWD = Currency.getInstance("KWD");

    /** Currencies with 2, 0 and 3 decimal places. */
    static final List<Currency> CURRENCIES = List.of(CNY, JPY, USD, BHD, KWD);

    /** The allowed modes in a fixed order (Set.of iterates randomly per JVM, which would break seed replay). */
    static final List<RoundingMode> MODES = List.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.HALF_DOWN);

    private MoneyFixtures() {}

    static Gen<Currency> currencies() {
        return arbitrary().pick(CURRENCIES);
    }

    static Gen<RoundingMode> roundingModes() {
        return arbitrary().pick(MODES);
    }

    /** A discount as whole basis points of the multiplier, 0 (free) to 10000 (none). */
    static Gen<Integer> discountBasisPoints() {
        return integers().between(0, 10_000);
    }

    static Discount discount(int basisPoints) {
        return Discount.multiplier(BigDecimal.valueOf(basisPoints, 4));
    }

    /** A priced line's raw inputs: shrinks toward the smallest quantity, a zero price and a FREE discount. */
    record LineSpec(long quantityThousandths, long listPriceTenThousandths, int discountBasisPoints) {
        BigDecimal quantity() {
            return BigDecimal.valueOf(quantityThousandths, 3);
        }

        UnitPrice listPrice(Currency currency) {
            return new UnitPrice(BigDecimal.valueOf(listPriceTenThousandths, 4), currency);
        }

        PricedLine price(Currency currency, PricingPolicy policy) {
            return Pricing.priceLineAtDiscount(quantity(), listPrice(currency), discount(discountBasisPoints), policy);
        }
    }

    /** Quantities 0.001 to 10000, list prices 0 to 1,000,000.0000, any discount. */
    static Gen<LineSpec> lineSpecs() {
        return longs().between(1, 10_000_000L)
                .zip(longs().between(0, 10_000_000_000L), discountBasisPoints(), LineSpec::new);
    }

    static List<PricedLine> priceAll(List<LineSpec> specs, Currency currency, PricingPolicy policy) {
        return specs.stream().map(s -> s.price(currency, policy)).toList();
    }

    /** One minor unit of {@code currency}, for example 0.01 for CNY and 1 for JPY. */
    static BigDecimal minorUnit(Currency currency) {
        return BigDecimal.ONE.movePointLeft(Money.scaleOf(currency));
    }

    /** Half a minor unit of {@code currency}. */
    static BigDecimal halfMinorUnit(Currency currency) {
        return new BigDecimal("0.5").movePointLeft(Money.scaleOf(currency));
    }

    /**
     * Whether {@code exact}, rounded to {@code scale} decimal places, lies exactly half-way between two
     * neighbours: the only case in which the half-way rounding modes may disagree.
     */
    static boolean isTie(BigDecimal exact, int scale) {
        BigDecimal down = exact.setScale(scale, RoundingMode.DOWN);
        return exact.subtract(down).abs().compareTo(new BigDecimal("0.5").movePointLeft(scale)) == 0;
    }

    /**
     * Asserts that {@code call} throws a {@link ValidationException} whose only violation is
     * {@code code} on {@code field}, and that its message exists in English and in Chinese.
     */
    static void assertViolation(ThrowingCallable call, String field, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(e.violations()).hasSize(1);
            assertThat(e.violations().get(0).field()).isEqualTo(field);
            assertThat(e.violations().get(0).code()).isEqualTo(code);
            assertThat(e.hasViolation(field, code)).isTrue();
            String english = e.getMessage();
            String chinese = e.getMessage(Locale.SIMPLIFIED_CHINESE);
            assertThat(english).contains(field);
            assertThat(chinese).isNotBlank().contains(field).isNotEqualTo(english);
            // A missing bundle entry renders as the bare key; make sure both languages have a real message.
            String key = e.violations().get(0).messageKey();
            assertThat(english).doesNotContain(key);
            assertThat(chinese).doesNotContain(key);
        });
    }
}
