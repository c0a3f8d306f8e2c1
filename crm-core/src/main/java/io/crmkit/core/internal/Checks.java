package io.crmkit.core.internal;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Argument checks for compact constructors. Each failure is a {@link ValidationException} naming the
 * field, so a bad value never becomes a record and the caller learns exactly what to fix.
 *
 * <p>Internal: hosts must not call this; it may change without notice.
 */
public final class Checks {
    /** Longest id the library accepts; stores size their key columns to this. */
    public static final int MAX_ID_LENGTH = 64;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

    private Checks() {}

    /** Requires a non-null value. */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw ValidationException.of(field, ErrorCode.FIELD_REQUIRED);
        }
        return value;
    }

    /**
     * Requires a non-blank text of at most {@code maxLength} characters without NUL characters;
     * returns it stripped. (NUL is refused because PostgreSQL cannot store it in text, and every store
     * must accept the same values.)
     */
    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of(field, ErrorCode.FIELD_REQUIRED);
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw ValidationException.of(field, ErrorCode.FIELD_TOO_LONG, maxLength);
        }
        noNul(field, stripped);
        return stripped;
    }

    /**
     * Refuses text holding a NUL character (U+0000), which no SQL store can keep in a text column.
     *
     * @return the text
     */
    public static String noNul(String field, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw ValidationException.of(field, ErrorCode.FIELD_INVALID, "text may not contain the NUL character");
        }
        return value;
    }

    /** Allows null or blank (returned as null); otherwise like {@link #text}. */
    public static String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(field, value, maxLength);
    }

    /** Requires an id: 1 to 64 characters of letters, digits and {@code . _ : -}, not starting with a symbol. */
    public static String id(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw ValidationException.of(field, ErrorCode.FIELD_REQUIRED);
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw ValidationException.of(field, ErrorCode.FIELD_TOO_LONG, MAX_ID_LENGTH);
        }
        if (!ID.matcher(value).matches()) {
            throw ValidationException.of(field, ErrorCode.FIELD_INVALID, "ids use letters, digits and . _ : - only");
        }
        return value;
    }

    /** Requires a number that is zero or more. */
    public static BigDecimal nonNegative(String field, BigDecimal value) {
        required(field, value);
        if (value.signum() < 0) {
            throw ValidationException.of(field, ErrorCode.FIELD_NEGATIVE, value.toPlainString());
        }
        return value;
    }

    /** Requires a number greater than zero. */
    public static BigDecimal positive(String field, BigDecimal value) {
        required(field, value);
        if (value.signum() <= 0) {
            throw ValidationException.of(field, ErrorCode.FIELD_NOT_POSITIVE, value.toPlainString());
        }
        return value;
    }

    /** Requires {@code min <= value <= max}. */
    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw ValidationException.of(field, ErrorCode.FIELD_OUT_OF_RANGE, min, max, value);
        }
        return value;
    }

    /** An unmodifiable copy of {@code values} (null means empty) without null elements. */
    public static <T> List<T> list(String field, Collection<? extends T> values) {
        if (values == null) {
            return List.of();
        }
        for (T v : values) {
            required(field + "[]", v);
        }
        return List.copyOf(values);
    }

    /**
     * An unmodifiable, insertion-ordered copy of {@code values} (null means empty) without null
     * elements. Insertion order keeps JSON output and change logs deterministic.
     */
    public static <T> Set<T> set(String field, Collection<? extends T> values) {
        if (values == null) {
            return Set.of();
        }
        for (T v : values) {
            required(field + "[]", v);
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    /** An unmodifiable, insertion-ordered copy of {@code values} (null means empty) without null keys or values. */
    public static <K, V> Map<K, V> map(String field, Map<? extends K, ? extends V> values) {
        if (values == null) {
            return Map.of();
        }
        values.forEach((k, v) -> {
            required(field + "{}", k);
            required(field + "[" + k + "]", v);
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
