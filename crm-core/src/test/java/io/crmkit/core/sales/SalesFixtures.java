package io.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.PricedLine;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.ProductId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared test data and assertions for the sales tests. Builds figures by hand, not with pricing code. */
final class SalesFixtures {
    static final Currency CNY = Currency.getInstance("CNY");
    static final Currency USD = Currency.getInstance("USD");
    static final Currency JPY = Currency.getInstance("JPY");
    static final TenantId TENANT = TenantId.of("t1");
    static final UserId OWNER = UserId.of("u1");
    static final AccountId ACCOUNT = AccountId.of("acc-1");
    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    private SalesFixtures() {}

    /** A line of {@code quantity} units at {@code priceMinor} minor units each, list price = sales price. */
    static SalesLine line(int lineNo, long quantity, long priceMinor, Currency currency) {
        int scale = Money.scaleOf(currency);
        UnitPrice price = UnitPrice.of(BigDecimal.valueOf(priceMinor, scale), currency);
        Money amount = Money.ofMinor(Math.multiplyExact(priceMinor, quantity), currency);
        PricedLine priced = new PricedLine(BigDecimal.valueOf(quantity), price, price, amount);
        return new SalesLine(lineNo, ProductId.of("p" + lineNo), "Product " + lineNo, priced, null);
    }

    /** A CNY line. */
    static SalesLine line(int lineNo, long quantity, long priceMinor) {
        return line(lineNo, quantity, priceMinor, CNY);
    }

    /** Σ line amounts. */
    static Money subtotal(List<SalesLine> lines, Currency currency) {
        Money sum = Money.zero(currency);
        for (SalesLine l : lines) {
            sum = sum.plus(l.amount());
        }
        return sum;
    }

    /** subtotal × discount rounded half-up once. */
    static Money total(Money subtotal, Discount discount) {
        return subtotal.times(discount.multiplier(), RoundingMode.HALF_UP);
    }

    /** A draft quote whose subtotal and total are computed from {@code lines} and {@code discount}. */
    static Quote.Builder quote(List<SalesLine> lines, Discount discount, Currency currency) {
        Money subtotal = subtotal(lines, currency);
        return Quote.builder()
                .id(QuoteId.of("q1")).tenantId(TENANT).accountId(ACCOUNT).title("Offer")
                .currency(currency).lines(lines).wholeOrderDiscount(discount)
                .subtotal(subtotal).total(total(subtotal, discount))
                .owner(OWNER).createdAt(T0).updatedAt(T0);
    }

    /**
     * The order lines of {@code lines} with {@code total} pushed down in proportion to line amounts by
     * the largest-remainder method (ties to the earlier line), so the shares add up to {@code total}.
     */
    static List<OrderLine> pushDown(List<SalesLine> lines, Money total) {
        BigInteger subtotal = BigInteger.ZERO;
        for (SalesLine l : lines) {
            subtotal = subtotal.add(l.amount().minorUnits());
        }
        BigInteger t = total.minorUnits();
        long[] shares = new long[lines.size()];
        BigInteger[] remainders = new BigInteger[lines.size()];
        long given = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (subtotal.signum() == 0) {
                shares[i] = 0;
                remainders[i] = BigInteger.ZERO;
                continue;
            }
            BigInteger[] qr = lines.get(i).amount().minorUnits().multiply(t).divideAndRemainder(subtotal);
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += shares[i];
        }
        long left = t.longValueExact() - given;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < left; k++) {
            shares[order.get(k)]++;
        }
        List<OrderLine> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            result.add(new OrderLine(lines.get(i), Money.ofMinor(shares[i], total.currency()), null));
        }
        return result;
    }

    /** A new, unshipped order over {@code lines} with consistent figures. */
    static SalesOrder.Builder order(List<SalesLine> lines, Discount discount, Currency currency) {
        Money subtotal = subtotal(lines, currency);
        Money total = total(subtotal, discount);
        return SalesOrder.builder()
                .id(SalesOrderId.of("o1")).tenantId(TENANT).accountId(ACCOUNT).currency(currency)
                .lines(pushDown(lines, total)).wholeOrderDiscount(discount).subtotal(subtotal).total(total)
                .owner(OWNER).createdAt(T0).updatedAt(T0);
    }

    /** A draft CNY contract of 1000.00 without lines. */
    static Contract.Builder contract() {
        return Contract.builder()
                .id(ContractId.of("c1")).tenantId(TENANT).accountId(ACCOUNT).number("HT-2026-001")
                .title("Annual supply").currency(CNY).amount(Money.of("1000.00", "CNY"))
                .owner(OWNER).createdAt(T0).updatedAt(T0);
    }

    /** A new opportunity of {@code process}, open at its first stage, amount CNY 0. */
    static Opportunity.Builder opportunity(SalesProcess process) {
        return Opportunity.builder()
                .id(OpportunityId.of("opp-1")).tenantId(TENANT).name("Big deal").accountId(ACCOUNT)
                .amount(Money.zero(CNY)).salesProcessId(process.id()).stage(StageMoves.start(process))
                .owner(OWNER).createdAt(T0).updatedAt(T0);
    }

    /** Asserts {@code call} is refused by {@code machine} from {@code from} for {@code action}, in both languages. */
    static IllegalTransitionException assertRefused(ThrowingCallable call, String machine, String from, String action) {
        IllegalTransitionException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                IllegalTransitionException.class, call);
        assertThat(e).as("expected an IllegalTransitionException").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(e.machine()).isEqualTo(machine);
        assertThat(e.from()).isEqualTo(from);
        assertThat(e.action()).isEqualTo(action);
        assertBilingual(e);
        return e;
    }

    /** Asserts {@code call} fails validation with a violation {@code code} on {@code field}, in both languages. */
    static ValidationException assertInvalid(ThrowingCallable call, String field, ErrorCode code) {
        ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class, call);
        assertThat(e).as("expected a ValidationException").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        Violation match = e.violations().stream()
                .filter(v -> v.field().equals(field) && v.code() == code)
                .findFirst()
                .orElse(null);
        assertThat(match).as("violation %s on %s in: %s", code, field, e.getMessage()).isNotNull();
        String en = match.message();
        String zh = match.message(Locale.SIMPLIFIED_CHINESE);
        assertThat(zh).isNotEqualTo(en);
        assertThat(en).doesNotStartWith(match.messageKey());
        assertThat(zh).doesNotStartWith(match.messageKey());
        assertBilingual(e);
        return e;
    }

    /** The English and Chinese messages both exist and differ. */
    static void assertBilingual(CrmException e) {
        String en = e.getMessage();
        String zh = e.getMessage(Locale.SIMPLIFIED_CHINESE);
        assertThat(en).isNotBlank();
        assertThat(zh).isNotBlank().isNotEqualTo(en);
        // A missing bundle entry renders as the bare key; both bundles must have the entry.
        assertThat(en).doesNotStartWith(e.messageKey());
        assertThat(zh).doesNotStartWith(e.messageKey());
    }
}
