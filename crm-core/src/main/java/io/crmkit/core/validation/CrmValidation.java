package io.crmkit.core.validation;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks the Jakarta constraints on model and command types with Hibernate Validator and reports
 * every violation at once, as one {@link ValidationException} whose entries carry the field path,
 * a stable code and a message in English or Simplified Chinese.
 *
 * <p>Value types (money, discounts, ids) check themselves in their constructors and can never
 * exist invalid; records' field contents (text lengths, e-mail format, non-negative amounts) are
 * annotated and checked here, so a form gets all its errors in one round trip.
 */
public final class CrmValidation {
    private static final Validator VALIDATOR = buildValidator();

    private CrmValidation() {}

    /**
     * Validates {@code value} and everything it cascades to with {@code @Valid}.
     *
     * @param value the object to check
     * @param <T> its type
     * @return {@code value}, for chaining
     * @throws ValidationException listing every violation, ordered by field path, if any
     */
    public static <T> T validate(T value) {
        List<Violation> violations = violations(value);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return value;
    }

    /** Every violation of {@code value}'s constraints, ordered by field path; empty when valid. */
    public static List<Violation> violations(Object value) {
        if (value == null) {
            return List.of(Violation.of("value", ErrorCode.FIELD_REQUIRED));
        }
        Set<ConstraintViolation<Object>> found = VALIDATOR.validate(value);
        List<Violation> result = new ArrayList<>(found.size());
        for (ConstraintViolation<Object> v : found) {
            result.add(toViolation(v));
        }
        result.sort(Comparator.comparing(Violation::field).thenComparing(v -> v.code().code()));
        return List.copyOf(result);
    }

    private static Violation toViolation(ConstraintViolation<Object> v) {
        String field = v.getPropertyPath().toString();
        if (field.isEmpty()) {
            field = v.getRootBeanClass().getSimpleName();
        }
        Annotation constraint = v.getConstraintDescriptor().getAnnotation();
        Map<String, Object> attrs = v.getConstraintDescriptor().getAttributes();
        String invalid = String.valueOf(v.getInvalidValue());
        String name = constraint.annotationType().getSimpleName();
        switch (name) {
            case "NotNull":
            case "NotBlank":
            case "NotEmpty":
                return Violation.of(field, ErrorCode.FIELD_REQUIRED);
            case "Size":
                return Violation.of(field, ErrorCode.FIELD_OUT_OF_RANGE, attrs.get("min"), attrs.get("max"), sizeOf(v.getInvalidValue()));
            case "PositiveOrZero":
            case "NonNegativeMoney":
                return Violation.of(field, ErrorCode.FIELD_NEGATIVE, invalid);
            case "Positive":
                return Violation.of(field, ErrorCode.FIELD_NOT_POSITIVE, invalid);
            case "Min":
            case "DecimalMin":
                return Violation.of(field, ErrorCode.FIELD_OUT_OF_RANGE, attrs.get("value"), "-", invalid);
            case "Max":
            case "DecimalMax":
                return Violation.of(field, ErrorCode.FIELD_OUT_OF_RANGE, "-", attrs.get("value"), invalid);
            case "Email":
                return Violation.of(field, ErrorCode.FIELD_INVALID, "not an e-mail address");
            default:
                return Violation.of(field, ErrorCode.FIELD_INVALID, name);
        }
    }

    private static Object sizeOf(Object value) {
        if (value instanceof CharSequence s) {
            return s.length();
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        return String.valueOf(value);
    }

    private static Validator buildValidator() {
        // Messages are rendered from the library's own bundles by constraint type, so no
        // expression-language interpolation is needed; the parameter interpolator keeps startup light.
        ValidatorFactory factory = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        return factory.getValidator();
    }
}
