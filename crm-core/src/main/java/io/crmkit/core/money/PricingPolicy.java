package io.crmkit.core.money;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import java.math.RoundingMode;
import java.util.Set;

/**
 * A tenant's pricing settings: how many decimal places unit prices and quantities keep, and how
 * figures are rounded. Currency amounts always use the currency's own scale.
 *
 * @param priceScale decimal places of unit prices, 0 to 10 (default 4)
 * @param quantityScale decimal places of quantities, 0 to 10 (default 3)
 * @param roundingMode HALF_UP (default), HALF_EVEN (banker's rounding) or HALF_DOWN
 */
public record PricingPolicy(int priceScale, int quantityScale, RoundingMode roundingMode) {
    /** The rounding modes allowed for money: each rounds to within half a minor unit. */
    public static final Set<RoundingMode> ALLOWED_ROUNDING =
            Set.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.HALF_DOWN);

    private static final PricingPolicy DEFAULTS = new PricingPolicy(4, 3, RoundingMode.HALF_UP);

    /** Validates the scales and the rounding mode. */
    public PricingPolicy {
        Checks.range("priceScale", priceScale, 0, UnitPrice.MAX_SCALE);
        Checks.range("quantityScale", quantityScale, 0, 10);
        Checks.required("roundingMode", roundingMode);
        if (!ALLOWED_ROUNDING.contains(roundingMode)) {
            throw ValidationException.of("roundingMode", ErrorCode.ROUNDING_MODE_UNSUPPORTED, roundingMode);
        }
    }

    /** Price scale 4, quantity scale 3, HALF_UP. */
    public static PricingPolicy defaults() {
        return DEFAULTS;
    }

    /** These settings with {@code mode} as the rounding mode. */
    public PricingPolicy withRoundingMode(RoundingMode mode) {
        return new PricingPolicy(priceScale, quantityScale, mode);
    }
}
