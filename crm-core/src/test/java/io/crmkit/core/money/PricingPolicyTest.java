package io.crmkit.core.money;

import static io.crmkit.core.money.MoneyFixtures.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.error.ErrorCode;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class PricingPolicyTest {

    @Test
    void defaultsAreFourThreeHalfUp() {
        assertThat(PricingPolicy.defaults()).isEqualTo(new PricingPolicy(4, 3, RoundingMode.HALF_UP));
        assertThat(PricingPolicy.defaults().withRoundingMode(RoundingMode.HALF_EVEN).roundingMode())
                .isEqualTo(RoundingMode.HALF_EVEN);
    }

    @Test
    void rejectsRoundingModesThatAreNotHalfWay() {
        // UP, DOWN, CEILING, FLOOR could be a whole minor unit off; UNNECESSARY would throw on the first odd figure.
        for (RoundingMode mode : RoundingMode.values()) {
            if (!PricingPolicy.ALLOWED_ROUNDING.contains(mode)) {
                assertViolation(() -> new PricingPolicy(4, 3, mode), "roundingMode", ErrorCode.ROUNDING_MODE_UNSUPPORTED);
            }
        }
        assertViolation(() -> new PricingPolicy(11, 3, RoundingMode.HALF_UP), "priceScale", ErrorCode.FIELD_OUT_OF_RANGE);
        assertViolation(() -> new PricingPolicy(4, -1, RoundingMode.HALF_UP), "quantityScale", ErrorCode.FIELD_OUT_OF_RANGE);
    }
}
