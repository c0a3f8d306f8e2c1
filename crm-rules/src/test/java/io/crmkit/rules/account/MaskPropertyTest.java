package io.crmkit.rules.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.Address;
import io.crmkit.core.account.AddressKind;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.account.FinancialInfo;
import io.crmkit.core.account.TeamAccess;
import io.crmkit.core.account.TeamMember;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** For every set of public fields, a masked field equals the original exactly when it is public. */
class MaskPropertyTest {
    private static final List<String> FIELDS = List.of("name", "level", "source", "dealStatus", "addresses",
            "financialInfo", "registryId", "phone", "email", "website", "teamMembers", "lastFollowUpAt",
            "lastDealAt", "recycleDeferredUntil", "locked", "voided", "custom.tier", "custom.budget");
    private static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");
    private static final Account FULL = Account.builder().id(AccountId.of("A1")).tenantId(TenantId.of("acme"))
            .poolId(PoolId.of("P1")).name("Acme").level("A").source("fair").dealStatus(DealStatus.WON)
            .addresses(List.of(new Address(AddressKind.OFFICE, "CN", null, "Shanghai", null, "1 Road", null, true)))
            .financialInfo(new FinancialInfo("Acme Ltd", "913", "ICBC", "6222")).registryId("9131")
            .phone("021-5555").email("a@acme.example").website("https://acme.example")
            .teamMembers(List.of(new TeamMember(UserId.of("bob"), TeamAccess.READ_ONLY)))
            .lastFollowUpAt(AT).lastDealAt(AT).recycleDeferredUntil(AT).locked(true).voided(true)
            .customFields(CustomFields.of(Map.of("tier", new CustomValue.Text("gold"), "budget", new CustomValue.Text("1M"))))
            .version(4).createdAt(AT).updatedAt(AT).build();

    @Test
    void aFieldSurvivesMaskingExactlyWhenPublic() {
        qt().forAll(integers().between(0, (1 << FIELDS.size()) - 1)).checkAssert(bits -> {
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < FIELDS.size(); i++) {
                if ((bits & (1 << i)) != 0) {
                    shown.add(FIELDS.get(i));
                }
            }
            PoolRules rules = PoolRules.builder().publicFields(shown).build();
            Account masked = PoolVisibility.mask(FULL, rules);
            assertThat(masked.id()).isEqualTo(FULL.id());
            assertThat(masked.version()).isEqualTo(FULL.version());
            for (String field : FIELDS) {
                Object original = value(FULL, field);
                Object seen = value(masked, field);
                if (shown.contains(field)) {
                    assertThat(seen).as(field).isEqualTo(original);
                } else {
                    assertThat(Objects.equals(seen, original)).as(field + " masked").isFalse();
                }
            }
        });
    }

    private static Object value(Account account, String field) {
        if (field.startsWith("custom.")) {
            return account.customFields().values().get(field.substring("custom.".length()));
        }
        return RecordFields.value(account, field);
    }
}
