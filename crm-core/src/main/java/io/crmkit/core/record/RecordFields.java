package io.crmkit.core.record;

import io.crmkit.core.condition.FieldNames;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields conditions, orderings and groupings name from model records: a standard field
 * is the record component of that name ({@code level}, {@code lastFollowUpAt}), a custom field
 * ({@code custom.budget}) is the {@link CustomValue} held in the record's {@code customFields}
 * component.
 *
 * <p>The accessors of a record type are looked up once and cached for the life of the class, so a
 * read is a map lookup and a method-handle call, cheap enough for scanning 10^5 records per query.
 */
public final class RecordFields {
    /** The component every record with custom fields holds them in. */
    private static final String CUSTOM_FIELDS = "customFields";

    private static final ClassValue<Fields> FIELDS = new ClassValue<>() {
        @Override
        protected Fields computeValue(Class<?> type) {
            return Fields.of(type);
        }
    };

    private RecordFields() {}

    /**
     * What kind of value a field holds, which decides the operators and condition values it may be
     * used with.
     */
    public enum FieldKind {
        /** Text compared exactly: a {@code String}, an enum (by name), a typed id (by value), a currency (by code). */
        TEXT,
        /** An exact number: {@code BigDecimal}, {@code BigInteger}, {@code int}, {@code long} and their boxes. */
        NUMBER,
        /** A yes/no value: {@code boolean} or {@code Boolean}. */
        FLAG,
        /** A calendar date: {@code LocalDate}. */
        DATE,
        /** An instant: {@code Instant}. */
        TIMESTAMP,
        /** An amount of money: {@link Money}. */
        AMOUNT,
        /** A custom field ({@code custom.<name>}): its kind is known only from each record's value. */
        CUSTOM,
        /** A value conditions cannot compare: a collection, a nested record other than {@link Money}, ... */
        UNSUPPORTED
    }

    /**
     * The value of {@code field} in {@code record}: the component's value as the record holds it
     * (an enum, a typed id, a {@code BigDecimal}, ...), or for {@code custom.<name>} the
     * {@link CustomValue} set under that name.
     *
     * @param record the record to read
     * @param field a standard field name or {@code custom.<name>}
     * @return the value, or null when the field is empty; for a custom field also when it is not set
     *     or the record type has no {@code customFields} component
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a null argument, or
     *     {@link ErrorCode#CONDITION_INVALID} if the record type has no standard field of that name
     * @throws CrmException with {@link ErrorCode#FIELD_INVALID} if the accessor cannot be invoked
     *     (an accessor that itself throws a {@link CrmException} has it passed through unchanged)
     */
    public static Object value(Record record, String field) {
        Checks.required("record", record);
        Checks.required("field", field);
        Fields fields = FIELDS.get(record.getClass());
        if (FieldNames.isCustom(field)) {
            if (fields.customFields == null) {
                return null;
            }
            CustomFields custom = (CustomFields) fields.customFields.read(record);
            return custom == null ? null : custom.values().get(FieldNames.customName(field));
        }
        Accessor accessor = fields.byName.get(field);
        if (accessor == null) {
            throw unknownField(record.getClass(), field);
        }
        return accessor.read(record);
    }

    /**
     * What kind of value {@code field} holds on records of {@code type}, for checking a condition
     * before it is evaluated.
     *
     * @param type the record type
     * @param field a standard field name or {@code custom.<name>}
     * @return the kind; {@link FieldKind#CUSTOM} for every {@code custom.<name>} of a type that has
     *     custom fields
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a null argument, or
     *     {@link ErrorCode#CONDITION_INVALID} if the type has no such field (a {@code custom.} name on
     *     a type without a {@code customFields} component included)
     */
    public static FieldKind kind(Class<? extends Record> type, String field) {
        Checks.required("type", type);
        Checks.required("field", field);
        Fields fields = FIELDS.get(type);
        if (FieldNames.isCustom(field)) {
            if (fields.customFields == null) {
                throw unknownField(type, field);
            }
            return FieldKind.CUSTOM;
        }
        Accessor accessor = fields.byName.get(field);
        if (accessor == null) {
            throw unknownField(type, field);
        }
        return accessor.kind;
    }

