package io.crmkit.core.pool;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Shared checks of the pool configuration records. */
final class PoolChecks {
    private PoolChecks() {}

    /**
     * A {@link ErrorCode#POOL_RULES_INVALID} error whose message is the bundle entry
     * {@code pool.rules-invalid.<problem>}, with {@code path} as {0} and {@code details} after it.
     */
    static ValidationException invalid(String path, String problem, Object... details) {
        List<Object> args = new ArrayList<>(details.length + 1);
        args.add(path);
        args.addAll(List.of(details));
        return new ValidationException(List.of(new Violation(
                path, ErrorCode.POOL_RULES_INVALID, ErrorCode.POOL_RULES_INVALID.code() + "." + problem, args)));
    }

    /** Rejects the second rule of {@code rules} whose id was already used, naming its position. */
    static <T> void requireUniqueIds(String listField, List<T> rules, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            String value = id.apply(rules.get(i));
            if (!seen.add(value)) {
                throw invalid(listField + "[" + i + "].id", "duplicate-id", value);
            }
        }
    }

    /** Rejects a limit outside 1 to {@code max}; null (unlimited) passes. */
    static Integer optionalLimit(String field, Integer value, int max) {
        if (value != null && (value < 1 || value > max)) {
            throw ValidationException.of(field, ErrorCode.FIELD_OUT_OF_RANGE, 1, max, value);
        }
        return value;
    }
}
