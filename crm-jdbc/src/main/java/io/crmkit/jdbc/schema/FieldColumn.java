package io.crmkit.jdbc.schema;

import io.crmkit.core.record.RecordFields.FieldKind;

/**
 * Where a standard model field lives in its record table: conditions, orderings and aggregates on
 * the field are compiled to this column (and, for money, the currency column next to it).
 *
 * @param field the model field ({@code lastFollowUpAt})
 * @param kind what it holds, as {@link io.crmkit.core.record.RecordFields#kind} says
 * @param column the column ({@code last_follow_up_at}); for money, the amount
 * @param currencyColumn for money only, the column of its currency code ({@code amount_currency}); null otherwise
 */
public record FieldColumn(String field, FieldKind kind, String column, String currencyColumn) {}
