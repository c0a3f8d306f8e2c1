package io.crmkit.core.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated {@link io.crmkit.core.money.Money} must be zero or more. {@code null} is valid (combine
 * with {@code @NotNull} where the amount is required).
 */
@Documented
@Constraint(validatedBy = NonNegativeMoneyValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NonNegativeMoney {
    /** The message key; the library renders messages from its own bundle by constraint type. */
    String message() default "{io.crmkit.validation.NonNegativeMoney.message}";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};
}
