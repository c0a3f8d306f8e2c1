package io.crmkit.jdbc.sql;

import io.crmkit.core.condition.FieldNames;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.RecordFields;
import io.crmkit.core.record.RecordFields.FieldKind;
import io.crmkit.core.time.PeriodUnit;
import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.schema.FieldColumn;
import io.crmkit.jdbc.schema.RecordTable;
import io.crmkit.jdbc.schema.Schema;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.query.AggregateQuery;
import io.crmkit.spi.query.AggregateRow;
import io.crmkit.spi.query.Grouping;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link AggregateQuery}s as one {@code GROUP BY} query and builds the rows exactly as the
 * in-memory reference store does: the same validation errors, group keys as
 * {@link Grouping.ByField} and {@link PeriodUnit} spell them, money summed per currency at the
 * currency's scale, rows in {@link AggregateRow}'s order. Only grouped rows come back from the
 * database, never records.
 *
 * <p>The database groups by the stored values; whatever SQL cannot spell the same way on every
 * dialect is finished here from the grouped values: key texts (numbers without trailing zeros, money
 * at its scale), calendar periods longer than a day (grouped by day in SQL, rolled up here, where
 * counts and sums add up exactly), and the implicit currency key (the database groups by each money
 * sum's currency, this class checks that one record's money sums share one).
 *
 * <p>Calendar days of an instant are the tenant's, so they are computed in SQL: the instants are
 * shifted by the zone's UTC offset before being cast to a date. Since an offset changes at daylight
 * saving transitions, a first query finds the range of instants the aggregate covers, and the shift
 * is a {@code CASE} over the zone's transitions in that range (a single offset for zones without
 * any, such as Asia/Shanghai).
 */
public final class AggregateSql {
    private static final String ALIAS = "r";
    private static final Comparator<String> TEXT_NULL_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private AggregateSql() {}

