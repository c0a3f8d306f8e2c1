package io.crmkit.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.Derived;
import io.crmkit.core.record.CustomValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Random;

/**
 * Test support shared by the record tests of the account, contact, product, activity and tenant
 * packages: random-ish values, and the contract every model record with a builder must meet
 * (the builder has a setter per component, {@code toBuilder().build()} reproduces the record, JSON
 * round-trips).
 */
public final class RecordContract {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz客户联系人产品";

    private RecordContract() {}

    /**
     * Asserts the record's {@code toBuilder().build()} equals it. Combined with
     * {@link #assertEveryComponentFilled} this proves toBuilder and build carry every component.
     */
    public static void assertToBuilderRebuildsEqual(Record record) {
        Object rebuilt = invoke(invoke(record, "toBuilder"), "build");
        assertThat(rebuilt).isEqualTo(record);
    }

    /**
     * Asserts that every component of {@code record} holds a value different from what a fresh builder
     * would default to (non-null, non-empty, true, non-zero), so a toBuilder that forgets it shows.
     */
    public static void assertEveryComponentFilled(Record record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = read(record, component);
            String name = record.getClass().getSimpleName() + "." + component.getName();
            assertThat(value).as(name).isNotNull();
            if (value instanceof Collection<?> c) {
                assertThat(c).as(name).isNotEmpty();
            } else if (value instanceof Map<?, ?> m) {
                assertThat(m).as(name).isNotEmpty();
            } else if (value instanceof CustomFields f) {
                assertThat(f.isEmpty()).as(name).isFalse();
            } else if (value instanceof Boolean b) {
                assertThat(b).as(name).isTrue();
            } else if (value instanceof Long l) {
                assertThat(l).as(name).isNotZero();
            }
        }
    }

    /**
     * Asserts that the record type's builder has a public setter per component, named like it and taking its
     * type, except for {@link Derived} components, which the constructor computes and no builder sets.
     */
    public static void assertBuilderHasSetterPerComponent(Class<? extends Record> type) {
        Class<?> builder = builderOf(type);
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(Derived.class)) {
                assertThat(java.util.Arrays.stream(builder.getMethods()).map(Method::getName))
                        .as("derived " + component.getName() + " has no setter").doesNotContain(component.getName());
                continue;
            }
            Method setter;
            try {
                setter = builder.getMethod(component.getName(), component.getType());
            } catch (NoSuchMethodException e) {
                throw new AssertionError(type.getSimpleName() + ".Builder lacks " + component.getName(), e);
            }
            assertThat(setter.getReturnType()).as(component.getName()).isEqualTo(builder);
        }
    }

    /** Asserts that {@code value} written as JSON and read back equals it. */
    public static <T> void assertJsonRoundTrips(T value) {
        try {
            String json = JSON.writeValueAsString(value);
            assertThat(JSON.readValue(json, value.getClass())).as(json).isEqualTo(value);
        } catch (java.io.IOException e) {
            throw new AssertionError("JSON round trip failed for " + value, e);
        }
    }

    /** A random text of 1 to {@code maxLength} characters (latin and Chinese), never blank. */
    public static String text(Random random, int maxLength) {
        int length = 1 + random.nextInt(maxLength);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return s.toString();
    }

    /** {@code value} or, one time in four, null. */
    public static <T> T maybe(Random random, T value) {
        return random.nextInt(4) == 0 ? null : value;
    }

    /** A random instant between 1970 and 2033, to the second. */
    public static Instant instant(Random random) {
        return Instant.ofEpochSecond(random.nextInt(2_000_000_000));
    }

    /** A random calendar date between 1970 and 2060. */
    public static LocalDate date(Random random) {
        return LocalDate.ofEpochDay(random.nextInt(33_000));
    }

    /** A random id text. */
    public static String id(Random random) {
        return Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
    }

    /** One of {@code u0} .. {@code u19}: few enough that collisions are tested. */
    public static UserId user(Random random) {
        return UserId.of("u" + random.nextInt(20));
    }

    /** One of three tenants. */
    public static TenantId tenant(Random random) {
        return TenantId.of("t" + random.nextInt(3));
    }

    /** Between one and three custom fields of several kinds. */
    public static CustomFields customFields(Random random) {
        CustomFields fields = CustomFields.none().with("region", new CustomValue.Text(text(random, 20)));
        if (random.nextBoolean()) {
            fields = fields.with("score", new CustomValue.Number(BigDecimal.valueOf(random.nextInt(10_000), 2)));
        }
        if (random.nextBoolean()) {
            fields = fields.with("vip", new CustomValue.Flag(random.nextBoolean()));
        }
        return fields;
    }

    private static Class<?> builderOf(Class<?> type) {
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (nested.getSimpleName().equals("Builder")) {
                return nested;
            }
        }
        throw new AssertionError(type.getSimpleName() + " has no nested Builder");
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError(e);
        }
    }

    private static Object invoke(Object target, String method) {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
