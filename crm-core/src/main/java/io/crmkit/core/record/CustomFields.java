package io.crmkit.core.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A record's custom fields: typed values by field name. Which names a tenant allows and of what
 * type is tenant configuration checked by the rules; this value only guarantees well-formed names
 * (so a store can put them in a JSON path safely) and typed values.
 *
 * <p>In JSON it is an object of field name to {@link CustomValue}.
 *
 * @param values the values by field name, in insertion order
 */
public record CustomFields(Map<String, CustomValue> values) {
    /** Field names: a lower-case letter, then letters, digits or underscores; at most 64 characters. */
    public static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9_]{0,63}");

    private static final CustomFields NONE = new CustomFields(Map.of());

    /** Validates every name and copies the map. */
    public CustomFields {
        values = Checks.map("customFields", values);
        for (String name : values.keySet()) {
            requireName(name);
        }
    }

    /** No custom fields. */
    public static CustomFields none() {
        return NONE;
    }

    /** The custom fields in {@code values}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CustomFields of(Map<String, CustomValue> values) {
        return values == null || values.isEmpty() ? NONE : new CustomFields(values);
    }

    /** The values by field name, in insertion order; unmodifiable. In JSON, the whole object. */
    @JsonValue
    @Override
    public Map<String, CustomValue> values() {
        return values;
    }

    /** The value of {@code name}, if set. */
    public Optional<CustomValue> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** These fields with {@code name} set to {@code value}. */
    public CustomFields with(String name, CustomValue value) {
        requireName(name);
        Map<String, CustomValue> copy = new LinkedHashMap<>(values);
        copy.put(name, Checks.required("customFields." + name, value));
        return new CustomFields(copy);
    }

    /** These fields without {@code name}. */
    public CustomFields without(String name) {
        Map<String, CustomValue> copy = new LinkedHashMap<>(values);
        copy.remove(name);
        return of(copy);
    }

    /** Whether no field is set. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Checks a custom field name.
     *
     * @throws ValidationException if the name does not match {@link #NAME}
     */
    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ValidationException.of("customFields." + name, ErrorCode.FIELD_INVALID,
                    "custom field names start with a lower-case letter and use letters, digits and _ (at most 64)");
        }
        return name;
    }
}
