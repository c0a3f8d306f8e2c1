package io.crmkit.core.sales;

import static io.crmkit.core.sales.SalesFixtures.CNY;
import static io.crmkit.core.sales.SalesFixtures.T0;
import static io.crmkit.core.sales.SalesFixtures.contract;
import static io.crmkit.core.sales.SalesFixtures.line;
import static io.crmkit.core.sales.SalesFixtures.opportunity;
import static io.crmkit.core.sales.SalesFixtures.order;
import static io.crmkit.core.sales.SalesFixtures.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crmkit.core.contact.ContactId;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sales records read back from JSON exactly as written, without their computed values. */
class SalesJsonTest {
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private <T> T roundTrip(T value, Class<T> type) throws Exception {
        return json.readValue(json.writeValueAsString(value), type);
    }

    @Test
    void salesProcessRoundTrips() throws Exception {
        SalesProcess p = SalesProcess.defaultProcess().toBuilder().lostReasons(List.of("PRICE")).build();

        assertThat(roundTrip(p, SalesProcess.class)).isEqualTo(p);
        assertThat(json.writeValueAsString(p)).doesNotContain("firstStage").doesNotContain("lastStage");
    }

    @Test
    void opportunityRoundTrips() throws Exception {
        SalesProcess p = SalesProcess.defaultProcess();
        Opportunity o = opportunity(p).sourceLeadId(LeadId.of("lead-1")).expectedCloseDate(LocalDate.of(2026, 6, 30))
                .lines(List.of(line(1, 2, 1999))).wholeOrderDiscount(Discount.zhe("8.5"))
                .contacts(List.of(new OpportunityContact(ContactId.of("c1"), "BUYER", Stance.OPPONENT, ContactStatus.LEFT,
                        Relationship.DISTANT, true)))
                .competitors(List.of(new Competitor("Rival", "price", null, "met at fair")))
                .customFields(CustomFields.of(Map.of("region", new CustomValue.Text("east"))))
                .build().close(p, CloseResult.LOST, "price", T0.plusSeconds(5));

        String text = json.writeValueAsString(o);

        assertThat(roundTrip(o, Opportunity.class)).isEqualTo(o);
        assertThat(text).doesNotContain("\"closed\"").doesNotContain("\"open\"");
    }

    @Test
    void quoteRoundTrips() throws Exception {
        Quote q = quote(List.of(line(1, 3, 1234)), Discount.zhe("9"), CNY).build().send(T0.plusSeconds(1));

        assertThat(roundTrip(q, Quote.class)).isEqualTo(q);
    }

    @Test
    void orderRoundTripsWithoutItsComputedFigures() throws Exception {
        SalesOrder o = order(List.of(line(1, 3, 1234), line(2, 1, 10)), Discount.zhe("9"), CNY).build()
                .withDelivered(1, new BigDecimal("2.5"), T0).ship(T0)
                .recordReturn(new OrderReturn(1, new BigDecimal("0.5"), Money.of("5.55", "CNY"), "late", T0), T0)
                .recordInvoice(new Invoice("INV-1", Money.of("10.00", "CNY"), LocalDate.of(2026, 3, 3)), T0)
                .withAllocated(Money.of("7.00", "CNY"), T0);

        String text = json.writeValueAsString(o);

        assertThat(roundTrip(o, SalesOrder.class)).isEqualTo(o);
        assertThat(text).doesNotContain("receivable").doesNotContain("outstanding").doesNotContain("returnsTotal")
                .doesNotContain("invoicedTotal").doesNotContain("orderedQuantity");
    }

    @Test
    void contractRoundTrips() throws Exception {
        Contract c = contract().attachments(List.of(new AttachmentRef("https://files.example/1", "1.pdf", "application/pdf")))
                .lines(List.of(line(1, 1, 100))).build().activate(LocalDate.of(2026, 3, 5), T0);

        assertThat(roundTrip(c, Contract.class)).isEqualTo(c);
    }
}
