package io.crmkit.core.tenant;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which fields a tenant requires, per record type (必填字段). DOMAIN rules are configuration, never
 * constants: the {@link #defaults() defaults} require a lead's person name, company, phone and details,
 * an account's name and a contact's name, and a tenant may require more or fewer.
 *
 * <p>A field is named by its record component ({@code personName}, {@code email}, ...) or, for a
 * custom field, as {@code custom.<name>}. Whether an account (or lead) has an owner is not
 * configurable: an owner may be empty only inside a pool, and the record itself enforces that, so
 * {@code owner} cannot be configured for {@link RecordType#ACCOUNT} or {@link RecordType#LEAD}.
 *
 * <p>{@link #missing(RecordType, Record)} and {@link #check(RecordType, Record)} read any record's
 * components generically, so they work for every record type of the model and for hosts' own.
 *
 * @param fields the required field names by record type, in the order they are checked; types without
 *     required fields are absent, never mapped to an empty set
 */
public record RequiredFields(@JsonDeserialize(contentAs = LinkedHashSet.class) Map<RecordType, Set<String>> fields) {
    /** The prefix that marks a custom field: {@code custom.region} requires the custom field {@code region}. */
    public static final String CUSTOM_PREFIX = "custom.";

    private static final Pattern COMPONENT = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
    private static final Set<RecordType> POOLED = Set.of(RecordType.ACCOUNT, RecordType.LEAD);

    private static final RequiredFields NONE = new RequiredFields(Map.of());
    private static final RequiredFields DEFAULTS = NONE
            .with(RecordType.LEAD, List.of("personName", "company", "phone", "details"))
            .with(RecordType.ACCOUNT, List.of("name"))
            .with(RecordType.CONTACT, List.of("name"));

    private static final ClassValue<Map<String, RecordComponent>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, RecordComponent> computeValue(Class<?> type) {
            Map<String, RecordComponent> byName = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (!Modifier.isPublic(type.getModifiers())) {
                    // A host's package-private record: its public accessor is still reachable reflectively.
                    component.getAccessor().trySetAccessible();
                }
                byName.put(component.getName(), component);
            }
            return Collections.unmodifiableMap(byName);
        }
    };

    /**
     * Validates every name and copies the configuration, dropping types with no required field.
     *
     * @throws ValidationException listing every malformed name (field {@code requiredFields[TYPE]},
     *     code {@link ErrorCode#FIELD_INVALID})
     */
    public RequiredFields {
        Map<RecordType, Set<String>> copy = new LinkedHashMap<>();
        List<Violation> invalid = new ArrayList<>();
        Checks.map("requiredFields", fields).forEach((type, names) -> {
            Set<String> checked = new LinkedHashSet<>();
            for (String name : Checks.set("requiredFields[" + type + "]", names)) {
                String problem = problemWith(type, name);
                if (problem == null) {
                    checked.add(name);
                } else {
                    invalid.add(Violation.of("requiredFields[" + type + "]", ErrorCode.FIELD_INVALID, problem));
                }
            }
            if (!checked.isEmpty()) {
                copy.put(type, Collections.unmodifiableSet(checked));
            }
        });
        if (!invalid.isEmpty()) {
            throw new ValidationException(invalid);
        }
        fields = Collections.unmodifiableMap(copy);
    }

    /** The defaults of DOMAIN.md section 1: LEAD personName, company, phone, details; ACCOUNT name; CONTACT name. */
    public static RequiredFields defaults() {
        return DEFAULTS;
    }

    /** No field required anywhere. */
    public static RequiredFields none() {
        return NONE;
    }

    /** The names required for {@code type}, in checking order; empty when none. */
    public Set<String> fieldsFor(RecordType type) {
        return fields.getOrDefault(type, Set.of());
    }

    /**
     * This configuration with exactly {@code names} required for {@code type} (none for an empty list).
     *
     * @throws ValidationException if a name is malformed
     */
    public RequiredFields with(RecordType type, Collection<String> names) {
        Checks.required("type", type);
        Map<RecordType, Set<String>> copy = new LinkedHashMap<>(fields);
        copy.put(type, new LinkedHashSet<>(Checks.list("requiredFields[" + type + "]", names)));
        return new RequiredFields(copy);
    }

    /**
     * This configuration with {@code name} also required for {@code type}.
     *
     * @throws ValidationException if the name is malformed
     */
    public RequiredFields plus(RecordType type, String name) {
        Set<String> names = new LinkedHashSet<>(fieldsFor(type));
        names.add(name);
        return with(type, names);
    }

    /** This configuration with {@code name} no longer required for {@code type}. */
    public RequiredFields minus(RecordType type, String name) {
        Set<String> names = new LinkedHashSet<>(fieldsFor(type));
        names.remove(name);
        return with(type, names);
    }

    /**
     * The required fields of {@code type} that {@code record} leaves empty, in configuration order. Empty
     * means null, a blank text, an empty collection or map; a custom field is empty when it is not set,
     * is blank text or an empty choice list. A missing component is reported with its name as the field
     * and a missing custom field as {@code customFields.<name>}, both with {@link ErrorCode#FIELD_REQUIRED}.
     *
     * @param type the record type whose configuration applies
     * @param record a record of that type
     * @return the violations; empty when every required field is filled
     * @throws ValidationException with {@link ErrorCode#FIELD_INVALID} entries naming each configured
     *     field that {@code record} does not have (a configuration error rather than missing input), or
     *     naming a component that cannot be read reflectively
     */
    public List<Violation> missing(RecordType type, Record record) {
        Checks.required("type", type);
        Checks.required("record", record);
        Map<String, RecordComponent> components = COMPONENTS.get(record.getClass());
        List<Violation> missing = new ArrayList<>();
        List<Violation> unknown = new ArrayList<>();
        for (String name : fieldsFor(type)) {
            if (name.startsWith(CUSTOM_PREFIX)) {
                String custom = name.substring(CUSTOM_PREFIX.length());
                RecordComponent component = components.get("customFields");
                if (component == null || component.getType() != CustomFields.class) {
                    unknown.add(unknownField(name, type, record));
                } else {
                    CustomFields values = (CustomFields) read(component, record);
                    CustomValue value = values == null ? null : values.values().get(custom);
                    if (isEmpty(value)) {
                        missing.add(Violation.of("customFields." + custom, ErrorCode.FIELD_REQUIRED));
                    }
                }
            } else {
                RecordComponent component = components.get(name);
                if (component == null) {
                    unknown.add(unknownField(name, type, record));
                } else if (isEmpty(read(component, record))) {
                    missing.add(Violation.of(name, ErrorCode.FIELD_REQUIRED));
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
        return List.copyOf(missing);
    }

    /**
     * Requires every configured field of {@code type} to be filled in {@code record}.
     *
     * @throws ValidationException one exception listing every missing field (see
     *     {@link #missing(RecordType, Record)}), or naming configured fields the record does not have
     */
    public void check(RecordType type, Record record) {
        List<Violation> missing = missing(type, record);
        if (!missing.isEmpty()) {
            throw new ValidationException(missing);
        }
    }

    private static String problemWith(RecordType type, String name) {
        if (name.startsWith(CUSTOM_PREFIX)) {
            String custom = name.substring(CUSTOM_PREFIX.length());
            return CustomFields.NAME.matcher(custom).matches() ? null
                    : "custom field " + name + " must be custom.<name>, the name starting with a lower-case letter";
        }
        if (!COMPONENT.matcher(name).matches()) {
            return "field name " + name + " must start with a lower-case letter and use letters and digits only";
        }
        if (name.equals("owner") && POOLED.contains(type)) {
            return "the owner of a " + type + " is not configurable: it may be empty only inside a pool";
        }
        return null;
    }

    private static Violation unknownField(String name, RecordType type, Record record) {
        return Violation.of(name, ErrorCode.FIELD_INVALID, "required for " + type + " but "
                + record.getClass().getSimpleName() + " has no such field");
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException e) {
            // Only a record class hidden behind a module boundary gets here; say how to fix it.
            throw ValidationException.of(component.getName(), ErrorCode.FIELD_INVALID, "cannot be read from "
                    + record.getClass().getName() + "; make the record public or open its package");
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw ValidationException.of(component.getName(), ErrorCode.FIELD_INVALID,
                    "its accessor failed: " + e.getCause());
        }
    }

    private static boolean isEmpty(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof CharSequence text) {
            return text.toString().isBlank();
        }
        if (value instanceof Collection<?> collection) {
            return collection.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty();
        }
        if (value instanceof CustomFields custom) {
            return custom.isEmpty();
        }
        if (value instanceof CustomValue.Text text) {
            return text.value().isBlank();
        }
        if (value instanceof CustomValue.Choices choices) {
            return choices.values().isEmpty();
        }
        return false;
    }
}
