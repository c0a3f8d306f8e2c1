package io.crmkit.core.sales;

import static io.crmkit.core.sales.SalesFixtures.T0;
import static io.crmkit.core.sales.SalesFixtures.USD;
import static io.crmkit.core.sales.SalesFixtures.assertInvalid;
import static io.crmkit.core.sales.SalesFixtures.assertRefused;
import static io.crmkit.core.sales.SalesFixtures.contract;
import static io.crmkit.core.sales.SalesFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.validation.CrmValidation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractTest {
    private static final String MACHINE = "contract-status";
    private static final Instant T1 = T0.plusSeconds(60);
    private static final LocalDate SIGNED = LocalDate.of(2026, 3, 5);

    @Test
    void activateSignsTheContract() {
        Contract active = contract().build().activate(SIGNED, T1);

        assertThat(active.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(active.signedOn()).isEqualTo(SIGNED);
        assertThat(active.updatedAt()).isEqualTo(T1);
    }

    @Test
    void anActiveContractExpiresOrIsTerminated() {
        Contract active = contract().build().activate(SIGNED, T1);

        assertThat(active.expire(T1).status()).isEqualTo(ContractStatus.EXPIRED);
        assertThat(active.terminate(T1).status()).isEqualTo(ContractStatus.TERMINATED);
    }

    @Test
    void aDraftMayBeTerminatedButNotExpired() {
        assertThat(contract().build().terminate(T1).status()).isEqualTo(ContractStatus.TERMINATED);
        assertRefused(() -> contract().build().expire(T1), MACHINE, "DRAFT", "expire");
    }

    @Test
    void activatingTwiceIsRefused() {
        assertRefused(() -> contract().build().activate(SIGNED, T1).activate(SIGNED, T1), MACHINE, "ACTIVE", "activate");
    }

    @Test
    void finalStatusesAllowNoMove() {
        Contract expired = contract().build().activate(SIGNED, T1).expire(T1);
        Contract terminated = contract().build().terminate(T1);

        assertRefused(() -> expired.terminate(T1), MACHINE, "EXPIRED", "terminate");
        assertRefused(() -> expired.activate(SIGNED, T1), MACHINE, "EXPIRED", "activate");
        assertRefused(() -> terminated.activate(SIGNED, T1), MACHINE, "TERMINATED", "activate");
        assertRefused(() -> terminated.expire(T1), MACHINE, "TERMINATED", "expire");
    }

    @Test
    void activatingWithoutASigningDateIsRejected() {
        assertInvalid(() -> contract().build().activate(null, T1), "signedOn", ErrorCode.FIELD_REQUIRED);
        assertInvalid(() -> contract().status(ContractStatus.ACTIVE).build(), "signedOn", ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void thePeriodCannotEndBeforeItStarts() {
        assertInvalid(() -> contract().startsOn(LocalDate.of(2026, 4, 1)).endsOn(LocalDate.of(2026, 3, 31)).build(),
                "endsOn", ErrorCode.FIELD_INVALID);
        Contract oneDay = contract().startsOn(LocalDate.of(2026, 4, 1)).endsOn(LocalDate.of(2026, 4, 1)).build();
        assertThat(oneDay.endsOn()).isEqualTo(oneDay.startsOn());
    }

    @Test
    void linesAndAmountShareTheContractCurrency() {
        assertInvalid(() -> contract().lines(List.of(line(1, 1, 100, USD))).build(), "lines[0].price", ErrorCode.CURRENCY_MISMATCH);
        assertInvalid(() -> contract().amount(Money.of("1.00", "USD")).build(), "amount", ErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void theAmountIsNeverNegativeAndNeedNotMatchTheLines() {
        assertInvalid(() -> contract().amount(Money.of("-0.01", "CNY")).build(), "amount", ErrorCode.FIELD_NEGATIVE);
        // 2 × 1.00 in lines, 1000.00 agreed: the agreed amount stands.
        Contract c = contract().lines(List.of(line(1, 2, 100))).build();
        assertThat(c.amount()).isEqualTo(Money.of("1000.00", "CNY"));
    }

    @Test
    void theWholeOrderDiscountDefaultsToNoneAndAMissingOneReadsAsNone() {
        assertThat(contract().build().wholeOrderDiscount()).isEqualTo(Discount.NONE);
        assertThat(contract().wholeOrderDiscount(null).build().wholeOrderDiscount()).isEqualTo(Discount.NONE);
        Contract discounted = contract().wholeOrderDiscount(Discount.zhe("9.5")).build();
        assertThat(discounted.wholeOrderDiscount().multiplier()).isEqualByComparingTo("0.95");
        assertThat(discounted.toBuilder().build()).isEqualTo(discounted);
    }

    @Test
    void duplicateLineNumbersAreRejected() {
        assertInvalid(() -> contract().lines(List.of(line(1, 1, 100), line(1, 1, 100))).build(), "lines", ErrorCode.FIELD_INVALID);
    }

    @Test
    void attachmentsNeedAUriAndAFileName() {
        AttachmentRef pdf = new AttachmentRef("s3://contracts/ht-2026-001.pdf", "HT-2026-001.pdf", "application/pdf");
        assertThat(contract().attachments(List.of(pdf)).build().attachments()).containsExactly(pdf);
        assertInvalid(() -> new AttachmentRef("not a uri", "a.pdf", null), "uri", ErrorCode.FIELD_INVALID);
        assertInvalid(() -> new AttachmentRef("s3://x/a.pdf", " ", null), "fileName", ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void aBlankNumberIsAContentViolation() {
        assertThat(CrmValidation.violations(contract().number(" ").build()))
                .extracting(v -> v.field() + ":" + v.code())
                .containsExactly("number:" + ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void toBuilderRoundTripsEveryComponent() {
        Contract c = contract().sourceQuoteId(QuoteId.of("q1")).lines(List.of(line(1, 2, 100)))
                .startsOn(LocalDate.of(2026, 4, 1)).endsOn(LocalDate.of(2027, 3, 31))
                .attachments(List.of(new AttachmentRef("https://files.example/1", "1.pdf", null))).version(1).build()
                .activate(SIGNED, T1);

        assertThat(c.toBuilder().build()).isEqualTo(c);
    }
}
