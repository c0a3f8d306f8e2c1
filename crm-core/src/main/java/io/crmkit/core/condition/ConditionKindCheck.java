package io.crmkit.core.condition;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordFields;
import io.crmkit.core.record.RecordFields.FieldKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a condition tree against a record type for {@link ConditionEvaluator#check}: every problem
 * of the tree is collected, so an editor can show them all at once.
 */
final class ConditionKindCheck {
    private final Class<? extends Record> type;
    private final List<Violation> violations = new ArrayList<>();

    private ConditionKindCheck(Class<? extends Record> type) {
        this.type = type;
    }

    static void check(Condition condition, Class<? extends Record> type) {
        ConditionKindCheck check = new ConditionKindCheck(type);
        check.node(condition, "");
        if (!check.violations.isEmpty()) {
            throw new ValidationException(check.violations);
        }
    }

    private void node(Condition condition, String prefix) {
        if (condition instanceof All all) {
            children(all.conditions(), prefix);
        } else if (condition instanceof Any any) {
            children(any.conditions(), prefix);
        } else if (condition instanceof Not not) {
            node(not.condition(), prefix + "condition.");
        } else if (condition instanceof Compare compare) {
            compare(compare, prefix);
        } else {
            daysSince((DaysSince) condition, prefix); // sealed: DaysSince is the only kind left
        }
    }

    private void children(List<Condition> children, String prefix) {
        for (int i = 0; i < children.size(); i++) {
            node(children.get(i), prefix + "conditions[" + i + "].");
        }
    }

    private void compare(Compare compare, String prefix) {
        String field = compare.field();
        FieldKind kind = fieldKind(field, prefix);
        if (kind == null) {
            return;
        }
        Operator op = compare.op();
        if (kind == FieldKind.UNSUPPORTED) {
            add(prefix + "field", "unsupported-field", field, typeName());
            return;
        }
        if (!compare.values().isEmpty() && compare.values().get(0) instanceof CustomValue.Choices) {
            // Compare keeps a list to one type, so the first value speaks for all of them.
            add(prefix + "values", "choices-value");
            return;
        }
        if (kind == FieldKind.CUSTOM || op == Operator.IS_NULL || op == Operator.IS_NOT_NULL) {
            return; // custom values are checked per record; emptiness applies to every kind
        }
        if (op.isOrdering() && (kind == FieldKind.TEXT || kind == FieldKind.FLAG)) {
            add(prefix + "op", "ordering-field", op, field, typeName(), name(kind));
            return;
        }
        if (op == Operator.CONTAINS && kind != FieldKind.TEXT) {
            add(prefix + "op", "contains-field", field, typeName(), name(kind));
            return;
        }
        CustomValue value = compare.values().get(0);
        if (!fits(kind, value)) {
            add(prefix + "values", "wrong-kind", field, typeName(), name(kind), ConditionChecks.kind(value));
        }
    }

    private void daysSince(DaysSince daysSince, String prefix) {
        String field = daysSince.field();
        FieldKind kind = fieldKind(field, prefix);
        if (kind != null && kind != FieldKind.DATE && kind != FieldKind.TIMESTAMP && kind != FieldKind.CUSTOM) {
            add(prefix + "field", "days-since-field", field, typeName(), name(kind));
        }
    }

    /** The field's kind, or null after recording that the type has no such field. */
    private FieldKind fieldKind(String field, String prefix) {
        if (!RecordFields.has(type, field)) {
            add(prefix + "field", "unknown-field", field, typeName());
            return null;
        }
        return RecordFields.kind(type, field);
    }

    private static boolean fits(FieldKind kind, CustomValue value) {
        return switch (kind) {
            case TEXT -> value instanceof CustomValue.Text || value instanceof CustomValue.Choice;
            case NUMBER -> value instanceof CustomValue.Number;
            case FLAG -> value instanceof CustomValue.Flag;
            case DATE -> value instanceof CustomValue.Date;
            case TIMESTAMP -> value instanceof CustomValue.Timestamp;
            case AMOUNT -> value instanceof CustomValue.Amount;
            case CUSTOM -> true;
            case UNSUPPORTED -> false;
        };
    }

    private String typeName() {
        return type.getSimpleName();
    }

    private static String name(FieldKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private void add(String path, String problem, Object... details) {
        violations.addAll(ConditionChecks.invalid(path, problem, details).violations());
    }
}
