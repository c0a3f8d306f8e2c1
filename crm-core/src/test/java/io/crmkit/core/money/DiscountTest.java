package io.crmkit.core.money;

import static io.crmkit.core.money.MoneyFixtures.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.crmkit.core.error.ErrorCode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DiscountTest {

    @Test
    void theThreeFactoriesAgree() {
        // 九折 = pays 90% = 10% off.
        assertThat(Discount.zhe("9")).isEqualTo(Discount.multiplier("0.9")).isEqualTo(Discount.percentOff("10"));
        // 8.5折 = pays 85% = 15% off.
        assertThat(Discount.zhe("8.5")).isEqualTo(Discount.multiplier("0.85")).isEqualTo(Discount.percentOff("15"));
        // 10折 is no discount; 0折 is free.
        assertThat(Discount.zhe("10")).isEqualTo(Discount.NONE).isEqualTo(Discount.percentOff("0"));
        assertThat(Discount.zhe("0")).isEqualTo(Discount.FREE).isEqualTo(Discount.percentOff("100"));
    }

    @Test
    void factoriesAgreeForEveryBasisPoint() {
        qt().withExamples(1000).forAll(integers().between(0, 10_000)).checkAssert(bp -> {
            // bp basis points of the price paid: multiplier bp/10000 = zhe bp/1000 = (10000 − bp)/100 % off.
            Discount m = Discount.multiplier(BigDecimal.valueOf(bp, 4));
            assertThat(Discount.zhe(BigDecimal.valueOf(bp, 3).toPlainString())).isEqualTo(m);
            assertThat(Discount.percentOff(BigDecimal.valueOf(10_000 - bp, 2))).isEqualTo(m);
            assertThat(m.percentOff()).isEqualByComparingTo(BigDecimal.valueOf(10_000 - bp, 2));
        });
    }

    @Test
    void multiplierIsNormalised() {
        assertThat(Discount.multiplier("0.90")).isEqualTo(Discount.multiplier("0.9"));
        assertThat(Discount.multiplier("0.90").multiplier()).hasToString("0.9");
        assertThat(Discount.multiplier("1.000").multiplier()).hasToString("1");
        assertThat(Discount.multiplier(" 0.5 ")).isEqualTo(Discount.percentOff("50"));
    }

    @Test
    void readsBack() {
        assertThat(Discount.multiplier("0.85").percentOff()).hasToString("15");
        assertThat(Discount.multiplier("0.875").percentOff()).hasToString("12.5");
        assertThat(Discount.NONE.isNone()).isTrue();
        assertThat(Discount.multiplier("0.9999").isNone()).isFalse();
        assertThat(Discount.multiplier("0.9").applyTo(new BigDecimal("33.3333"))).isEqualByComparingTo("29.99997");
    }

    @Test
    void toStringSaysBothReadings() {
        assertThat(Discount.multiplier("0.9")).hasToString("×0.9 (10% off)");
        assertThat(Discount.zhe("8.5")).hasToString("×0.85 (15% off)");
        assertThat(Discount.FREE).hasToString("×0 (100% off)");
        assertThat(Discount.NONE).hasToString("×1 (0% off)");
    }

    @Test
    void aMultiplierAboveOneIsRejected() {
        // 1.2 is not a discount (someone meant 20% off, or a markup).
        assertViolation(() -> Discount.multiplier("1.2"), "discount", ErrorCode.DISCOUNT_OUT_OF_RANGE);
        assertViolation(() -> Discount.multiplier("-0.1"), "discount", ErrorCode.DISCOUNT_OUT_OF_RANGE);
        // "90" read as a multiplier would be a 9000% price.
        assertViolation(() -> Discount.multiplier("90"), "discount", ErrorCode.DISCOUNT_OUT_OF_RANGE);
    }

    @Test
    void otherReadingsOutOfRangeAreRejected() {
        assertViolation(() -> Discount.percentOff("101"), "percentOff", ErrorCode.FIELD_OUT_OF_RANGE);
        assertViolation(() -> Discount.percentOff("-5"), "percentOff", ErrorCode.FIELD_OUT_OF_RANGE);
        assertViolation(() -> Discount.zhe("11"), "zhe", ErrorCode.FIELD_OUT_OF_RANGE);
        assertViolation(() -> Discount.zhe("九"), "discount", ErrorCode.FIELD_INVALID);
        assertViolation(() -> Discount.multiplier((BigDecimal) null), "discount", ErrorCode.FIELD_REQUIRED);
    }
}