    /**
     * The rows of {@code query} over the tenant's records of {@code table}, as the SPI specifies them.
     *
     * @param connection the connection to run on (in the caller's transaction; not closed)
     * @param dialect its dialect
     * @param names the table names
     * @param table the table of the records to aggregate
     * @param tenant whose records count
     * @param query the aggregate
     * @param context the instant and zone of the filter's "days since" and of calendar periods
     * @return the rows, ordered by keys (text order, null first), then currency code (null first);
     *     no row when no record matches
     * @throws ValidationException with {@link ErrorCode#CONDITION_INVALID} for a field the records do
     *     not have or a filter that cannot be evaluated, with {@link ErrorCode#FIELD_INVALID} for a
     *     calendar period of a field that is no date or instant, or a sum of a field that is neither
     *     money nor a number (also when a custom field holds another kind on a matching record), with
     *     {@link ErrorCode#CURRENCY_MISMATCH} when a matching record's money sums are in two
     *     currencies, or with {@link ErrorCode#FIELD_REQUIRED} for a missing argument
     * @throws SQLException if the database fails (the store translates it)
     */
    public static List<AggregateRow> run(Connection connection, Dialect dialect, SqlNames names, RecordTable table,
            TenantId tenant, AggregateQuery query, QueryContext context) throws SQLException {
        Checks.required("tenant", tenant);
        Checks.required("query", query);
        Checks.required("context", context);
        Plan plan = Plan.of(table, query);
        SqlFragment filter = ConditionSql.where(dialect, names, table, ALIAS, query.filter(), context);
        SqlFragment from = from(names, table, plan);
        List<Object> whereParams = new ArrayList<>();
        whereParams.add(tenant.value());
        whereParams.addAll(filter.params());
        SqlFragment where = new SqlFragment("WHERE " + ALIAS + ".tenant_id = ? AND (" + filter.sql() + ")", whereParams);
        List<InstantRange> ranges = ranges(connection, plan, from, where);
        SqlFragment sql = select(dialect, plan, ranges, context).then(from).then(where)
                .then(SqlFragment.of(") t" + groupBy(plan)));
        Map<GroupKey, Totals> groups = new LinkedHashMap<>();
        boolean[] money = new boolean[plan.sums.size()];
        for (int j = 0; j < money.length; j++) {
            money[j] = plan.sums.get(j).kind == SumKind.AMOUNT;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            SqlValues.bindAll(statement, sql.params());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    collect(rows, plan, groups, money);
                }
            }
        }
        return rows(groups, money);
    }

    // ------------------------------------------------------------------ the plan

    /** How one grouping is read: which columns the inner query selects and how the key is made. */
    private enum GroupKind { TEXT, NUMBER, FLAG, DATE, TIMESTAMP, AMOUNT, CUSTOM, PERIOD_DATE, PERIOD_INSTANT, PERIOD_CUSTOM }

    /** How one sum is read. */
    private enum SumKind { NUMBER, AMOUNT, CUSTOM }

    private record GroupTerm(Grouping grouping, GroupKind kind, FieldColumn column, String customName) {
        PeriodUnit unit() {
            return ((Grouping.ByPeriod) grouping).unit();
        }
    }

    private record SumTerm(String field, SumKind kind, FieldColumn column, String customName) {}

    /** The validated query: each grouping and sum with the columns it reads. */
    private record Plan(List<GroupTerm> groups, List<SumTerm> sums) {
        /** Validates exactly as the in-memory store does, before anything is read. */
        static Plan of(RecordTable table, AggregateQuery query) {
            Class<? extends Record> model = table.model();
            List<GroupTerm> groups = new ArrayList<>();
            for (int i = 0; i < query.groupBy().size(); i++) {
                Grouping grouping = query.groupBy().get(i);
                String field = grouping.field();
                FieldKind kind = RecordFields.kind(model, field);
                String path = "groupBy[" + i + "].field";
                boolean custom = kind == FieldKind.CUSTOM;
                String customName = custom ? FieldNames.customName(field) : null;
                if (grouping instanceof Grouping.ByPeriod) {
                    if (kind != FieldKind.DATE && kind != FieldKind.TIMESTAMP && !custom) {
                        throw ValidationException.of(path, ErrorCode.FIELD_INVALID,
                                field + " is not a date or instant, so it has no calendar period");
                    }
                    GroupKind groupKind = custom ? GroupKind.PERIOD_CUSTOM
                            : kind == FieldKind.DATE ? GroupKind.PERIOD_DATE : GroupKind.PERIOD_INSTANT;
                    groups.add(new GroupTerm(grouping, groupKind, custom ? null : column(table, path, field), customName));
                    continue;
                }
                GroupKind groupKind = switch (kind) {
                    case TEXT -> GroupKind.TEXT;
                    case NUMBER -> GroupKind.NUMBER;
                    case FLAG -> GroupKind.FLAG;
                    case DATE -> GroupKind.DATE;
                    case TIMESTAMP -> GroupKind.TIMESTAMP;
                    case AMOUNT -> GroupKind.AMOUNT;
                    case CUSTOM -> GroupKind.CUSTOM;
                    case UNSUPPORTED -> throw ValidationException.of(path, ErrorCode.FIELD_INVALID,
                            field + " holds no single value to group by");
                };
                groups.add(new GroupTerm(grouping, groupKind, custom ? null : column(table, path, field), customName));
            }
            List<SumTerm> sums = new ArrayList<>();
            for (int j = 0; j < query.sums().size(); j++) {
                String field = query.sums().get(j);
                FieldKind kind = RecordFields.kind(model, field);
                switch (kind) {
                    case NUMBER -> sums.add(new SumTerm(field, SumKind.NUMBER, column(table, "sums[" + j + "]", field), null));
                    case AMOUNT -> sums.add(new SumTerm(field, SumKind.AMOUNT, column(table, "sums[" + j + "]", field), null));
                    case CUSTOM -> sums.add(new SumTerm(field, SumKind.CUSTOM, null, FieldNames.customName(field)));
                    default -> throw notSummable(j, field);
                }
            }
            return new Plan(groups, sums);
        }

        private static FieldColumn column(RecordTable table, String path, String field) {
            // The model has the field with a comparable kind, so the schema gave it a column; a missing
            // one means schema and model drifted apart.
            return table.field(field).orElseThrow(() -> ValidationException.of(path, ErrorCode.FIELD_INVALID,
                    field + " has no column in table " + table.name()));
        }
    }

    // ------------------------------------------------------------------ SQL

    /** The FROM clause: the record table and a {@code custom_value} join per custom grouping or sum. */
    private static SqlFragment from(SqlNames names, RecordTable table, Plan plan) {
        StringBuilder sql = new StringBuilder("FROM ").append(names.table(table)).append(' ').append(ALIAS);
        List<Object> params = new ArrayList<>();
        String custom = names.table(Schema.CUSTOM_VALUE);
        for (int i = 0; i < plan.groups.size(); i++) {
            GroupTerm term = plan.groups.get(i);
            if (term.customName != null) {
                join(sql, params, custom, "gj" + i, table, term.customName);
            }
        }
        for (int j = 0; j < plan.sums.size(); j++) {
            SumTerm term = plan.sums.get(j);
            if (term.customName != null) {
                join(sql, params, custom, "sj" + j, table, term.customName);
            }
        }
        return new SqlFragment(sql.toString(), params);
    }

    /** The field's first row (seq 0): one row per record, which holds the group key for every kind. */
    private static void join(StringBuilder sql, List<Object> params, String custom, String alias, RecordTable table,
            String name) {
        sql.append(" LEFT JOIN ").append(custom).append(' ').append(alias).append(" ON ")
                .append(alias).append(".tenant_id = ").append(ALIAS).append(".tenant_id AND ")
                .append(alias).append(".record_type = ? AND ")
                .append(alias).append(".record_id = ").append(ALIAS).append(".id AND ")
                .append(alias).append(".name = ? AND ")
                .append(alias).append(".seq = 0");
        params.add(table.type().name());
        params.add(name);
    }

    /** The column expression of the instants a period grouping reads. */
    private static String instantColumn(GroupTerm term, int i) {
        return term.kind == GroupKind.PERIOD_CUSTOM ? "gj" + i + ".ts_value" : ALIAS + "." + term.column.column();
    }

    /**
     * The range of instants each instant-period grouping covers (same FROM and WHERE as the
     * aggregate), so the zone's offset transitions inside it can be listed; none when there is no
     * such grouping.
     */
    private static List<InstantRange> ranges(Connection connection, Plan plan, SqlFragment from, SqlFragment where)
            throws SQLException {
        List<Integer> instantGroups = new ArrayList<>();
        for (int i = 0; i < plan.groups.size(); i++) {
            GroupKind kind = plan.groups.get(i).kind;
            if (kind == GroupKind.PERIOD_INSTANT || kind == GroupKind.PERIOD_CUSTOM) {
                instantGroups.add(i);
            }
        }
        List<InstantRange> ranges = new ArrayList<>(plan.groups.size());
        for (int i = 0; i < plan.groups.size(); i++) {
            ranges.add(null);
        }
        if (instantGroups.isEmpty()) {
            return ranges;
        }
        StringBuilder select = new StringBuilder("SELECT ");
        for (int n = 0; n < instantGroups.size(); n++) {
            int i = instantGroups.get(n);
            String col = instantColumn(plan.groups.get(i), i);
            select.append(n == 0 ? "" : ", ").append("MIN(").append(col).append("), MAX(").append(col).append(')');
        }
        SqlFragment sql = SqlFragment.of(select.toString()).then(from).then(where);
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            SqlValues.bindAll(statement, sql.params());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next(); // an aggregate without GROUP BY always has one row
                for (int n = 0; n < instantGroups.size(); n++) {
                    ranges.set(instantGroups.get(n),
                            new InstantRange(SqlValues.instant(rows, 2 * n + 1), SqlValues.instant(rows, 2 * n + 2)));
                }
            }
        }
        return ranges;
    }

    /** The outer SELECT over the inner query's columns, and the inner SELECT list, up to its FROM. */
    private static SqlFragment select(Dialect dialect, Plan plan, List<InstantRange> ranges, QueryContext context) {
        List<String> outer = new ArrayList<>();
        StringBuilder inner = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < plan.groups.size(); i++) {
            GroupTerm term = plan.groups.get(i);
            String g = "g" + i;
            switch (term.kind) {
                case AMOUNT -> {
                    item(inner, ALIAS + "." + term.column.column(), g);
                    item(inner, ALIAS + "." + term.column.currencyColumn(), g + "c");
                    outer.add(g);
                    outer.add(g + "c");
                }
                case CUSTOM -> {
                    item(inner, "gj" + i + ".group_key", g);
                    outer.add(g);
                }
                case PERIOD_INSTANT -> {
                    item(inner, localDate(dialect, instantColumn(term, i), ranges.get(i), context, params), g);
                    outer.add(g);
                }
                case PERIOD_CUSTOM -> {
                    item(inner, "gj" + i + ".kind", g + "k");
                    item(inner, "gj" + i + ".date_value", g + "d");
                    item(inner, localDate(dialect, instantColumn(term, i), ranges.get(i), context, params), g);
                    outer.add(g + "k");
                    outer.add(g + "d");
                    outer.add(g);
                }
                default -> {
                    item(inner, ALIAS + "." + term.column.column(), g);
                    outer.add(g);
                }
            }
        }
        for (int j = 0; j < plan.sums.size(); j++) {
            SumTerm term = plan.sums.get(j);
            String s = "s" + j;
            switch (term.kind) {
                case NUMBER -> item(inner, ALIAS + "." + term.column.column(), s);
                case AMOUNT -> {
                    item(inner, ALIAS + "." + term.column.column(), s);
                    item(inner, ALIAS + "." + term.column.currencyColumn(), s + "c");
                    outer.add(s + "c");
                }
                case CUSTOM -> {
                    item(inner, "sj" + j + ".number_value", s);
                    item(inner, "sj" + j + ".kind", s + "k");
                    item(inner, "sj" + j + ".currency", s + "c");
                    outer.add(s + "k");
                    outer.add(s + "c");
                }
            }
        }
        if (inner.length() == 0) {
            inner.append("1 AS one"); // a plain count: the inner query still needs a column
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String column : outer) {
            sql.append("t.").append(column).append(", ");
        }
        sql.append("COUNT(*) AS n");
        for (int j = 0; j < plan.sums.size(); j++) {
            sql.append(", SUM(t.s").append(j).append(") AS sum").append(j);
        }
        sql.append(" FROM (SELECT ").append(inner);
        return new SqlFragment(sql.toString(), params);
    }

    private static void item(StringBuilder inner, String expression, String name) {
        inner.append(inner.length() == 0 ? "" : ", ").append(expression).append(" AS ").append(name);
    }

    /** GROUP BY every outer key column (none for a plain total). */
    private static String groupBy(Plan plan) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < plan.groups.size(); i++) {
            GroupKind kind = plan.groups.get(i).kind;
            if (kind == GroupKind.PERIOD_CUSTOM) {
                columns.add("t.g" + i + "k");
                columns.add("t.g" + i + "d");
            }
            columns.add("t.g" + i);
            if (kind == GroupKind.AMOUNT) {
                columns.add("t.g" + i + "c");
            }
        }
        for (int j = 0; j < plan.sums.size(); j++) {
            SumKind kind = plan.sums.get(j).kind;
            if (kind == SumKind.CUSTOM) {
                columns.add("t.s" + j + "k");
            }
            if (kind != SumKind.NUMBER) {
                columns.add("t.s" + j + "c");
            }
        }
        return columns.isEmpty() ? "" : " GROUP BY " + String.join(", ", columns);
    }

    /**
     * The tenant's calendar date of the instant column {@code col}: shifted by the zone's offset in
     * force at that instant (a CASE over the transitions in the covered range), then cast to a date.
     */
    private static String localDate(Dialect dialect, String col, InstantRange range, QueryContext context,
            List<Object> params) {
        List<ZoneOffsets.Segment> segments = ZoneOffsets.between(context.zone(), range.min(), range.max());
        String offset;
        if (segments.size() == 1) {
            offset = integerParam(dialect);
            params.add(segments.get(0).offsetSeconds());
        } else {
            StringBuilder cases = new StringBuilder("CASE");
            for (int n = 0; n < segments.size() - 1; n++) {
                // Segment n holds until the next one starts.
                cases.append(" WHEN ").append(col).append(" < ? THEN ").append(integerParam(dialect));
                params.add(segments.get(n + 1).from());
                params.add(segments.get(n).offsetSeconds());
            }
            cases.append(" ELSE ").append(integerParam(dialect)).append(" END");
            params.add(segments.get(segments.size() - 1).offsetSeconds());
            offset = cases.toString();
        }
        String shifted = switch (dialect) {
            case H2 -> "DATEADD(SECOND, " + offset + ", " + col + ")";
            case POSTGRESQL -> "(" + col + " + (" + offset + ") * INTERVAL '1 second')";
            case MARIADB -> "TIMESTAMPADD(SECOND, " + offset + ", " + col + ")";
        };
        return "CAST(" + shifted + " AS DATE)";
    }

    /** A typed integer parameter: CASE branches and date functions cannot infer a bare {@code ?}'s type everywhere. */
    private static String integerParam(Dialect dialect) {
        return dialect == Dialect.MARIADB ? "CAST(? AS SIGNED)" : "CAST(? AS INTEGER)";
    }

    // ------------------------------------------------------------------ rows

    private record InstantRange(Instant min, Instant max) {}

    private record GroupKey(List<String> keys, Currency currency) {}

    private static final class Totals {
        long count;
        final BigDecimal[] sums;

        Totals(int size) {
            sums = new BigDecimal[size];
            Arrays.fill(sums, BigDecimal.ZERO);
        }
    }

    /** Adds one grouped row of the database into the rows of the result. */
    private static void collect(ResultSet rows, Plan plan, Map<GroupKey, Totals> groups, boolean[] money)
            throws SQLException {
        int column = 1;
        List<String> keys = new ArrayList<>(plan.groups.size());
        for (int i = 0; i < plan.groups.size(); i++) {
            GroupTerm term = plan.groups.get(i);
            switch (term.kind) {
                case TEXT, CUSTOM -> keys.add(rows.getString(column++));
                case NUMBER -> {
                    BigDecimal value = rows.getBigDecimal(column++);
                    keys.add(value == null ? null : CustomValueRows.numberKey(value));
                }
                case FLAG -> {
                    Object value = rows.getObject(column++);
                    keys.add(value == null ? null : Boolean.toString(flag(value)));
                }
                case DATE -> {
                    LocalDate value = SqlValues.date(rows, column++);
                    keys.add(value == null ? null : value.toString());
                }
                case TIMESTAMP -> {
                    Instant value = SqlValues.instant(rows, column++);
                    keys.add(value == null ? null : value.toString());
                }
                case AMOUNT -> {
                    BigDecimal amount = rows.getBigDecimal(column++);
                    String code = rows.getString(column++);
                    keys.add(amount == null || code == null ? null : moneyKey(amount, code));
                }
                case PERIOD_DATE, PERIOD_INSTANT -> {
                    LocalDate value = SqlValues.date(rows, column++);
                    keys.add(value == null ? null : term.unit().keyOf(value));
                }
                case PERIOD_CUSTOM -> {
                    String kind = rows.getString(column++);
                    LocalDate date = SqlValues.date(rows, column++);
                    LocalDate instantDate = SqlValues.date(rows, column++);
                    if (kind == null) {
                        keys.add(null);
                    } else if (CustomValueRows.DATE.equals(kind)) {
                        keys.add(term.unit().keyOf(date));
                    } else if (CustomValueRows.TIMESTAMP.equals(kind)) {
                        keys.add(term.unit().keyOf(instantDate));
                    } else {
                        throw ValidationException.of("groupBy[" + i + "].field", ErrorCode.FIELD_INVALID,
                                term.grouping.field() + " holds a value that is not a date or instant");
                    }
                }
            }
        }
        Currency currency = null;
        String[] kinds = new String[plan.sums.size()];
        String[] currencies = new String[plan.sums.size()];
        for (int j = 0; j < plan.sums.size(); j++) {
            SumKind kind = plan.sums.get(j).kind;
            if (kind == SumKind.CUSTOM) {
                kinds[j] = rows.getString(column++);
            }
            if (kind != SumKind.NUMBER) {
                currencies[j] = rows.getString(column++);
            }
        }
        long count = rows.getLong(column++);
        BigDecimal[] sums = new BigDecimal[plan.sums.size()];
        for (int j = 0; j < sums.length; j++) {
            sums[j] = rows.getBigDecimal(column++);
        }
        for (int j = 0; j < sums.length; j++) {
            SumTerm term = plan.sums.get(j);
            boolean isMoney;
            if (term.kind == SumKind.CUSTOM) {
                if (kinds[j] == null) {
                    continue; // the field is not set on these records
                }
                if (CustomValueRows.AMOUNT.equals(kinds[j])) {
                    isMoney = true;
                } else if (CustomValueRows.NUMBER.equals(kinds[j])) {
                    isMoney = false;
                } else {
                    throw notSummable(j, term.field);
                }
            } else {
                isMoney = term.kind == SumKind.AMOUNT;
            }
            if (!isMoney || sums[j] == null || currencies[j] == null) {
                continue;
            }
            money[j] = true;
            Currency found = Currency.getInstance(currencies[j]);
            if (currency != null && !currency.equals(found)) {
                // One record's money sums in two currencies: the records of this group row have both.
                throw ValidationException.of("sums[" + j + "]", ErrorCode.CURRENCY_MISMATCH,
                        currency.getCurrencyCode(), found.getCurrencyCode());
            }
            currency = found;
        }
        Totals totals = groups.computeIfAbsent(new GroupKey(keys, currency), k -> new Totals(sums.length));
        totals.count += count;
        for (int j = 0; j < sums.length; j++) {
            if (sums[j] != null) {
                totals.sums[j] = totals.sums[j].add(sums[j]);
            }
        }
    }

    private static List<AggregateRow> rows(Map<GroupKey, Totals> groups, boolean[] money) {
        List<AggregateRow> rows = new ArrayList<>(groups.size());
        for (Map.Entry<GroupKey, Totals> group : groups.entrySet()) {
            if (group.getValue().count == 0) {
                continue; // a total over no records: the in-memory store has no group then either
            }
            Currency currency = group.getKey().currency();
            BigDecimal[] totals = group.getValue().sums;
            List<BigDecimal> sums = new ArrayList<>(totals.length);
            for (int j = 0; j < totals.length; j++) {
                sums.add(currency != null && money[j] ? moneySum(totals[j], currency, j) : numberSum(totals[j]));
            }
            rows.add(new AggregateRow(group.getKey().keys(), currency, group.getValue().count, sums));
        }
        rows.sort(AggregateSql::compare);
        return rows;
    }

    private static BigDecimal moneySum(BigDecimal sum, Currency currency, int index) {
        try {
            // Every amount was stored at its currency's scale, so only zeros are dropped here.
            return sum.setScale(Money.scaleOf(currency), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            // Only when a custom field holds money on some records and finer numbers on others.
            throw ValidationException.of("sums[" + index + "]", ErrorCode.FIELD_INVALID,
                    "the sum mixes money and numbers finer than " + currency.getCurrencyCode() + " allows");
        }
    }

    /** A number sum by value: the database returns its column's scale, which says nothing about the values. */
    private static BigDecimal numberSum(BigDecimal sum) {
        if (sum.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = sum.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static int compare(AggregateRow a, AggregateRow b) {
        for (int i = 0; i < a.keys().size(); i++) {
            int order = TEXT_NULL_FIRST.compare(a.keys().get(i), b.keys().get(i));
            if (order != 0) {
                return order;
            }
        }
        return TEXT_NULL_FIRST.compare(
                a.currency() == null ? null : a.currency().getCurrencyCode(),
                b.currency() == null ? null : b.currency().getCurrencyCode());
    }

    private static boolean flag(Object value) {
        // MariaDB's BOOLEAN is TINYINT(1): drivers may hand back a number.
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    /** Money's group key: currency code, space, amount at the currency's scale ({@code CNY 100.00}). */
    private static String moneyKey(BigDecimal amount, String code) {
        Currency currency = Currency.getInstance(code);
        return code + " " + amount.setScale(Money.scaleOf(currency), RoundingMode.UNNECESSARY).toPlainString();
    }

    private static ValidationException notSummable(int index, String field) {
        return ValidationException.of("sums[" + index + "]", ErrorCode.FIELD_INVALID,
                field + " is neither money nor a number, so it cannot be summed");
    }
}
