package io.crmkit.core.lead;

import static io.crmkit.core.lead.LeadFixtures.T0;
import static io.crmkit.core.lead.LeadFixtures.leadIn;
import static io.crmkit.core.lead.LeadFixtures.newLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.error.Violation;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.tenant.RequiredFields;
import io.crmkit.core.validation.CrmValidation;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class LeadTest {
    private static final UserId ALICE = UserId.of("alice");

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void validationReportsATooLongNameAndABadEmailAtOnce() {
        Lead lead = newLead().toBuilder()
                .personName("x".repeat(Lead.MAX_PERSON_NAME + 1))
                .email("not-an-email")
                .build();

        assertThatThrownBy(() -> CrmValidation.validate(lead))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.violations()).extracting(Violation::field, Violation::code)
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple("email", ErrorCode.FIELD_INVALID),
                                    org.assertj.core.groups.Tuple.tuple("personName", ErrorCode.FIELD_OUT_OF_RANGE));
                    assertThat(e.getMessage()).contains("personName").contains("email");
                    assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(e.getMessage());
                });
    }

    @Test
    void aLeadWithinEveryLimitPassesValidation() {
        Lead lead = newLead().toBuilder()
                .personName("x".repeat(Lead.MAX_PERSON_NAME))
                .details("d".repeat(Lead.MAX_DETAILS))
                .build();

        assertThat(CrmValidation.violations(lead)).isEmpty();
    }

    @Test
    void requiredFieldsAreTenantConfigurationNotAnnotations() {
        // Required-by-default fields are checked by the rules against the tenant's settings, so a
        // lead with only a phone number is a valid record.
        Lead sparse = newLead().toBuilder().personName(null).company(" ").email(null).details(null).build();

        assertThat(CrmValidation.violations(sparse)).isEmpty();
        assertThat(sparse.company()).isNull();
        // The tenant default (DOMAIN.md section 1: person name, company, phone, details) reports
        // every missing one at once; the phone is present.
        assertThat(RequiredFields.defaults().missing(RecordType.LEAD, sparse))
                .extracting(Violation::field)
                .containsExactly("personName", "company", "details");
    }

    @Test
    void textIsStoredStripped() {
        Lead lead = newLead().toBuilder().personName("  Han Meimei ").source(" web ").build();

        assertThat(lead.personName()).isEqualTo("Han Meimei");
        assertThat(lead.source()).isEqualTo("web");
    }

    @Test
    void aLeadNeedsAPoolOrAnOwner() {
        assertRejected(b -> b.poolId(null).owner(null), "owner", ErrorCode.FIELD_INVALID);

        Lead owned = newLead().toBuilder().poolId(null).owner(ALICE).ownedSince(T0).build();
        Lead claimed = newLead().withOwner(ALICE, T0);

        assertThat(owned.isUnclaimed()).isFalse();
        assertThat(claimed.poolId()).isEqualTo(LeadFixtures.POOL);
        assertThat(claimed.owner()).isEqualTo(ALICE);
        assertThat(newLead().isUnclaimed()).isTrue();
    }

    @Test
    void returningALeadClearsItsOwnerAndSetsThePool() {
        LeadPoolId other = LeadPoolId.of("pool-2");

        Lead returned = newLead().withOwner(ALICE, T0).returnedTo(other);

        assertThat(returned.owner()).isNull();
        assertThat(returned.poolId()).isEqualTo(other);
        assertThatThrownBy(() -> newLead().returnedTo(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> newLead().withOwner(null, T0)).isInstanceOf(ValidationException.class);
    }

    @Test
    void invalidFieldsGoWithTheInvalidStatusOnly() {
        assertRejected(b -> b.status(LeadStatus.INVALID).invalidReason("spam"),
                "statusBeforeInvalid", ErrorCode.FIELD_REQUIRED);
        assertRejected(b -> b.status(LeadStatus.INVALID).statusBeforeInvalid(LeadStatus.NEW),
                "invalidReason", ErrorCode.FIELD_REQUIRED);
        assertRejected(b -> b.status(LeadStatus.INVALID).statusBeforeInvalid(LeadStatus.CONVERTED).invalidReason("spam"),
                "statusBeforeInvalid", ErrorCode.FIELD_INVALID);
        assertRejected(b -> b.status(LeadStatus.INVALID).statusBeforeInvalid(LeadStatus.INVALID).invalidReason("spam"),
                "statusBeforeInvalid", ErrorCode.FIELD_INVALID);
        assertRejected(b -> b.statusBeforeInvalid(LeadStatus.NEW), "statusBeforeInvalid", ErrorCode.FIELD_INVALID);
        assertRejected(b -> b.invalidReason("spam"), "invalidReason", ErrorCode.FIELD_INVALID);
    }

    @Test
    void conversionFieldsGoWithTheConvertedStatusOnly() {
        assertRejected(b -> b.status(LeadStatus.CONVERTED).convertedContactId(LeadFixtures.CONTACT).convertedAt(T0),
                "convertedAccountId", ErrorCode.FIELD_REQUIRED);
        assertRejected(b -> b.status(LeadStatus.CONVERTED).convertedAccountId(LeadFixtures.ACCOUNT).convertedAt(T0),
                "convertedContactId", ErrorCode.FIELD_REQUIRED);
        assertRejected(b -> b.status(LeadStatus.CONVERTED).convertedAccountId(LeadFixtures.ACCOUNT)
                .convertedContactId(LeadFixtures.CONTACT), "convertedAt", ErrorCode.FIELD_REQUIRED);
        assertRejected(b -> b.convertedAccountId(LeadFixtures.ACCOUNT), "convertedAccountId", ErrorCode.FIELD_INVALID);
        assertRejected(b -> b.status(LeadStatus.MQL).convertedOpportunityId(LeadFixtures.OPPORTUNITY),
                "convertedOpportunityId", ErrorCode.FIELD_INVALID);
        assertRejected(b -> b.convertedAt(T0), "convertedAt", ErrorCode.FIELD_INVALID);
        // The opportunity is optional on a converted lead.
        assertThat(leadIn(LeadStatus.CONVERTED, null).convertedOpportunityId()).isNull();
    }

    @Test
    void structuralPartsAreRequired() {
        assertRejected(b -> b.id(null), "id", ErrorCode.FIELD_REQUIRED);
        assertRejected(b -> b.tenantId(null), "tenantId", ErrorCode.FIELD_REQUIRED);
        assertRejected(b -> b.status(null), "status", ErrorCode.FIELD_REQUIRED);
        assertRejected(b -> b.createdAt(null), "createdAt", ErrorCode.FIELD_REQUIRED);
        assertRejected(b -> b.updatedAt(null), "updatedAt", ErrorCode.FIELD_REQUIRED);
        assertRejected(b -> b.version(-1), "version", ErrorCode.FIELD_OUT_OF_RANGE);
        assertThat(newLead().toBuilder().customFields(null).build().customFields()).isEqualTo(CustomFields.none());
    }

    @Test
    void lockAndVoidAreFlagsTheLifeCycleDoesNotTouch() {
        Lead lead = newLead().withLocked(true).withVoided(true).markFollowingUp(T0);

        assertThat(lead.locked()).isTrue();
        assertThat(lead.voided()).isTrue();
        assertThat(lead.withLocked(false).locked()).isFalse();
        assertThat(lead.withVoided(false).voided()).isFalse();
    }

    @Test
    void leadsInEveryStatusRoundTripThroughJsonWithoutComputedValues() throws Exception {
        Lead base = newLead().toBuilder()
                .owner(ALICE)
                .ownedSince(T0)
                .customFields(CustomFields.of(Map.of("budget", new CustomValue.Text("about 1m"))))
                .build();
        Lead[] leads = {
            base,
            base.markFollowingUp(T0.plusSeconds(10)),
            base.markMql().markInvalid("duplicate"),
            base.convert(LeadFixtures.ACCOUNT, LeadFixtures.CONTACT, LeadFixtures.OPPORTUNITY, T0.plusSeconds(20))
        };
        for (Lead lead : leads) {
            String text = json.writeValueAsString(lead);

            assertThat(json.readValue(text, Lead.class)).isEqualTo(lead);
            assertThat(text).doesNotContain("\"converted\"").doesNotContain("\"unclaimed\"")
                    .doesNotContain("allowedActions");
        }
    }

    private static void assertRejected(UnaryOperator<Lead.Builder> change, String field, ErrorCode code) {
        assertThatThrownBy(() -> change.apply(newLead().toBuilder()).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).as(e.getMessage())
                                .anySatisfy(v -> {
                                    assertThat(v.field()).isEqualTo(field);
                                    assertThat(v.code()).isEqualTo(code);
                                }));
    }
}
