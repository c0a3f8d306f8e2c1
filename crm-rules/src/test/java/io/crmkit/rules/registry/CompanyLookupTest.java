package io.crmkit.rules.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.Address;
import io.crmkit.core.account.AddressKind;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.rules.lead.IntakeFixture;
import io.crmkit.spi.registry.RegistryMatch;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompanyLookupTest {
    private static final Instant NOW = IntakeFixture.START;
    private final CompanyLookup lookup = new CompanyLookup(new IntakeFixture().rules);

    private static Account.Builder draft() {
        return Account.builder().id(AccountId.of("a1")).tenantId(TenantId.of("t1")).owner(UserId.of("alice"))
                .ownedSince(NOW).createdAt(NOW).updatedAt(NOW);
    }

    @Test
    void suggests_registered_companies_by_name_fragment() {
        List<RegistryMatch> matches = lookup.suggest(" 示例 ", 3);
        assertThat(matches).hasSize(3).allSatisfy(m -> assertThat(m.name()).contains("示例"));
        assertThat(lookup.suggest("杭州", 10)).extracting(RegistryMatch::registryId).containsExactly("91330100MA2SAMPLE1");
        assertThat(lookup.suggest("valves", 10)).extracting(RegistryMatch::name)
                .containsExactly("Suzhou Example Valves Co., Ltd.");
        assertThat(lookup.suggest("nothing like it", 10)).isEmpty();
    }

    @Test
    void a_suggestion_needs_a_fragment_and_a_sensible_limit() {
        assertThatThrownBy(() -> lookup.suggest(" ", 5)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> lookup.suggest("示例", 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> lookup.suggest("示例", CompanyLookup.MAX_SUGGESTIONS + 1))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void choosing_an_entry_fills_the_empty_details_of_a_new_account() {
        Account filled = lookup.fillFromRegistry(draft().build(), "91330100MA2SAMPLE1");

        assertThat(filled.name()).isEqualTo("杭州示例科技有限公司");
        assertThat(filled.registryId()).isEqualTo("91330100MA2SAMPLE1");
        assertThat(filled.phone()).isEqualTo("0571-88880001");
        assertThat(filled.email()).isEqualTo("contact@hz-sample.example");
        assertThat(filled.website()).isEqualTo("https://hz-sample.example");
        assertThat(filled.addresses()).containsExactly(Address.builder(AddressKind.OFFICE)
                .street("浙江省杭州市西湖区文三路 1 号").primary(true).build());
        assertThat(filled.nameKey()).isEqualTo("杭州示例科技");
        assertThat(filled.version()).isZero();
    }

    @Test
    void what_the_caller_set_is_never_overwritten() {
        Address billing = Address.builder(AddressKind.BILLING).city("杭州").primary(true).build();
        Account draft = draft().name("HZ Sample").phone("13800000000").addresses(List.of(billing)).build();

        Account filled = lookup.fillFromRegistry(draft, "91330100MA2SAMPLE1");

        assertThat(filled.name()).isEqualTo("HZ Sample");
        assertThat(filled.phone()).isEqualTo("13800000000");
        assertThat(filled.email()).isEqualTo("contact@hz-sample.example");
        assertThat(filled.addresses()).containsExactly(billing, Address.builder(AddressKind.OFFICE)
                .street("浙江省杭州市西湖区文三路 1 号").primary(false).build());

        Address office = Address.builder(AddressKind.OFFICE).street("elsewhere").build();
        assertThat(lookup.fillFromRegistry(draft().addresses(List.of(office)).build(), "91330100MA2SAMPLE1").addresses())
                .containsExactly(office);
    }

    @Test
    void registry_gaps_stay_empty() {
        Account filled = lookup.fillFromRegistry(draft().build(), "91440300MA2SAMPLE3");
        assertThat(filled.website()).isNull();
        assertThat(filled.phone()).isEqualTo("0755-22220003");
    }

    @Test
    void an_unknown_registry_id_is_not_found() {
        assertThatThrownBy(() -> lookup.fillFromRegistry(draft().build(), "NO-SUCH-ID"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.recordType()).isEqualTo("RegistryCompany");
                    assertThat(e.recordId()).isEqualTo("NO-SUCH-ID");
                });
        assertThatThrownBy(() -> lookup.fillFromRegistry(null, "91330100MA2SAMPLE1")).isInstanceOf(ValidationException.class);
    }
}
