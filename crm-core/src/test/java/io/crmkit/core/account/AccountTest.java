package io.crmkit.core.account;

import static io.crmkit.core.account.AccountSamples.ALICE;
import static io.crmkit.core.account.AccountSamples.BOB;
import static io.crmkit.core.account.AccountSamples.CAROL;
import static io.crmkit.core.account.AccountSamples.POOL;
import static io.crmkit.core.account.AccountSamples.T0;
import static io.crmkit.core.account.AccountSamples.owned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.validation.CrmValidation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static ValidationException rejected(Account.Builder builder) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(builder::build);
        assertThat(thrown).isInstanceOf(ValidationException.class);
        return (ValidationException) thrown;
    }

    @Test
    void an_account_without_owner_outside_a_pool_is_rejected() {
        ValidationException e = rejected(owned().owner(null).ownedSince(null));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.hasViolation("owner", ErrorCode.FIELD_REQUIRED)).isTrue();
        assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).contains("owner").isNotEqualTo(e.getMessage());
    }

    @Test
    void an_account_without_owner_inside_a_pool_is_fine() {
        Account inPool = owned().owner(null).ownedSince(null).poolId(POOL).build();
        assertThat(inPool.isOwned()).isFalse();
        assertThat(inPool.poolId()).isEqualTo(POOL);
    }

    @Test
    void ownership_start_is_set_exactly_when_there_is_an_owner() {
        assertThat(rejected(owned().ownedSince(null)).hasViolation("ownedSince", ErrorCode.FIELD_REQUIRED)).isTrue();
        assertThat(rejected(owned().owner(null).poolId(POOL)).hasViolation("ownedSince", ErrorCode.FIELD_INVALID))
                .isTrue();
    }

    @Test
    void two_primary_addresses_are_rejected_one_is_fine() {
        Address office = Address.builder(AddressKind.OFFICE).city("上海").primary(true).build();
        Address billing = Address.builder(AddressKind.BILLING).city("北京").primary(true).build();

        assertThat(rejected(owned().addresses(List.of(office, billing))).hasViolation("addresses", ErrorCode.FIELD_INVALID))
                .isTrue();
        Account one = owned().addresses(List.of(office, billing.withPrimary(false))).build();
        assertThat(one.primaryAddress()).contains(office);
        assertThat(owned().build().primaryAddress()).isEmpty();
    }

    @Test
    void the_owner_cannot_be_a_team_member() {
        ValidationException e = rejected(owned().teamMembers(List.of(TeamMember.readOnly(BOB), TeamMember.readWrite(ALICE))));
        assertThat(e.hasViolation("teamMembers", ErrorCode.FIELD_INVALID)).isTrue();
        assertThat(e.getMessage()).contains("alice");
    }

    @Test
    void a_user_is_on_the_team_at_most_once() {
        ValidationException e = rejected(owned().teamMembers(List.of(TeamMember.readOnly(BOB), TeamMember.readWrite(BOB))));
        assertThat(e.hasViolation("teamMembers", ErrorCode.FIELD_INVALID)).isTrue();
    }

    @Test
    void structural_parts_are_required_and_version_not_negative() {
        assertThat(rejected(owned().id(null)).hasViolation("id", ErrorCode.FIELD_REQUIRED)).isTrue();
        assertThat(rejected(owned().tenantId(null)).hasViolation("tenantId", ErrorCode.FIELD_REQUIRED)).isTrue();
        assertThat(rejected(owned().dealStatus(null)).hasViolation("dealStatus", ErrorCode.FIELD_REQUIRED)).isTrue();
        assertThat(rejected(owned().createdAt(null)).hasViolation("createdAt", ErrorCode.FIELD_REQUIRED)).isTrue();
        assertThat(rejected(owned().updatedAt(null)).hasViolation("updatedAt", ErrorCode.FIELD_REQUIRED)).isTrue();
        assertThat(rejected(owned().version(-1)).hasViolation("version", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue();
    }

    @Test
    void builder_defaults_and_text_normalisation() {
        Account a = owned().name("  Acme Ltd \n").phone("   ").email(" sales@acme.example ").build();
        assertThat(a.name()).isEqualTo("Acme Ltd");
        assertThat(a.phone()).isNull();
        assertThat(a.email()).isEqualTo("sales@acme.example");
        assertThat(a.dealStatus()).isEqualTo(DealStatus.NOT_YET);
        assertThat(a.addresses()).isEmpty();
        assertThat(a.teamMembers()).isEmpty();
        assertThat(a.customFields().isEmpty()).isTrue();
        assertThat(a.version()).isZero();
    }

    @Test
    void collections_are_immutable_copies() {
        java.util.ArrayList<TeamMember> team = new java.util.ArrayList<>(List.of(TeamMember.readOnly(BOB)));
        Account a = owned().teamMembers(team).build();
        team.add(TeamMember.readOnly(CAROL));
        assertThat(a.teamMembers()).containsExactly(TeamMember.readOnly(BOB));
        assertThatThrownBy(() -> a.teamMembers().add(TeamMember.readOnly(CAROL)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void crm_validation_reports_a_too_long_name_and_a_bad_email_at_once() {
        Account a = owned().name("x".repeat(201)).email("not an e-mail").build();

        assertThatThrownBy(() -> CrmValidation.validate(a))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).hasSize(2);
                    assertThat(e.hasViolation("name", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue();
                    assertThat(e.hasViolation("email", ErrorCode.FIELD_INVALID)).isTrue();
                    assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(e.getMessage());
                });
        assertThat(CrmValidation.validate(owned().name("x".repeat(200)).email("a@b.example").build())).isNotNull();
    }

    @Test
    void crm_validation_descends_into_addresses_and_financial_info() {
        Account a = owned()
                .addresses(List.of(Address.builder(AddressKind.SHIPPING).postalCode("1".repeat(21)).build()))
                .financialInfo(new FinancialInfo("t".repeat(201), null, null, null))
                .build();

        assertThat(CrmValidation.violations(a)).extracting(v -> v.field())
                .containsExactly("addresses[0].postalCode", "financialInfo.invoiceTitle");
    }

    @Test
    void a_blank_name_is_reported_as_required_by_validation() {
        Account a = owned().name("   ").build();
        assertThat(a.name()).isNull();
        assertThat(CrmValidation.violations(a)).extracting(v -> v.field() + " " + v.code())
                .containsExactly("name " + ErrorCode.FIELD_REQUIRED);
    }

    @Test
    void with_owner_hands_over_and_takes_the_new_owner_off_the_team() {
        Account a = owned().poolId(POOL).teamMembers(List.of(TeamMember.readOnly(BOB), TeamMember.readWrite(CAROL))).build();
        Instant later = T0.plusSeconds(3600);

        Account b = a.withOwner(BOB, later);

        assertThat(b.owner()).isEqualTo(BOB);
        assertThat(b.ownedSince()).isEqualTo(later);
        assertThat(b.teamMembers()).containsExactly(TeamMember.readWrite(CAROL));
        assertThat(b.poolId()).isEqualTo(POOL);
        assertThat(b.withoutTeam().teamMembers()).isEmpty();
    }

    @Test
    void in_pool_clears_owner_and_out_of_pool_needs_one() {
        Account a = owned().build();
        PoolId other = PoolId.of("pool-west");

        Account pooled = a.inPool(other);
        assertThat(pooled.owner()).isNull();
        assertThat(pooled.ownedSince()).isNull();
        assertThat(pooled.poolId()).isEqualTo(other);

        assertThatThrownBy(pooled::outOfPool).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("owner", ErrorCode.FIELD_REQUIRED)).isTrue());
        Account out = pooled.withOwner(ALICE, T0).outOfPool();
        assertThat(out.poolId()).isNull();
        assertThat(out.owner()).isEqualTo(ALICE);
    }

    @Test
    void team_member_helpers_add_replace_and_remove() {
        Account a = owned().build().withTeamMember(TeamMember.readOnly(BOB)).withTeamMember(TeamMember.readOnly(CAROL));
        Account b = a.withTeamMember(TeamMember.readWrite(BOB));

        assertThat(b.teamMembers()).containsExactly(TeamMember.readWrite(BOB), TeamMember.readOnly(CAROL));
        assertThat(b.isTeamMember(BOB)).isTrue();
        assertThat(b.withoutTeamMember(BOB).teamMembers()).containsExactly(TeamMember.readOnly(CAROL));
        assertThatThrownBy(() -> b.withTeamMember(TeamMember.readOnly(ALICE))).isInstanceOf(ValidationException.class);
    }

    @Test
    void follow_up_and_deal_times_never_move_backwards() {
        Instant t1 = T0.plusSeconds(100);
        Instant t2 = T0.plusSeconds(200);
        Account a = owned().build().followedUpAt(t2).followedUpAt(t1);
        assertThat(a.lastFollowUpAt()).isEqualTo(t2);

        Account won = a.dealWonAt(t2).dealWonAt(t1);
        assertThat(won.isWon()).isTrue();
        assertThat(won.lastDealAt()).isEqualTo(t2);
        assertThat(won.withDealStatus(DealStatus.NOT_YET).isWon()).isFalse();
    }

    @Test
    void lock_and_void_flags() {
        Account a = owned().build();
        assertThat(a.withLocked(true).locked()).isTrue();
        assertThat(a.withVoided(true).voided()).isTrue();
        assertThat(a.withVoided(true).withVoided(false)).isEqualTo(a);
    }

    @Test
    void names_compare_after_normalisation() {
        // NFKC turns full-width ＡＣＭＥ and （） into ASCII; spaces collapse; case folds.
        assertThat(Account.normalizeName("ＡＣＭＥ（上海）  Ltd ")).isEqualTo("acme(上海) ltd");
        assertThat(Account.normalizeName("acme(上海)\tLTD")).isEqualTo(Account.normalizeName("ＡＣＭＥ（上海）  Ltd "));
        assertThat(Account.normalizeName("Acme Shanghai")).isNotEqualTo(Account.normalizeName("Acme Beijing"));
        assertThat(owned().name(" Acme   Ltd").build().normalizedName()).isEqualTo("acme ltd");
        assertThat(Account.normalizeName(null)).isNull();
    }

    @Test
    void builder_has_a_setter_per_component() {
        RecordContract.assertBuilderHasSetterPerComponent(Account.class);
        RecordContract.assertBuilderHasSetterPerComponent(Address.class);
    }

    @Test
    void to_builder_rebuilds_a_fully_filled_account() {
        Account full = AccountSamples.random(new Random(42), true);
        RecordContract.assertEveryComponentFilled(full);
        RecordContract.assertToBuilderRebuildsEqual(full);
        Address address = full.addresses().get(0);
        RecordContract.assertToBuilderRebuildsEqual(address);
    }

    @Test
    void to_builder_rebuilds_random_accounts_and_json_round_trips() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Account account = AccountSamples.random(random, random.nextInt(4) == 0);
            RecordContract.assertToBuilderRebuildsEqual(account);
            RecordContract.assertJsonRoundTrips(account);
            assertThat(CrmValidation.violations(account)).isEmpty();
        });
    }
}
