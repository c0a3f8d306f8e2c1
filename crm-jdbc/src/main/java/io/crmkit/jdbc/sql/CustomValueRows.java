package io.crmkit.jdbc.sql;

import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How custom field values are laid out in the {@code custom_value} table, for querying (the record's
 * JSON body stays the source of truth). One row per value, keyed by tenant, record type, record id,
 * field name and {@code seq}:
 *
 * <ul>
 *   <li>{@code text}, {@code choice}: {@code text_value};</li>
 *   <li>{@code choices}: one row per option ({@code seq} 0, 1, ...) with the option in
 *       {@code text_value}; an empty set of options is one row with a null {@code text_value};</li>
 *   <li>{@code number}: {@code number_value}; {@code amount}: {@code number_value} and
 *       {@code currency}; {@code flag}: {@code flag_value}; {@code date}: {@code date_value};
 *       {@code timestamp}: {@code ts_value}.</li>
 * </ul>
 *
 * <p>{@code group_key} (on the row with {@code seq} 0) is the value's group key text exactly as
 * {@link io.crmkit.spi.query.Grouping.ByField} specifies it, so grouping by a custom field is a plain
 * {@code GROUP BY group_key}.
 */
public final class CustomValueRows {
    /** The {@code kind} column values. */
    public static final String TEXT = "text";
    /** A single pick-list option. */
    public static final String CHOICE = "choice";
    /** Several pick-list options. */
    public static final String CHOICES = "choices";
    /** An exact number. */
    public static final String NUMBER = "number";
    /** Money. */
    public static final String AMOUNT = "amount";
    /** A flag. */
    public static final String FLAG = "flag";
    /** A date. */
    public static final String DATE = "date";
    /** An instant. */
    public static final String TIMESTAMP = "timestamp";

    private CustomValueRows() {}

    /**
     * One row of {@code custom_value} (without the tenant, record type and record id).
     *
     * @param name the custom field's name (without {@code custom.})
     * @param seq 0, or the option's position for {@code choices}
     * @param kind one of the kind constants
     * @param text the text or option, or null
     * @param number the number or money amount, or null
     * @param flag the flag, or null
     * @param date the date, or null
     * @param timestamp the instant, or null
     * @param currency the money's currency code, or null
     * @param groupKey the group key text on the row with seq 0, null on the others
     */
    public record Row(String name, int seq, String kind, String text, BigDecimal number, Boolean flag, LocalDate date,
            Instant timestamp, String currency, String groupKey) {}

    /** The rows of {@code fields}, in name order as the fields hold them. */
    public static List<Row> rows(CustomFields fields) {
        List<Row> rows = new ArrayList<>();
        if (fields == null) {
            return rows;
        }
        for (Map.Entry<String, CustomValue> entry : fields.values().entrySet()) {
            String name = entry.getKey();
            CustomValue value = entry.getValue();
            if (value instanceof CustomValue.Text v) {
                rows.add(new Row(name, 0, TEXT, v.value(), null, null, null, null, null, v.value()));
            } else if (value instanceof CustomValue.Choice v) {
                rows.add(new Row(name, 0, CHOICE, v.value(), null, null, null, null, null, v.value()));
            } else if (value instanceof CustomValue.Choices v) {
                String key = String.join(",", v.values());
                if (v.values().isEmpty()) {
                    rows.add(new Row(name, 0, CHOICES, null, null, null, null, null, null, key));
                }
                for (int i = 0; i < v.values().size(); i++) {
                    rows.add(new Row(name, i, CHOICES, v.values().get(i), null, null, null, null, null,
                            i == 0 ? key : null));
                }
            } else if (value instanceof CustomValue.Number v) {
                rows.add(new Row(name, 0, NUMBER, null, v.value(), null, null, null, null, numberKey(v.value())));
            } else if (value instanceof CustomValue.Amount v) {
                rows.add(new Row(name, 0, AMOUNT, null, v.value().amount(), null, null, null,
                        v.value().currency().getCurrencyCode(),
                        v.value().currency().getCurrencyCode() + " " + v.value().amount().toPlainString()));
            } else if (value instanceof CustomValue.Flag v) {
                rows.add(new Row(name, 0, FLAG, null, null, v.value(), null, null, null, Boolean.toString(v.value())));
            } else if (value instanceof CustomValue.Date v) {
                rows.add(new Row(name, 0, DATE, null, null, null, v.value(), null, null, v.value().toString()));
            } else {
                CustomValue.Timestamp v = (CustomValue.Timestamp) value; // sealed: the last kind
                rows.add(new Row(name, 0, TIMESTAMP, null, null, null, null, v.value(), null, v.value().toString()));
            }
        }
        return rows;
    }

    /** A number's group key: by value, plain, without trailing zeros ({@code 2.00} is {@code 2}). */
    public static String numberKey(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
