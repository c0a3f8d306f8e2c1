package io.crmkit.core.error;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Input was invalid; nothing was changed. Lists every violation, field by field, so a form can
 * show them all at once.
 */
public class ValidationException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /** Creates the error for one or more violations. */
    public ValidationException(List<Violation> violations) {
        super(ErrorCode.VALIDATION_FAILED, null);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation error needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /** Creates the error for a single violation. */
    public static ValidationException of(String field, ErrorCode code, Object... details) {
        return new ValidationException(List.of(Violation.of(field, code, details)));
    }

    /** Every violation, in the order found. */
    public List<Violation> violations() {
        return violations;
    }

    /** Whether some violation concerns {@code field} (exact path match). */
    public boolean hasViolation(String field, ErrorCode code) {
        return violations.stream().anyMatch(v -> v.field().equals(field) && v.code() == code);
    }

    /** A summary followed by each violation's message, in {@code locale}. */
    @Override
    public String getMessage(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        String details = violations.stream().map(v -> v.message(locale)).collect(Collectors.joining("; "));
        return CrmMessages.format(locale, ErrorCode.VALIDATION_FAILED.code(), violations.size(), details);
    }
}