    /**
     * Whether records of {@code type} have {@code field}: a component of that name, or for
     * {@code custom.<name>} a {@code customFields} component.
     *
     * @param type the record type
     * @param field a standard field name or {@code custom.<name>}
     * @return whether {@link #kind} and {@link #value} accept the field for this type
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a null argument
     */
    public static boolean has(Class<? extends Record> type, String field) {
        Checks.required("type", type);
        Checks.required("field", field);
        Fields fields = FIELDS.get(type);
        return FieldNames.isCustom(field) ? fields.customFields != null : fields.byName.containsKey(field);
    }

    /** The kind of values of Java type {@code javaType}. */
    static FieldKind kindOf(Class<?> javaType) {
        if (javaType == String.class || javaType.isEnum() || RecordId.class.isAssignableFrom(javaType)
                || javaType == Currency.class) {
            return FieldKind.TEXT;
        }
        if (javaType == BigDecimal.class || javaType == BigInteger.class
                || javaType == int.class || javaType == Integer.class
                || javaType == long.class || javaType == Long.class
                || javaType == short.class || javaType == Short.class
                || javaType == byte.class || javaType == Byte.class) {
            return FieldKind.NUMBER;
        }
        if (javaType == boolean.class || javaType == Boolean.class) {
            return FieldKind.FLAG;
        }
        if (javaType == LocalDate.class) {
            return FieldKind.DATE;
        }
        if (javaType == Instant.class) {
            return FieldKind.TIMESTAMP;
        }
        if (javaType == Money.class) {
            return FieldKind.AMOUNT;
        }
        return FieldKind.UNSUPPORTED;
    }

    private static ValidationException unknownField(Class<?> type, String field) {
        return new ValidationException(List.of(new Violation(field, ErrorCode.CONDITION_INVALID,
                ErrorCode.CONDITION_INVALID.code() + ".unknown-field", List.of(field, field, type.getSimpleName()))));
    }

    /** The cached accessors of one record type. */
    private static final class Fields {
        final Map<String, Accessor> byName;
        /** The accessor of the {@code customFields} component, or null when the type has none. */
        final Accessor customFields;

        private Fields(Map<String, Accessor> byName, Accessor customFields) {
            this.byName = byName;
            this.customFields = customFields;
        }

        static Fields of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                // Only reachable through a raw Class: the public methods take Record types.
                return new Fields(Map.of(), null);
            }
            Map<String, Accessor> byName = new HashMap<>();
            Accessor customFields = null;
            for (RecordComponent component : components) {
                Accessor accessor = new Accessor(type, component);
                byName.put(component.getName(), accessor);
                if (component.getName().equals(CUSTOM_FIELDS) && component.getType() == CustomFields.class) {
                    customFields = accessor;
                }
            }
            return new Fields(Map.copyOf(byName), customFields);
        }
    }

    /** Reads one component; failures to reach the accessor surface on the first read, typed. */
    private static final class Accessor {
        private static final MethodType READ = MethodType.methodType(Object.class, Record.class);

        final String name;
        final String typeName;
        final FieldKind kind;
        private final MethodHandle handle;
        private final String unreadable;

        Accessor(Class<?> type, RecordComponent component) {
            this.name = component.getName();
            this.typeName = type.getSimpleName();
            this.kind = kindOf(component.getType());
            MethodHandle found = null;
            String problem = null;
            Method method = component.getAccessor();
            try {
                // Records declared non-public (in tests, in hosts) still have their components read.
                method.setAccessible(true);
            } catch (InaccessibleObjectException | SecurityException e) {
                problem = e.toString();
            }
            if (problem == null) {
                try {
                    found = MethodHandles.lookup().unreflect(method).asType(READ);
                } catch (IllegalAccessException e) {
                    problem = e.toString();
                }
            }
            this.handle = found;
            this.unreadable = problem;
        }

        Object read(Record record) {
            if (handle == null) {
                throw new FieldReadException(typeName + "." + name, unreadable, null);
            }
            try {
                return (Object) handle.invokeExact(record);
            } catch (CrmException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new FieldReadException(typeName + "." + name, e.toString(), e);
            }
        }
    }
}
