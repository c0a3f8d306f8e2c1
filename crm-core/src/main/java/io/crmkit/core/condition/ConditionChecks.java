package io.crmkit.core.condition;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.record.CustomValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Shared checks of the condition records. */
final class ConditionChecks {
    private ConditionChecks() {}

    /**
     * A {@link ErrorCode#CONDITION_INVALID} error whose message is the bundle entry
     * {@code condition.invalid.<problem>}, with {@code path} as {0} and {@code details} after it.
     */
    static ValidationException invalid(String path, String problem, Object... details) {
        List<Object> args = new ArrayList<>(details.length + 1);
        args.add(path);
        args.addAll(List.of(details));
        return new ValidationException(List.of(new Violation(
                path, ErrorCode.CONDITION_INVALID, ErrorCode.CONDITION_INVALID.code() + "." + problem, args)));
    }

    /** How many levels deep {@code condition} nests: 1 for a leaf. */
    static int depth(Condition condition) {
        if (condition instanceof All all) {
            return 1 + maxDepth(all.conditions());
        }
        if (condition instanceof Any any) {
            return 1 + maxDepth(any.conditions());
        }
        if (condition instanceof Not not) {
            return 1 + depth(not.condition());
        }
        return 1;
    }

    /** Rejects a group or negation of {@code children} that would nest deeper than {@link Condition#MAX_DEPTH}. */
    static void requireDepth(String path, List<Condition> children) {
        if (1 + maxDepth(children) > Condition.MAX_DEPTH) {
            throw invalid(path, "too-deep", Condition.MAX_DEPTH);
        }
    }

    /** The JSON type name of a value's kind, for messages: {@code text}, {@code choice}, ... */
    static String kind(CustomValue value) {
        return value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static int maxDepth(List<Condition> conditions) {
        int max = 0;
        for (Condition c : conditions) {
            max = Math.max(max, depth(c));
        }
        return max;
    }
}
