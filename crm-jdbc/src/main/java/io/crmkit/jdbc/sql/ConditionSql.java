package io.crmkit.jdbc.sql;

import io.crmkit.core.condition.All;
import io.crmkit.core.condition.Any;
import io.crmkit.core.condition.Compare;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.condition.ConditionEvaluator;
import io.crmkit.core.condition.DaysSince;
import io.crmkit.core.condition.FieldNames;
import io.crmkit.core.condition.Not;
import io.crmkit.core.condition.Operator;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordFields.FieldKind;
import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.schema.FieldColumn;
import io.crmkit.jdbc.schema.RecordTable;
import io.crmkit.jdbc.schema.Schema;
import io.crmkit.spi.QueryContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compiles condition trees to SQL boolean expressions over a record table, with the semantics fixed
 * on {@link Condition} and documented by {@link ConditionEvaluator}: the same records match in SQL as
 * in memory.
 *
 * <p>Every compiled expression is two-valued: each leaf first requires the columns it compares to be
 * non-null ({@code FALSE AND NULL} is {@code FALSE} in SQL), and custom fields are tested with
 * {@code EXISTS} subqueries, which are never {@code NULL}. So {@code NOT} inverts exactly, and
 * {@code NE} stays false on an empty field while {@code NOT(EQ)} is true there.
 *
 * <p>The SQL text holds only names the store chose (the table alias, columns, the
 * {@code custom_value} table); every value is a {@code ?} parameter.
 */
