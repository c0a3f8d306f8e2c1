package io.crmkit.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.RecordContract;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.PricingPolicy;
import io.crmkit.core.record.RecordType;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import io.crmkit.core.sales.AutoCloseRule;
import io.crmkit.core.sales.SalesProcess;
import io.crmkit.core.sales.SalesSettings;
import io.crmkit.core.sales.StageId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TenantSettingsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Currency CNY = Currency.getInstance("CNY");

    @Test
    void defaults_need_only_zone_and_currency() {
        TenantSettings settings = TenantSettings.defaults(SHANGHAI, CNY);
        assertThat(settings.zone()).isEqualTo(SHANGHAI);
        assertThat(settings.currency()).isEqualTo(CNY);
        assertThat(settings.pricing()).isEqualTo(PricingPolicy.defaults());
        assertThat(settings.requiredFields()).isEqualTo(RequiredFields.defaults());
        assertThat(settings.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(settings.duplicatePolicy()).isEqualTo(DuplicatePolicy.defaults());
    }

    @Test
    void settings_stored_before_the_duplicate_policy_existed_read_with_the_default_policy() throws Exception {
        var mapper = io.crmkit.core.json.CrmJackson.newObjectMapper();
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.valueToTree(TenantSettings.defaults(SHANGHAI, CNY)
                .toBuilder().duplicatePolicy(DuplicatePolicy.everywhere(DuplicateAction.ALLOW)).build());
        json.remove("duplicatePolicy");
        assertThat(mapper.treeToValue(json, TenantSettings.class).duplicatePolicy()).isEqualTo(DuplicatePolicy.defaults());
    }

    @Test
    void there_is_no_default_zone_or_currency() {
        assertThatThrownBy(() -> TenantSettings.builder().currency(CNY).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("zone", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> TenantSettings.builder().zone(SHANGHAI).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("currency", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> TenantSettings.defaults(SHANGHAI, CNY).toBuilder().locale(null).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("locale", ErrorCode.FIELD_REQUIRED)).isTrue());
    }

    @Test
    void a_currency_without_minor_unit_cannot_be_the_default() {
        assertThatThrownBy(() -> TenantSettings.defaults(SHANGHAI, Currency.getInstance("XXX")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("currency", ErrorCode.CURRENCY_UNSUPPORTED)).isTrue());
    }

    @Test
    void calendar_days_are_counted_in_the_tenant_zone() {
        // 17:00 UTC is 01:00 the next day in Shanghai (UTC+8).
        Instant evening = Instant.parse("2026-11-02T17:00:00Z");
        assertThat(TenantSettings.defaults(SHANGHAI, CNY).dateOf(evening)).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(TenantSettings.defaults(ZoneId.of("UTC"), CNY).dateOf(evening)).isEqualTo(LocalDate.of(2026, 11, 2));

        // Midnight of 3 Nov in Shanghai is 16:00 UTC on 2 Nov.
        assertThat(TenantSettings.defaults(SHANGHAI, CNY).startOf(LocalDate.of(2026, 11, 3)))
                .isEqualTo(Instant.parse("2026-11-02T16:00:00Z"));
        // São Paulo skipped midnight on 4 Nov 2018 (DST began at 00:00 -> 01:00, UTC-2): the day began at 03:00 UTC.
        assertThat(TenantSettings.defaults(ZoneId.of("America/Sao_Paulo"), CNY).startOf(LocalDate.of(2018, 11, 4)))
                .isEqualTo(Instant.parse("2018-11-04T03:00:00Z"));
    }

    @Test
    void builder_contract_and_json() {
        TenantSettings custom = TenantSettings.builder().zone(ZoneId.of("Europe/Berlin"))
                .currency(Currency.getInstance("EUR"))
                .pricing(new PricingPolicy(6, 2, RoundingMode.HALF_EVEN))
                .requiredFields(RequiredFields.defaults().with(RecordType.ACCOUNT, List.of("name", "phone")))
                .locale(Locale.SIMPLIFIED_CHINESE)
                .duplicatePolicy(DuplicatePolicy.everywhere(DuplicateAction.BLOCK))
                .sales(SalesSettings.builder()
                        .autoCloseRules(List.of(AutoCloseRule.lostAfter("stale", SalesProcess.defaultProcess().id(), 90,
                                "No response").onlyIn(Set.of(StageId.of("PROPOSAL")))))
                        .ordersMayExceedContract(true)
                        .build())
                .build();

        RecordContract.assertBuilderHasSetterPerComponent(TenantSettings.class);
        RecordContract.assertEveryComponentFilled(custom);
        RecordContract.assertToBuilderRebuildsEqual(custom);
        RecordContract.assertJsonRoundTrips(custom);
        // Each component differs from the defaults, so a builder that dropped one would show here.
        TenantSettings defaults = TenantSettings.defaults(SHANGHAI, CNY);
        for (var component : TenantSettings.class.getRecordComponents()) {
            try {
                assertThat(component.getAccessor().invoke(custom)).as(component.getName())
                        .isNotEqualTo(component.getAccessor().invoke(defaults));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }
}
