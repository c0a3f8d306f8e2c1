package io.crmkit.core.condition;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.record.CustomFields;
import java.util.regex.Pattern;

/**
 * The names conditions and field settings (such as a pool's public fields) use to refer to a
 * field of a record: a standard field by its model name ({@code level}, {@code lastFollowUpAt}), or
 * a custom field written {@code custom.<name>} ({@code custom.budget}).
 *
 * <p>Names are checked for form only; whether a record type has the field, and of what type, is
 * decided by the rules against the model and the tenant's custom field definitions. The form alone
 * already guarantees a store can map the name to a column or a JSON path without quoting tricks.
 */
public final class FieldNames {
    /** The prefix that marks a custom field: {@code custom.<name>}. */
    public static final String CUSTOM_PREFIX = "custom.";

    /** Standard field names: a lower-case letter, then letters, digits or underscores; at most 64 characters. */
    public static final Pattern STANDARD = Pattern.compile("[a-z][A-Za-z0-9_]{0,63}");

    private FieldNames() {}

    /**
     * Checks a field name.
     *
     * @param path the path of the setting that holds the name, for the error (for example {@code field})
     * @param name the name to check
     * @return {@code name}, unchanged
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} if it is null, or
     *     {@link ErrorCode#CONDITION_INVALID} if it is neither a standard nor a {@code custom.} name
     */
    public static String require(String path, String name) {
        if (name == null) {
            throw ValidationException.of(path, ErrorCode.FIELD_REQUIRED);
        }
        boolean valid;
        if (name.startsWith(CUSTOM_PREFIX)) {
            try {
                CustomFields.requireName(name.substring(CUSTOM_PREFIX.length()));
                valid = true;
            } catch (ValidationException e) {
                // Report the offending setting's own path, not the custom-fields path requireName uses.
                valid = false;
            }
        } else {
            valid = STANDARD.matcher(name).matches();
        }
        if (!valid) {
            throw ConditionChecks.invalid(path, "field", name);
        }
        return name;
    }

    /** Whether {@code name} refers to a custom field ({@code custom.<name>}). */
    public static boolean isCustom(String name) {
        return name != null && name.startsWith(CUSTOM_PREFIX);
    }

    /**
     * The custom field's own name: {@code budget} for {@code custom.budget}.
     *
     * @throws IllegalArgumentException if {@code name} is not a custom field name
     */
    public static String customName(String name) {
        if (!isCustom(name)) {
            throw new IllegalArgumentException("not a custom field name: " + name);
        }
        return name.substring(CUSTOM_PREFIX.length());
    }
}
