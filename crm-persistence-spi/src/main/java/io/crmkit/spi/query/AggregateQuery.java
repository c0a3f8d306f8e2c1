package io.crmkit.spi.query;

import io.crmkit.core.condition.Condition;
import io.crmkit.core.condition.FieldNames;
import io.crmkit.core.internal.Checks;
import java.util.List;

/**
 * A set-based aggregate over one record type: the records matching {@code filter}, grouped by
 * {@code groupBy}, counted, and with each of {@code sums} added up. A SQL store runs it as one
 * {@code GROUP BY} query; no store loads the records into the caller.
 *
 * <p>Money never adds across currencies: when a summed field holds {@link io.crmkit.core.money.Money},
 * its currency is an extra, implicit group key, and each row carries it. All summed money fields of
 * one query must therefore be in the same currency on each record (they are, in the model: a
 * document has one currency).
 *
 * @param filter which records count, or null for all
 * @param groupBy the group keys, in order; empty for one total row
 * @param sums fields to add up (money or numbers), in order; may be empty
 */
public record AggregateQuery(Condition filter, List<Grouping> groupBy, List<String> sums) {
    /** Most group keys or sums a query may have. */
    public static final int MAX_TERMS = 8;

    /** Validates and copies. */
    public AggregateQuery {
        groupBy = Checks.list("groupBy", groupBy);
        sums = Checks.list("sums", sums);
        Checks.range("groupBy.size", groupBy.size(), 0, MAX_TERMS);
        Checks.range("sums.size", sums.size(), 0, MAX_TERMS);
        for (String field : sums) {
            FieldNames.require("sums[]", field);
        }
    }

    /** A count of all records matching {@code filter}, grouped by {@code groupBy}. */
    public static AggregateQuery count(Condition filter, Grouping... groupBy) {
        return new AggregateQuery(filter, List.of(groupBy), List.of());
    }

    /** This query also summing {@code fields}. */
    public AggregateQuery summing(String... fields) {
        return new AggregateQuery(filter, groupBy, List.of(fields));
    }
}
