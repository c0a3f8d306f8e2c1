package io.crmkit.core.sales;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks the documents of this package share: unique line numbers, one currency, consistent totals. */
final class SalesLines {
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private SalesLines() {}

    /** Rejects a line number used twice. */
    static void requireUniqueLineNos(String field, List<SalesLine> lines) {
        Set<Integer> seen = new HashSet<>();
        for (SalesLine line : lines) {
            if (!seen.add(line.lineNo())) {
                throw ValidationException.of(field, ErrorCode.FIELD_INVALID,
                        "line number " + line.lineNo() + " is used twice; number every line once");
            }
        }
    }

    /** Rejects a line in another currency than {@code currency}. */
    static void requireCurrency(String field, List<SalesLine> lines, Currency currency) {
        for (int i = 0; i < lines.size(); i++) {
            requireCurrency(field + "[" + i + "].price", lines.get(i).currency(), currency);
        }
    }

    /** Rejects {@code money} in another currency than {@code currency}. */
    static void requireCurrency(String field, Money money, Currency currency) {
        requireCurrency(field, money.currency(), currency);
    }

    private static void requireCurrency(String field, Currency actual, Currency expected) {
        if (!actual.equals(expected)) {
            throw ValidationException.of(field, ErrorCode.CURRENCY_MISMATCH,
                    expected.getCurrencyCode(), actual.getCurrencyCode());
        }
    }

    /** Σ line amounts, zero for no lines; the lines must be in {@code currency}. */
    static Money sumAmounts(List<SalesLine> lines, Currency currency) {
        Money sum = Money.zero(currency);
        for (SalesLine line : lines) {
            sum = sum.plus(line.amount());
        }
        return sum;
    }

    /**
     * Requires {@code subtotal} = Σ line amounts exactly, and {@code total} = subtotal × discount
     * rounded once with a half-way rounding mode (so within half a minor unit of the exact product;
     * any of the allowed modes passes), which also keeps 0 ≤ total ≤ subtotal.
     */
    static void requireTotals(List<SalesLine> lines, Currency currency, Discount discount, Money subtotal, Money total) {
        Money sum = sumAmounts(lines, currency);
        if (subtotal.compareTo(sum) != 0) {
            throw ValidationException.of("subtotal", ErrorCode.SALES_TOTAL_MISMATCH, sum, subtotal);
        }
        BigDecimal exact = discount.applyTo(subtotal.amount());
        BigDecimal halfMinorUnit = HALF.movePointLeft(subtotal.scale());
        if (exact.subtract(total.amount()).abs().compareTo(halfMinorUnit) > 0) {
            throw ValidationException.of("total", ErrorCode.SALES_TOTAL_MISMATCH,
                    Money.rounded(exact, currency, RoundingMode.HALF_UP), total);
        }
    }
}
