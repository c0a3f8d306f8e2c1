package io.crmkit.core.payment;

import static io.crmkit.core.payment.PaymentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payment records read back from JSON exactly as written, without their computed values. */
class PaymentJsonTest {
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private <T> T roundTrip(T value, Class<T> type) throws Exception {
        return json.readValue(json.writeValueAsString(value), type);
    }

    @Test
    void paymentRoundTrips() throws Exception {
        Payment p = payment(Money.of("1000.50", "CNY"))
                .externalReference("TXN-1")
                .note("first payment")
                .customFields(CustomFields.of(Map.of("region", new CustomValue.Text("east"))))
                .build()
                .allocate(Money.of("400.25", "CNY"));

        String text = json.writeValueAsString(p);

        assertThat(roundTrip(p, Payment.class)).isEqualTo(p);
        assertThat(text).doesNotContain("unallocated").doesNotContain("fullyAllocated");
    }

    @Test
    void allocationRoundTrips() throws Exception {
        PaymentAllocation a = allocation(Money.of("10", "JPY"))
                .installment(PaymentPlanId.of("plan-1"), 2)
                .build()
                .reverse(BOB, Instant.parse("2026-03-02T00:00:00Z"), "wrong order");

        assertThat(roundTrip(a, PaymentAllocation.class)).isEqualTo(a);
        assertThat(json.writeValueAsString(a)).doesNotContain("\"active\"");
    }

    @Test
    void planAndStandingRoundTrip() throws Exception {
        PaymentPlan p = plan(USD, PaymentPlan.installmentsFrom(
                List.of(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 31)),
                List.of(Money.of("30.00", "USD"), Money.of("70.00", "USD"))))
                .build()
                .recordPayment(1, Money.of("12.34", "USD"));
        InstallmentStanding s = p.installment(1).standing(LocalDate.of(2026, 5, 3));

        assertThat(roundTrip(p, PaymentPlan.class)).isEqualTo(p);
        assertThat(json.writeValueAsString(p)).doesNotContain("total").doesNotContain("outstanding");
        assertThat(roundTrip(s, InstallmentStanding.class)).isEqualTo(s);
    }
}
