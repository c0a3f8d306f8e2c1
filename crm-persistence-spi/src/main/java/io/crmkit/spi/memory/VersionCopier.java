package io.crmkit.spi.memory;

import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Makes "the same record with another version": every model aggregate is an immutable record with
 * a {@code long version} component, so the copy goes through the canonical constructor with that one
 * component replaced. The accessors and the constructor are looked up once per record type.
 *
 * @param <T> the record type
 */
final class VersionCopier<T> {
    private static final MethodType READ = MethodType.methodType(Object.class, Object.class);

    private final Class<T> type;
    private final MethodHandle[] accessors;
    private final int versionIndex;
    private final MethodHandle constructor;

    VersionCopier(Class<T> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            throw unusable(type, "it is not a record");
        }
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        Class<?>[] types = new Class<?>[components.length];
        accessors = new MethodHandle[components.length];
        int version = -1;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                Method accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                accessors[i] = lookup.unreflect(accessor).asType(READ);
                if (components[i].getName().equals("version") && types[i] == long.class) {
                    version = i;
                }
            }
            var canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            constructor = lookup.unreflectConstructor(canonical)
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw unusable(type, e.toString());
        }
        if (version < 0) {
            throw unusable(type, "it has no long version component");
        }
        versionIndex = version;
    }

    /** {@code record} with {@code version} in place of its own. */
    T withVersion(T record, long version) {
        Object[] values = new Object[accessors.length];
        try {
            for (int i = 0; i < values.length; i++) {
                if (i == versionIndex) {
                    values[i] = version;
                } else {
                    values[i] = (Object) accessors[i].invokeExact((Object) record);
                }
            }
            return type.cast((Object) constructor.invokeExact(values));
        } catch (CrmException | Error e) {
            // The constructor re-validates a value it accepted before; pass its own typed error on.
            throw e;
        } catch (Throwable e) {
            throw unusable(type, e.toString());
        }
    }

    private static ValidationException unusable(Class<?> type, String why) {
        return ValidationException.of("version", ErrorCode.FIELD_INVALID,
                "the in-memory store cannot set the version of " + type.getName() + ": " + why);
    }
}
