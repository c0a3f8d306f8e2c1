package io.crmkit.core.validation;

import io.crmkit.core.money.Money;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link NonNegativeMoney}. */
public final class NonNegativeMoneyValidator implements ConstraintValidator<NonNegativeMoney, Money> {
    @Override
    public boolean isValid(Money value, ConstraintValidatorContext context) {
        return value == null || !value.isNegative();
    }
}
