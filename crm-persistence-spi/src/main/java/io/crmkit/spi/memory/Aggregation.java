package io.crmkit.spi.memory;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordFields;
import io.crmkit.core.record.RecordFields.FieldKind;
import io.crmkit.core.record.RecordId;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.query.AggregateQuery;
import io.crmkit.spi.query.AggregateRow;
import io.crmkit.spi.query.Grouping;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link AggregateQuery} being computed over the records a scan feeds it: groups, counts and
 * sums, with money summed per currency (the currency is an implicit, last group key).
 */
final class Aggregation {
    private static final Comparator<String> TEXT_NULL_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private final AggregateQuery query;
    private final QueryContext context;
    private final Map<GroupKey, Totals> groups = new HashMap<>();
    /** Per sum: whether it adds up money (its field is money, or a custom field held money). */
    private final boolean[] money;

    /**
     * Checks the groupings and sums against {@code type} before any record is read (the caller checks
     * the filter).
     *
     * @throws ValidationException if a field is unknown, a period
     *     grouping names a field that is no date or instant, or a sum a field that is no money or number
     */
    Aggregation(Class<? extends Record> type, AggregateQuery query, QueryContext context) {
        this.query = query;
        this.context = context;
        this.money = new boolean[query.sums().size()];
        for (int i = 0; i < query.groupBy().size(); i++) {
            Grouping grouping = query.groupBy().get(i);
            FieldKind kind = RecordFields.kind(type, grouping.field());
            String path = "groupBy[" + i + "].field";
            if (grouping instanceof Grouping.ByPeriod) {
                if (kind != FieldKind.DATE && kind != FieldKind.TIMESTAMP && kind != FieldKind.CUSTOM) {
                    throw ValidationException.of(path, ErrorCode.FIELD_INVALID,
                            grouping.field() + " is not a date or instant, so it has no calendar period");
                }
            } else if (kind == FieldKind.UNSUPPORTED) {
                throw ValidationException.of(path, ErrorCode.FIELD_INVALID,
                        grouping.field() + " holds no single value to group by");
            }
        }
        for (int i = 0; i < query.sums().size(); i++) {
            String field = query.sums().get(i);
            FieldKind kind = RecordFields.kind(type, field);
            if (kind != FieldKind.NUMBER && kind != FieldKind.AMOUNT && kind != FieldKind.CUSTOM) {
                throw notSummable(i, field);
            }
            money[i] = kind == FieldKind.AMOUNT;
        }
    }

    /** Counts {@code record} into its group. */
    void add(Record record) {
        List<String> keys = new ArrayList<>(query.groupBy().size());
        for (int i = 0; i < query.groupBy().size(); i++) {
            keys.add(key(i, query.groupBy().get(i), RecordFields.value(record, query.groupBy().get(i).field())));
        }
        BigDecimal[] amounts = new BigDecimal[query.sums().size()];
        Currency currency = null;
        for (int i = 0; i < amounts.length; i++) {
            String field = query.sums().get(i);
            Object value = unwrap(RecordFields.value(record, field));
            if (value == null) {
                continue;
            }
            if (value instanceof Money amount) {
                if (currency != null && !currency.equals(amount.currency())) {
                    throw ValidationException.of("sums[" + i + "]", ErrorCode.CURRENCY_MISMATCH,
                            currency.getCurrencyCode(), amount.currency().getCurrencyCode());
                }
                currency = amount.currency();
                amounts[i] = amount.amount();
                money[i] = true;
            } else {
                amounts[i] = number(value);
                if (amounts[i] == null) {
                    throw notSummable(i, field);
                }
            }
        }
        Totals totals = groups.computeIfAbsent(new GroupKey(keys, currency), k -> new Totals(amounts.length));
        totals.count++;
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] != null) {
                totals.sums[i] = totals.sums[i].add(amounts[i]);
            }
        }
    }

    /** The rows, ordered by keys (as text, null first) and then currency code (null first). */
    List<AggregateRow> rows() {
        List<AggregateRow> rows = new ArrayList<>(groups.size());
        for (Map.Entry<GroupKey, Totals> group : groups.entrySet()) {
            Currency currency = group.getKey().currency();
            List<BigDecimal> sums = new ArrayList<>();
            BigDecimal[] totals = group.getValue().sums;
            for (int i = 0; i < totals.length; i++) {
                sums.add(currency != null && money[i] ? totals[i].setScale(Money.scaleOf(currency)) : totals[i]);
            }
            rows.add(new AggregateRow(group.getKey().keys(), currency, group.getValue().count, sums));
        }
        rows.sort(Aggregation::compare);
        return rows;
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

    private String key(int index, Grouping grouping, Object raw) {
        Object value = unwrap(raw);
        if (value == null) {
            return null;
        }
        if (grouping instanceof Grouping.ByPeriod byPeriod) {
            if (value instanceof LocalDate date) {
                return byPeriod.unit().keyOf(date);
            }
            if (value instanceof Instant instant) {
                return byPeriod.unit().keyOf(instant, context.zone());
            }
            throw ValidationException.of("groupBy[" + index + "].field", ErrorCode.FIELD_INVALID,
                    grouping.field() + " holds a value that is not a date or instant");
        }
        return text(value);
    }

    /** The group key text of a value, exactly as {@link io.crmkit.spi.query.Grouping.ByField} specifies. */
    private static String text(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof RecordId id) {
            return id.value();
        }
        if (value instanceof BigDecimal decimal) {
            // Numbers group by value, as conditions compare them: 2 and 2.00 are one group, key "2".
            return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Money amount) {
            return amount.currency().getCurrencyCode() + " " + amount.amount().toPlainString();
        }
        if (value instanceof Currency currency) {
            return currency.getCurrencyCode();
        }
        if (value instanceof List<?> list) {
            // Several pick-list options: one key for the whole set, in their stored order.
            List<String> parts = new ArrayList<>();
            for (Object part : list) {
                parts.add(String.valueOf(part));
            }
            return String.join(",", parts);
        }
        // String, Boolean, LocalDate, Instant, whole numbers: their toString is the ISO/plain text.
        return value.toString();
    }

    /** A custom value's plain Java value; any other value unchanged. */
    private static Object unwrap(Object value) {
        if (value instanceof CustomValue custom) {
            if (custom instanceof CustomValue.Text v) {
                return v.value();
            } else if (custom instanceof CustomValue.Number v) {
                return v.value();
            } else if (custom instanceof CustomValue.Flag v) {
                return v.value();
            } else if (custom instanceof CustomValue.Date v) {
                return v.value();
            } else if (custom instanceof CustomValue.Timestamp v) {
                return v.value();
            } else if (custom instanceof CustomValue.Amount v) {
                return v.value();
            } else if (custom instanceof CustomValue.Choice v) {
                return v.value();
            } else {
                return ((CustomValue.Choices) custom).values();
            }
        }
        return value;
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        return null;
    }

    private static ValidationException notSummable(int index, String field) {
        return ValidationException.of("sums[" + index + "]", ErrorCode.FIELD_INVALID,
                field + " is neither money nor a number, so it cannot be summed");
    }

    private record GroupKey(List<String> keys, Currency currency) {}

    private static final class Totals {
        long count;
        final BigDecimal[] sums;

        Totals(int size) {
            sums = new BigDecimal[size];
            Arrays.fill(sums, BigDecimal.ZERO);
        }
    }
}
