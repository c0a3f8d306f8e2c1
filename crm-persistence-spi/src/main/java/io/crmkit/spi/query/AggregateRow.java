package io.crmkit.spi.query;

import io.crmkit.core.internal.Checks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;

/**
 * One group of an {@link AggregateQuery}'s result.
 *
 * <p>Rows come ordered by their keys (each compared as text, null first), then by currency code
 * (null first), so every store returns the same rows in the same order.
 *
 * @param keys the group keys, one per {@link AggregateQuery#groupBy()} entry; an entry is null when
 *     the field was empty
 * @param currency the currency of the money sums in this row, or null when no summed field is money
 * @param count how many records fall in the group
 * @param sums the sums, one per {@link AggregateQuery#sums()} entry: money sums at the currency's
 *     scale, number sums as exact decimals; zero when no record had a value
 */
public record AggregateRow(List<String> keys, Currency currency, long count, List<BigDecimal> sums) {
    /** Copies the lists (keys may hold nulls). */
    public AggregateRow {
        Checks.required("keys", keys);
        keys = Collections.unmodifiableList(new ArrayList<>(keys));
        sums = Checks.list("sums", sums);
        Checks.range("count", count, 0, Long.MAX_VALUE);
    }
}