public final class ConditionSql {
    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_]{0,29}");
    /** Subquery aliases of {@code custom_value}; callers' aliases never start with this. */
    static final String CUSTOM_ALIAS = "cvq";

    private ConditionSql() {}

    /**
     * A two-valued boolean SQL expression that is true exactly for the rows of {@code table} (aliased
     * {@code alias}) whose record {@code condition} matches, with the semantics fixed on
     * {@link Condition}; {@code 1=1} for a null condition.
     *
     * @param dialect the database's dialect (decides the substring function)
     * @param names the table names (for {@code custom_value})
     * @param table the table the alias stands for
     * @param alias the alias of {@code table} in the caller's query: a lower-case identifier not
     *     starting with {@code cvq}
     * @param condition the condition; null matches every row
     * @param context the instant and zone {@link DaysSince} counts calendar days in
     * @return the expression and its parameters, in order
     * @throws ValidationException with {@link ErrorCode#CONDITION_INVALID} if the condition names a
     *     field {@code table}'s records do not have, compares a field with a value of another kind, or
     *     uses an operator the field's kind has not (as {@link ConditionEvaluator#check} reports), or
     *     with {@link ErrorCode#FIELD_REQUIRED} for a missing context when the condition is not null
     * @throws IllegalArgumentException if {@code alias} is not a plain identifier (a programming
     *     error of the store: it is written into the SQL)
     */
    public static SqlFragment where(Dialect dialect, SqlNames names, RecordTable table, String alias,
            Condition condition, QueryContext context) {
        if (condition == null) {
            return SqlFragment.of("1=1");
        }
        if (alias == null || !ALIAS.matcher(alias).matches() || alias.startsWith(CUSTOM_ALIAS)) {
            throw new IllegalArgumentException("not a usable table alias: " + alias);
        }
        Checks.required("context", context);
        ConditionEvaluator.check(condition, table.model());
        Compiler compiler = new Compiler(dialect, names, table, alias, context);
        compiler.node(condition);
        return new SqlFragment(compiler.sql.toString(), compiler.params);
    }

    /** One compilation: appends SQL text and parameters in the order they appear. */
    private static final class Compiler {
        private final Dialect dialect;
        private final String customTable;
        private final RecordTable table;
        private final String alias;
        private final QueryContext context;
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        Compiler(Dialect dialect, SqlNames names, RecordTable table, String alias, QueryContext context) {
            this.dialect = dialect;
            this.customTable = names.table(Schema.CUSTOM_VALUE);
            this.table = table;
            this.alias = alias;
            this.context = context;
        }

        void node(Condition condition) {
            // Recursion depth is bounded: the condition records reject trees deeper than MAX_DEPTH.
            if (condition instanceof All all) {
                group(all.conditions(), " AND ");
            } else if (condition instanceof Any any) {
                group(any.conditions(), " OR ");
            } else if (condition instanceof Not not) {
                sql.append("(NOT ");
                node(not.condition());
                sql.append(')');
            } else if (condition instanceof Compare compare) {
                if (compare.isCustomField()) {
                    customCompare(compare);
                } else {
                    standardCompare(compare);
                }
            } else {
                daysSince((DaysSince) condition); // sealed: DaysSince is the only kind left
            }
        }

        private void group(List<Condition> children, String operator) {
            sql.append('(');
            for (int i = 0; i < children.size(); i++) {
                if (i > 0) {
                    sql.append(operator);
                }
                node(children.get(i));
            }
            sql.append(')');
        }

        // ------------------------------------------------------------ standard fields

        private void standardCompare(Compare compare) {
            FieldColumn field = column(compare.field());
            String col = alias + "." + field.column();
            Operator op = compare.op();
            if (op == Operator.IS_NULL) {
                sql.append('(').append(col).append(" IS NULL)");
                return;
            }
            if (op == Operator.IS_NOT_NULL) {
                sql.append('(').append(col).append(" IS NOT NULL)");
                return;
            }
            if (field.kind() == FieldKind.AMOUNT) {
                String currency = alias + "." + field.currencyColumn();
                sql.append('(').append(col).append(" IS NOT NULL AND ").append(currency).append(" IS NOT NULL AND ");
                money(compare, col, currency);
                sql.append(')');
                return;
            }
            sql.append('(').append(col).append(" IS NOT NULL AND ");
            scalar(compare, col);
            sql.append(')');
        }

        private FieldColumn column(String field) {
            // check() accepted the field, so the model has it with a comparable kind: the schema gives
            // every such field a column, and a missing one means schema and model drifted apart.
            return table.field(field).orElseThrow(() -> ValidationException.of(field, ErrorCode.CONDITION_INVALID,
                    field + " has no column in table " + table.name()));
        }

        /**
         * A comparison of the non-null column {@code col} with the condition's values (never money):
         * never NULL, since neither side is.
         */
        private void scalar(Compare compare, String col) {
            List<CustomValue> values = compare.values();
            switch (compare.op()) {
                case EQ -> comparison(col, " = ", values.get(0));
                case NE -> comparison(col, " <> ", values.get(0));
                case GT -> comparison(col, " > ", values.get(0));
                case GE -> comparison(col, " >= ", values.get(0));
                case LT -> comparison(col, " < ", values.get(0));
                case LE -> comparison(col, " <= ", values.get(0));
                case IN -> list(col, " IN (", values);
                case NOT_IN -> list(col, " NOT IN (", values);
                case CONTAINS -> contains(col, ((CustomValue.Text) values.get(0)).value());
                default -> throw new IllegalStateException(compare.op() + " is handled before"); // IS_NULL, IS_NOT_NULL
            }
        }

        private void comparison(String col, String operator, CustomValue value) {
            sql.append(col).append(operator).append('?');
            params.add(param(value));
        }

        private void list(String col, String operator, List<CustomValue> values) {
            sql.append(col).append(operator);
            for (int i = 0; i < values.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
                params.add(param(values.get(i)));
            }
            sql.append(')');
        }

        /** A literal, case-sensitive substring test: no LIKE, whose wildcards would need escaping. */
        private void contains(String col, String part) {
            if (part.isEmpty()) {
                // Every text contains the empty text; databases disagree on POSITION('' IN ...).
                sql.append("1=1");
                return;
            }
            if (dialect == Dialect.MARIADB) {
                sql.append("LOCATE(?, ").append(col).append(") > 0");
            } else {
                sql.append("POSITION(? IN ").append(col).append(") > 0");
            }
            params.add(part);
        }

        /**
         * A comparison of the non-null amount column {@code col} and currency column {@code currency}
         * with money values: amounts compare only within one currency (ConditionEvaluator's
         * comparable()), so every operator requires the currency to match, NE and NOT_IN included.
         */
        private void money(Compare compare, String col, String currency) {
            List<Money> values = compare.values().stream().map(v -> ((CustomValue.Amount) v).value()).toList();
            switch (compare.op()) {
                case EQ -> moneyComparison(col, currency, " = ", values.get(0));
                case NE -> moneyComparison(col, currency, " <> ", values.get(0));
                case GT -> moneyComparison(col, currency, " > ", values.get(0));
                case GE -> moneyComparison(col, currency, " >= ", values.get(0));
                case LT -> moneyComparison(col, currency, " < ", values.get(0));
                case LE -> moneyComparison(col, currency, " <= ", values.get(0));
                case IN -> {
                    sql.append('(');
                    for (int i = 0; i < values.size(); i++) {
                        if (i > 0) {
                            sql.append(" OR ");
                        }
                        moneyComparison(col, currency, " = ", values.get(i));
                    }
                    sql.append(')');
                }
                case NOT_IN -> {
                    // NOT_IN holds when NE holds for every value, so each value's currency must match.
                    sql.append('(');
                    for (int i = 0; i < values.size(); i++) {
                        if (i > 0) {
                            sql.append(" AND ");
                        }
                        moneyComparison(col, currency, " <> ", values.get(i));
                    }
                    sql.append(')');
                }
                default -> throw new IllegalStateException(compare.op() + " does not apply to money"); // check() rejects
            }
        }

        private void moneyComparison(String col, String currency, String operator, Money value) {
            sql.append('(').append(currency).append(" = ? AND ").append(col).append(operator).append("?)");
            params.add(value.currency().getCurrencyCode());
            params.add(value.amount());
        }

        // ------------------------------------------------------------ custom fields

        /**
         * A custom field: its value lives in {@code custom_value} rows, so each test is an EXISTS over
         * the record's rows of the field, restricted to the kinds the condition value compares with.
         */
        private void customCompare(Compare compare) {
            String name = FieldNames.customName(compare.field());
            Operator op = compare.op();
            if (op == Operator.IS_NULL) {
                sql.append("(NOT ");
                exists(name, null);
                sql.append(')');
                return;
            }
            if (op == Operator.IS_NOT_NULL) {
                exists(name, null);
                return;
            }
            CustomValue first = compare.values().get(0);
            String v = CUSTOM_ALIAS + ".";
            if (op == Operator.CONTAINS) {
                // Only a single text (text or choice) contains text; a set of options is a list.
                String part = ((CustomValue.Text) first).value();
                exists(name, () -> {
                    sql.append(v).append("kind IN (?, ?) AND ").append(v).append("text_value IS NOT NULL AND ");
                    params.add(CustomValueRows.TEXT);
                    params.add(CustomValueRows.CHOICE);
                    contains(v + "text_value", part);
                });
                return;
            }
            if (first instanceof CustomValue.Amount) {
                customMoney(name, compare);
                return;
            }
            String col = v + valueColumn(first);
            if (op == Operator.NE || op == Operator.NOT_IN) {
                // "Has a value of a comparable kind, and no row of it equals any of the values": for a
                // single value that is plain inequality, for a set of options it means none of them
                // equals, and an empty set (one row with a null option) differs from everything.
                sql.append('(');
                exists(name, () -> kinds(first));
                sql.append(" AND NOT ");
                exists(name, () -> {
                    kinds(first);
                    sql.append(" AND ");
                    if (op == Operator.NE) {
                        comparison(col, " = ", first);
                    } else {
                        list(col, " IN (", compare.values());
                    }
                });
                sql.append(')');
                return;
            }
            exists(name, () -> {
                kinds(first);
                sql.append(" AND ").append(col).append(" IS NOT NULL AND ");
                // EQ and IN on a set of options: any option row that equals matches, as the set semantics say.
                scalar(compare, col);
            });
        }

        /** Money in a custom field: the row must be an amount of the value's currency. */
        private void customMoney(String name, Compare compare) {
            String v = CUSTOM_ALIAS + ".";
            List<Money> values = compare.values().stream().map(x -> ((CustomValue.Amount) x).value()).toList();
            if (compare.op() == Operator.NOT_IN && values.stream().map(Money::currency).distinct().count() > 1) {
                // A value differs from an amount of another currency only if it is comparable: it never is.
                sql.append("1=0");
                return;
            }
            exists(name, () -> {
                sql.append(v).append("kind = ? AND ").append(v).append("number_value IS NOT NULL AND ")
                        .append(v).append("currency IS NOT NULL AND ");
                params.add(CustomValueRows.AMOUNT);
                money(compare, v + "number_value", v + "currency");
            });
        }

        /** {@code kind IN (...)}: the custom value kinds a condition value of {@code value}'s class compares with. */
        private void kinds(CustomValue value) {
            String v = CUSTOM_ALIAS + ".";
            if (value instanceof CustomValue.Text || value instanceof CustomValue.Choice) {
                sql.append(v).append("kind IN (?, ?, ?)");
                params.add(CustomValueRows.TEXT);
                params.add(CustomValueRows.CHOICE);
                params.add(CustomValueRows.CHOICES);
            } else {
                sql.append(v).append("kind = ?");
                params.add(kindOf(value));
            }
        }

        private static String kindOf(CustomValue value) {
            if (value instanceof CustomValue.Number) {
                return CustomValueRows.NUMBER;
            }
            if (value instanceof CustomValue.Flag) {
                return CustomValueRows.FLAG;
            }
            if (value instanceof CustomValue.Date) {
                return CustomValueRows.DATE;
            }
            if (value instanceof CustomValue.Timestamp) {
                return CustomValueRows.TIMESTAMP;
            }
            if (value instanceof CustomValue.Amount) {
                return CustomValueRows.AMOUNT;
            }
            // Choices as a condition value is rejected by check(); text and choice are handled by kinds().
            throw new IllegalStateException("no single kind for " + value.getClass().getSimpleName());
        }

        private static String valueColumn(CustomValue value) {
            if (value instanceof CustomValue.Text || value instanceof CustomValue.Choice) {
                return "text_value";
            }
            if (value instanceof CustomValue.Number || value instanceof CustomValue.Amount) {
                return "number_value";
            }
            if (value instanceof CustomValue.Flag) {
                return "flag_value";
            }
            if (value instanceof CustomValue.Date) {
                return "date_value";
            }
            if (value instanceof CustomValue.Timestamp) {
                return "ts_value";
            }
            throw new IllegalStateException("no column for " + value.getClass().getSimpleName());
        }

        /**
         * {@code EXISTS} over the record's {@code custom_value} rows of field {@code name}, with the
         * extra predicate {@code body} writes (none when null).
         */
        private void exists(String name, Runnable body) {
            String v = CUSTOM_ALIAS + ".";
            sql.append("EXISTS (SELECT 1 FROM ").append(customTable).append(' ').append(CUSTOM_ALIAS)
                    .append(" WHERE ").append(v).append("tenant_id = ").append(alias).append(".tenant_id AND ")
                    .append(v).append("record_type = ? AND ").append(v).append("record_id = ").append(alias)
                    .append(".id AND ").append(v).append("name = ?");
            params.add(table.type().name());
            params.add(name);
            if (body != null) {
                sql.append(" AND ");
                body.run();
            }
            sql.append(')');
        }

        // ------------------------------------------------------------ days since

        /**
         * "At least n calendar days since" as a boundary computed here, in the tenant's zone: a date
         * matches when it is on or before today - n, an instant when it is before the start of the
         * day after that one. An empty field matches.
         */
        private void daysSince(DaysSince condition) {
            if (condition.days() == 0) {
                sql.append("1=1");
                return;
            }
            LocalDate lastDay = context.today().minusDays(condition.days());
            Instant before = lastDay.plusDays(1).atStartOfDay(context.zone()).toInstant();
            if (FieldNames.isCustom(condition.field())) {
                String name = FieldNames.customName(condition.field());
                String v = CUSTOM_ALIAS + ".";
                sql.append("(NOT ");
                exists(name, null);
                sql.append(" OR ");
                exists(name, () -> {
                    sql.append("((").append(v).append("kind = ? AND ").append(v).append("date_value <= ?) OR (")
                            .append(v).append("kind = ? AND ").append(v).append("ts_value < ?))");
                    params.add(CustomValueRows.DATE);
                    params.add(lastDay);
                    params.add(CustomValueRows.TIMESTAMP);
                    params.add(before);
                });
                sql.append(')');
                return;
            }
            FieldColumn field = column(condition.field());
            String col = alias + "." + field.column();
            sql.append('(').append(col).append(" IS NULL OR ").append(col);
            if (field.kind() == FieldKind.DATE) {
                sql.append(" <= ?)");
                params.add(lastDay);
            } else {
                sql.append(" < ?)");
                params.add(before);
            }
        }

        /** The bind value of a condition value (money is bound as amount and currency elsewhere). */
        private static Object param(CustomValue value) {
            if (value instanceof CustomValue.Text v) {
                return v.value();
            }
            if (value instanceof CustomValue.Choice v) {
                return v.value();
            }
            if (value instanceof CustomValue.Number v) {
                return v.value();
            }
            if (value instanceof CustomValue.Flag v) {
                return v.value();
            }
            if (value instanceof CustomValue.Date v) {
                return v.value();
            }
            if (value instanceof CustomValue.Timestamp v) {
                return v.value();
            }
            throw new IllegalStateException("not a scalar condition value: " + value.getClass().getSimpleName());
        }
    }
}
