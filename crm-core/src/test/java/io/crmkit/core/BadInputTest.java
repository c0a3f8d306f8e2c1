package io.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.contact.ContactId;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.Pricing;
import io.crmkit.core.money.PricingPolicy;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.tenant.RequiredFields;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The foundation's promise, in one place: each kind of bad input named by the issue (negative
 * quantity, discount 1.2, currency mix, illegal transition, missing required field) is a typed
 * error with a stable code and a message in English and in Simplified Chinese.
 */
class BadInputTest {
    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");

    @Test
    void negativeQuantity() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> Pricing.priceLine(
                new BigDecimal("-2"), UnitPrice.of("10", "CNY"), UnitPrice.of("9", "CNY"), PricingPolicy.defaults()));

        assertThat(e.violations()).extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("quantity", ErrorCode.FIELD_NOT_POSITIVE));
        assertBilingual(e, "-2");
    }

    @Test
    void discountAboveOne() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> Discount.multiplier("1.2"));

        assertThat(e.hasViolation("discount", ErrorCode.DISCOUNT_OUT_OF_RANGE)).isTrue();
        assertBilingual(e, "1.2");
    }

    @Test
    void currencyMix() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> Money.of("100.00", "CNY").plus(Money.of("100.00", "USD")));

        assertThat(e.hasViolation("currency", ErrorCode.CURRENCY_MISMATCH)).isTrue();
        assertBilingual(e, "USD");
    }

    @Test
    void illegalTransition() {
        Lead converted = lead().convert(AccountId.of("acc-1"), ContactId.of("con-1"), null, T0);

        IllegalTransitionException e = catchThrowableOfType(IllegalTransitionException.class,
                () -> converted.markInvalid("duplicate"));

        assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(e.machine()).isEqualTo("lead-status");
        assertThat(e.from()).isEqualTo("CONVERTED");
        assertBilingual(e, "CONVERTED");
    }

    @Test
    void missingRequiredFields() {
        Lead withoutNameAndPhone = lead().toBuilder().personName(null).phone(" ").build();

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> RequiredFields.defaults().check(RecordType.LEAD, withoutNameAndPhone));

        assertThat(e.violations()).extracting(Violation::field, Violation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("personName", ErrorCode.FIELD_REQUIRED),
                org.assertj.core.groups.Tuple.tuple("phone", ErrorCode.FIELD_REQUIRED));
        assertBilingual(e, "personName");
    }

    /** English and Chinese messages both exist, differ, and carry the offending detail. */
    private static void assertBilingual(CrmException e, String detail) {
        String english = e.getMessage();
        String chinese = e.getMessage(Locale.SIMPLIFIED_CHINESE);
        assertThat(english).contains(detail).doesNotContainPattern("\\p{IsHan}");
        assertThat(chinese).contains(detail).containsPattern("\\p{IsHan}").isNotEqualTo(english);
    }

    private static Lead lead() {
        return Lead.builder()
                .id(LeadId.of("lead-1"))
                .tenantId(TenantId.of("tenant-1"))
                .personName("Han Meimei")
                .company("Suzhou Valves Co., Ltd.")
                .phone("+86 139 0000 0000")
                .details("Asked for a catalogue")
                .poolId(LeadPoolId.of("fair-leads"))
                .createdAt(T0)
                .updatedAt(T0)
                .build();
    }
}
