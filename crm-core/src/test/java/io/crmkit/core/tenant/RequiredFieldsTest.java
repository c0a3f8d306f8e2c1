package io.crmkit.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.contact.ContactId;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequiredFieldsTest {
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    /** Stands in for the lead record, which is written elsewhere; shaped like DOMAIN.md's lead. */
    record LeadCard(String personName, String company, String phone, String email, String details,
            List<String> tags, Map<String, String> extra, CustomFields customFields) {}

    /** A record without custom fields. */
    private record Note(String text, int priority) {}

    private static final List<String> LEAD_CARD_TEXT_FIELDS = List.of("personName", "company", "phone", "email", "details");

    private static LeadCard emptyCard() {
        return new LeadCard(null, " ", "", null, "\t", List.of(), Map.of(), CustomFields.none());
    }

    private static Account.Builder account() {
        return Account.builder().id(AccountId.of("a1")).tenantId(TenantId.of("t1")).name("Acme")
                .owner(UserId.of("alice")).ownedSince(T0).createdAt(T0).updatedAt(T0);
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void the_defaults_are_those_of_the_domain() {
        RequiredFields defaults = RequiredFields.defaults();
        assertThat(defaults.fieldsFor(RecordType.LEAD)).containsExactly("personName", "company", "phone", "details");
        assertThat(defaults.fieldsFor(RecordType.ACCOUNT)).containsExactly("name");
        assertThat(defaults.fieldsFor(RecordType.CONTACT)).containsExactly("name");
        assertThat(defaults.fieldsFor(RecordType.OPPORTUNITY)).isEmpty();
        assertThat(defaults.fields()).containsOnlyKeys(RecordType.LEAD, RecordType.ACCOUNT, RecordType.CONTACT);
    }

    @Test
    void defaults_report_every_missing_lead_field_at_once_in_both_languages() {
        LeadCard card = new LeadCard(null, "  ", "13800000000", null, "", List.of(), Map.of(), null);

        assertThatThrownBy(() -> RequiredFields.defaults().check(RecordType.LEAD, card))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.violations()).extracting(v -> v.field() + " " + v.code()).containsExactly(
                            "personName " + ErrorCode.FIELD_REQUIRED,
                            "company " + ErrorCode.FIELD_REQUIRED,
                            "details " + ErrorCode.FIELD_REQUIRED);
                    assertThat(e.getMessage()).contains("personName is required", "company is required",
                            "details is required");
                    assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).contains("personName 为必填项",
                            "company 为必填项", "details 为必填项");
                });
    }

    @Test
    void defaults_accept_a_complete_lead_and_check_accounts_and_contacts_by_name() {
        LeadCard card = new LeadCard("王五", "Acme", "13800000000", null, "met at the fair", List.of(), Map.of(), null);
        assertThat(RequiredFields.defaults().missing(RecordType.LEAD, card)).isEmpty();

        assertThat(RequiredFields.defaults().missing(RecordType.ACCOUNT, account().build())).isEmpty();
        assertThat(fields(RequiredFields.defaults().missing(RecordType.ACCOUNT, account().name(" ").build())))
                .containsExactly("name");
        Contact nameless = Contact.builder().id(ContactId.of("c1")).tenantId(TenantId.of("t1")).createdAt(T0)
                .updatedAt(T0).build();
        assertThat(fields(RequiredFields.defaults().missing(RecordType.CONTACT, nameless))).containsExactly("name");
        // Nothing is configured for products, so nothing is missing whatever the record holds.
        assertThat(RequiredFields.defaults().missing(RecordType.PRODUCT, nameless)).isEmpty();
    }

    @Test
    void a_tenant_configuration_reports_several_missing_account_fields_together() {
        RequiredFields config = RequiredFields.defaults()
                .with(RecordType.ACCOUNT, List.of("name", "phone", "email", "addresses", "level", "custom.region"));

        ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class,
                () -> config.check(RecordType.ACCOUNT, account().level("A").build()));

        assertThat(fields(e.violations())).containsExactly("phone", "email", "addresses", "customFields.region");
        assertThat(e.violations()).allSatisfy(v -> assertThat(v.code()).isEqualTo(ErrorCode.FIELD_REQUIRED));
        assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).contains("customFields.region 为必填项")
                .isNotEqualTo(e.getMessage());

        Account complete = account().phone("021-5555").email("a@acme.example").level("A")
                .addresses(List.of(io.crmkit.core.account.Address.builder(io.crmkit.core.account.AddressKind.OFFICE).build()))
                .customFields(CustomFields.none().with("region", new CustomValue.Choice("east")))
                .build();
        assertThat(config.missing(RecordType.ACCOUNT, complete)).isEmpty();
    }

    @Test
    void empty_means_null_blank_empty_collection_or_map_and_blank_or_empty_custom_values() {
        RequiredFields config = RequiredFields.none().with(RecordType.LEAD,
                List.of("tags", "extra", "custom.note", "custom.labels", "custom.score", "custom.vip"));

        LeadCard empty = new LeadCard(null, null, null, null, null, List.of(), Map.of(),
                CustomFields.none().with("note", new CustomValue.Text("   "))
                        .with("labels", new CustomValue.Choices(List.of())));
        assertThat(fields(config.missing(RecordType.LEAD, empty))).containsExactly(
                "tags", "extra", "customFields.note", "customFields.labels", "customFields.score", "customFields.vip");

        LeadCard filled = new LeadCard(null, null, null, null, null, List.of("vip"), Map.of("k", "v"),
                CustomFields.none().with("note", new CustomValue.Text("x"))
                        .with("labels", new CustomValue.Choices(List.of("a")))
                        .with("score", new CustomValue.Number(BigDecimal.ZERO))
                        .with("vip", new CustomValue.Flag(false)));
        // Zero and false are values, not absence.
        assertThat(config.missing(RecordType.LEAD, filled)).isEmpty();
    }

    @Test
    void a_configured_field_the_record_does_not_have_is_a_configuration_error_naming_it() {
        RequiredFields config = RequiredFields.none().with(RecordType.LEAD, List.of("personName", "fax", "wechat"));

        assertThatThrownBy(() -> config.missing(RecordType.LEAD, emptyCard()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(v -> v.field() + " " + v.code()).containsExactly(
                            "fax " + ErrorCode.FIELD_INVALID, "wechat " + ErrorCode.FIELD_INVALID);
                    assertThat(e.getMessage()).contains("LeadCard has no such field");
                    assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).contains("fax 无效");
                });
    }

    @Test
    void a_custom_field_on_a_record_without_custom_fields_is_a_configuration_error() {
        RequiredFields config = RequiredFields.none().with(RecordType.REMINDER, List.of("text", "custom.channel"));
        assertThatThrownBy(() -> config.missing(RecordType.REMINDER, new Note("hi", 1)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("custom.channel", ErrorCode.FIELD_INVALID)).isTrue());
    }

    @Test
    void private_records_are_read_too() {
        RequiredFields config = RequiredFields.none().with(RecordType.REMINDER, List.of("text", "priority"));
        assertThat(fields(config.missing(RecordType.REMINDER, new Note(" ", 0)))).containsExactly("text");
        assertThat(config.missing(RecordType.REMINDER, new Note("call back", 0))).isEmpty();
    }

    @Test
    void malformed_names_are_rejected_together_on_configuration() {
        assertThatThrownBy(() -> RequiredFields.none().with(RecordType.LEAD,
                List.of("personName", "Phone", "custom.Region", "a.b", "", "custom.")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).hasSize(5);
                    assertThat(e.violations()).allSatisfy(v -> {
                        assertThat(v.field()).isEqualTo("requiredFields[LEAD]");
                        assertThat(v.code()).isEqualTo(ErrorCode.FIELD_INVALID);
                    });
                });
    }

    @Test
    void the_owner_of_pooled_records_is_not_configurable() {
        for (RecordType pooled : List.of(RecordType.ACCOUNT, RecordType.LEAD)) {
            assertThatThrownBy(() -> RequiredFields.defaults().plus(pooled, "owner"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.hasViolation("requiredFields[" + pooled + "]", ErrorCode.FIELD_INVALID)).isTrue();
                        assertThat(e.getMessage()).contains("only inside a pool");
                    });
        }
        // A contact's owner is a tenant's choice.
        assertThat(RequiredFields.defaults().plus(RecordType.CONTACT, "owner").fieldsFor(RecordType.CONTACT))
                .containsExactly("name", "owner");
    }

    @Test
    void plus_minus_and_with_edit_one_type_and_empty_types_disappear() {
        RequiredFields config = RequiredFields.defaults().plus(RecordType.ACCOUNT, "phone").minus(RecordType.LEAD, "phone");
        assertThat(config.fieldsFor(RecordType.ACCOUNT)).containsExactly("name", "phone");
        assertThat(config.fieldsFor(RecordType.LEAD)).containsExactly("personName", "company", "details");
        assertThat(config.fieldsFor(RecordType.CONTACT)).containsExactly("name");

        RequiredFields noContact = config.with(RecordType.CONTACT, List.of());
        assertThat(noContact.fields()).doesNotContainKey(RecordType.CONTACT);
        assertThat(noContact.minus(RecordType.ACCOUNT, "name").minus(RecordType.ACCOUNT, "phone"))
                .isEqualTo(RequiredFields.none().with(RecordType.LEAD, List.of("personName", "company", "details")));
        assertThat(new RequiredFields(Map.of(RecordType.QUOTE, Set.of()))).isEqualTo(RequiredFields.none());
        assertThat(new RequiredFields(null)).isEqualTo(RequiredFields.none());
    }

    @Test
    void the_configuration_is_immutable() {
        Set<String> names = new LinkedHashSet<>(List.of("name"));
        RequiredFields config = new RequiredFields(Map.of(RecordType.ACCOUNT, names));
        names.add("phone");
        assertThat(config.fieldsFor(RecordType.ACCOUNT)).containsExactly("name");
        assertThatThrownBy(() -> config.fieldsFor(RecordType.ACCOUNT).add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void json_round_trip_keeps_the_checking_order() throws Exception {
        RequiredFields config = RequiredFields.defaults()
                .with(RecordType.LEAD, List.of("details", "phone", "company", "personName", "email", "custom.region"));
        ObjectMapper json = new ObjectMapper();

        RequiredFields read = json.readValue(json.writeValueAsString(config), RequiredFields.class);

        assertThat(read).isEqualTo(config);
        assertThat(read.fieldsFor(RecordType.LEAD))
                .containsExactly("details", "phone", "company", "personName", "email", "custom.region");
    }

    @Test
    void missing_reports_exactly_the_configured_empty_fields_in_configuration_order() {
        // A random configuration (an ordered choice of fields) against a card with random fields blank.
        qt().withExamples(300).forAll(
                lists().of(integers().between(0, LEAD_CARD_TEXT_FIELDS.size() - 1)).ofSizeBetween(0, 8),
                integers().between(0, (1 << LEAD_CARD_TEXT_FIELDS.size()) - 1))
                .checkAssert((picks, filledMask) -> {
                    LinkedHashSet<String> configured = new LinkedHashSet<>();
                    picks.forEach(i -> configured.add(LEAD_CARD_TEXT_FIELDS.get(i)));
                    String[] values = new String[LEAD_CARD_TEXT_FIELDS.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = (filledMask & (1 << i)) != 0 ? "v" + i : (i % 2 == 0 ? null : " ");
                    }
                    LeadCard card = new LeadCard(values[0], values[1], values[2], values[3], values[4],
                            List.of(), Map.of(), null);
                    RequiredFields config = RequiredFields.none().with(RecordType.LEAD, configured);

                    List<String> expected = new ArrayList<>();
                    for (String name : configured) {
                        if ((filledMask & (1 << LEAD_CARD_TEXT_FIELDS.indexOf(name))) == 0) {
                            expected.add(name);
                        }
                    }
                    assertThat(fields(config.missing(RecordType.LEAD, card))).isEqualTo(expected);
                    if (expected.isEmpty()) {
                        config.check(RecordType.LEAD, card);
                    } else {
                        assertThatThrownBy(() -> config.check(RecordType.LEAD, card))
                                .isInstanceOfSatisfying(ValidationException.class,
                                        e -> assertThat(fields(e.violations())).isEqualTo(expected));
                    }
                });
    }
}
