package io.crmkit.core.error;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One invalid input: which field, which rule it broke, and a message in the caller's locale.
 *
 * @param field the path of the offending field, for example {@code lines[2].quantity}; never blank
 * @param code the stable code of the broken rule, for example {@link ErrorCode#FIELD_REQUIRED}
 * @param messageKey the bundle key of the message (usually the code's string)
 * @param arguments values for the message's placeholders; {@code {0}} is always the field
 */
public record Violation(String field, ErrorCode code, String messageKey, List<Object> arguments) {

    /** Validates that every part is present and copies the arguments. */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageKey, "messageKey");
        arguments = List.copyOf(arguments);
    }

    /**
     * A violation whose message is the code's own bundle entry, with the field as {@code {0}} and
     * {@code details} as {@code {1}}, {@code {2}}, ...
     */
    public static Violation of(String field, ErrorCode code, Object... details) {
        Object[] args = new Object[details.length + 1];
        args[0] = field;
        System.arraycopy(details, 0, args, 1, details.length);
        return new Violation(field, code, code.code(), List.of(args));
    }

    /** The message in English. */
    public String message() {
        return message(Locale.ENGLISH);
    }

    /** The message in {@code locale}. */
    public String message(Locale locale) {
        return CrmMessages.format(locale, messageKey, arguments.toArray());
    }
}
