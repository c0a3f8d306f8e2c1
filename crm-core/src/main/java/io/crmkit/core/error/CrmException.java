package io.crmkit.core.error;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The one unchecked root of every error the library throws.
 *
 * <p>Each instance carries a stable {@link #code() code} a program can act on, and a message that
 * can be rendered in English ({@link #getMessage()}) or any supported locale
 * ({@link #getMessage(Locale)}; Simplified Chinese ships with the library). Subtypes say what the
 * caller can do: {@link ValidationException} (fix the input), {@link NotFoundException},
 * {@link ForbiddenException}, {@link RuleViolationException} (a business rule said no),
 * {@link ConcurrentModificationException} and {@link StorageUnavailableException} (both
 * {@link #isRetryable() retryable}).
 */
public class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String messageKey;
    private final transient List<Object> arguments;

    /**
     * Creates an exception whose message is the bundle entry for the code itself.
     *
     * @param code the stable code
     * @param cause the underlying cause, or {@code null}
     * @param arguments values for the message's placeholders
     */
    protected CrmException(ErrorCode code, Throwable cause, Object... arguments) {
        this(code, code.code(), cause, arguments);
    }

    /**
     * Creates an exception whose message comes from a more specific bundle key than the code.
     *
     * @param code the stable code
     * @param messageKey the bundle key of the message
     * @param cause the underlying cause, or {@code null}
     * @param arguments values for the message's placeholders
     */
    protected CrmException(ErrorCode code, String messageKey, Throwable cause, Object... arguments) {
        super(null, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
        this.arguments = List.of(arguments.clone());
    }

    /** The stable machine-readable code. */
    public ErrorCode code() {
        return code;
    }

    /** Whether retrying the same call later may succeed (true for conflicts and outages). */
    public boolean isRetryable() {
        return false;
    }

    /** The message in English. */
    @Override
    public String getMessage() {
        return getMessage(Locale.ENGLISH);
    }

    /** The message in English; the library never consults the JVM's default locale. */
    @Override
    public String getLocalizedMessage() {
        return getMessage();
    }

    /**
     * The message in {@code locale}: Simplified Chinese for any {@code zh} locale, English for
     * everything else.
     */
    public String getMessage(Locale locale) {
        return CrmMessages.format(locale, messageKey, arguments.toArray());
    }

    /** The bundle key this exception's message is rendered from. */
    public String messageKey() {
        return messageKey;
    }

    /** The values filled into the message, in placeholder order. */
    public List<Object> arguments() {
        return arguments;
    }

    @Override
    public String toString() {
        return getClass().getName() + "[" + code.code() + "]: " + getMessage();
    }
}
