package io.crmkit.rules.account;

import static io.crmkit.rules.account.AccountCareFixture.ALICE;
import static io.crmkit.rules.account.AccountCareFixture.BOB;
import static io.crmkit.rules.account.AccountCareFixture.BOSS;
import static io.crmkit.rules.account.AccountCareFixture.DAVE;
import static io.crmkit.rules.account.AccountCareFixture.POOL;
import static io.crmkit.rules.account.AccountCareFixture.POOL_ADMIN;
import static io.crmkit.rules.account.AccountCareFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.Address;
import io.crmkit.core.account.AddressKind;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.account.FinancialInfo;
import io.crmkit.core.account.TeamAccess;
import io.crmkit.core.account.TeamMember;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.ClaimPolicy;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolVisibilityTest {
    private static final Address OFFICE =
            new Address(AddressKind.OFFICE, "CN", "Shanghai", "Shanghai", "Pudong", "1 Century Ave", "200120", true);
    private static final PoolRules NAME_LEVEL_TIER = PoolRules.builder()
            .publicFields("name", "level", "custom.tier").build();

    /** An unowned pool account with every field filled, a former team member and two custom fields. */
    private static Account full(AccountCareFixture fx) {
        return fx.account(b -> b.poolId(POOL).name("Acme").level("A").source("fair").dealStatus(DealStatus.WON)
                .addresses(List.of(OFFICE)).financialInfo(new FinancialInfo("Acme Ltd", "913100", "ICBC", "6222"))
                .registryId("91310000MA1").phone("021-55550000").email("info@acme.example")
                .website("https://acme.example").teamMembers(List.of(new TeamMember(BOB, TeamAccess.READ_ONLY)))
                .lastFollowUpAt(fx.clock.instant()).lastDealAt(fx.clock.instant())
                .recycleDeferredUntil(fx.clock.instant().plus(Duration.ofDays(3))).locked(true)
                .customFields(CustomFields.of(Map.of("tier", new CustomValue.Text("gold"),
                        "budget", new CustomValue.Text("1M")))));
    }

    @Test
    void memberSeesOnlyThePublicFieldsFieldByField() {
        AccountCareFixture fx = new AccountCareFixture().withPool(NAME_LEVEL_TIER);
        Account account = full(fx);

        Account seen = new PoolVisibility(fx.rules).read(actor(ALICE), account.id());

        assertThat(seen.id()).isEqualTo(account.id());
        assertThat(seen.tenantId()).isEqualTo(account.tenantId());
        assertThat(seen.poolId()).isEqualTo(POOL);
        assertThat(seen.owner()).isNull();
        assertThat(seen.version()).isEqualTo(account.version());
        assertThat(seen.name()).isEqualTo("Acme");
        assertThat(seen.level()).isEqualTo("A");
        assertThat(seen.customFields().values()).containsExactly(Map.entry("tier", new CustomValue.Text("gold")));
        assertThat(seen.source()).isNull();
        assertThat(seen.dealStatus()).isEqualTo(DealStatus.NOT_YET);
        assertThat(seen.addresses()).isEmpty();
        assertThat(seen.financialInfo()).isNull();
        assertThat(seen.registryId()).isNull();
        assertThat(seen.phone()).isNull();
        assertThat(seen.email()).isNull();
        assertThat(seen.website()).isNull();
        assertThat(seen.teamMembers()).isEmpty();
        assertThat(seen.lastFollowUpAt()).isNull();
        assertThat(seen.lastDealAt()).isNull();
        assertThat(seen.recycleDeferredUntil()).isNull();
        assertThat(seen.locked()).isFalse();
        assertThat(seen.voided()).isFalse();
        assertThat(seen.phoneKey()).isNull();
        assertThat(seen.emailKey()).isNull();
    }

    @Test
    void eachStandardFieldShowsWhenPublic() {
        AccountCareFixture fx = new AccountCareFixture().withPool(PoolRules.builder().publicFields(
                "source", "dealStatus", "addresses", "financialInfo", "registryId", "phone", "email", "website",
                "teamMembers", "lastFollowUpAt", "lastDealAt", "recycleDeferredUntil", "locked").build());
        Account account = full(fx);

        Account seen = new PoolVisibility(fx.rules).read(actor(ALICE), account.id());

        assertThat(seen.name()).isNull();
        assertThat(seen.level()).isNull();
        assertThat(seen.customFields()).isEqualTo(CustomFields.none());
        assertThat(seen.toBuilder().name(account.name()).level(account.level())
                .customFields(account.customFields()).build()).isEqualTo(account);
    }

    @Test
    void noPublicFieldsLeavesOnlyTheId() {
        AccountCareFixture fx = new AccountCareFixture().withPool(PoolRules.defaults());
        Account account = full(fx);

        Account seen = new PoolVisibility(fx.rules).read(actor(ALICE), account.id());

        assertThat(seen.id()).isEqualTo(account.id());
        assertThat(seen.name()).isNull();
        assertThat(seen.level()).isNull();
        assertThat(seen.customFields()).isEqualTo(CustomFields.none());
    }

    @Test
    void ownersTeamMembersPoolAdminsAndTenantAdminsSeeEverything() {
        AccountCareFixture fx = new AccountCareFixture().withPool(NAME_LEVEL_TIER);
        PoolVisibility visibility = new PoolVisibility(fx.rules);
        Account unowned = full(fx);
        Account claimed = fx.account(b -> b.poolId(POOL).owner(ALICE).ownedSince(fx.clock.instant())
                .phone("021-1").teamMembers(List.of(new TeamMember(BOB, TeamAccess.READ_ONLY))));

        assertThat(visibility.read(actor(POOL_ADMIN), unowned.id())).isEqualTo(unowned);
        assertThat(visibility.read(actor(BOSS), unowned.id())).isEqualTo(unowned);
        assertThat(visibility.read(actor(BOB), unowned.id())).isEqualTo(unowned); // on its (kept) team
        assertThat(visibility.read(actor(ALICE), claimed.id())).isEqualTo(claimed);
        assertThat(visibility.read(actor(BOB), claimed.id())).isEqualTo(claimed);
        assertThat(visibility.read(actor(POOL_ADMIN), claimed.id())).isEqualTo(claimed);
    }

    @Test
    void strangersAndMembersOfOwnedAccountsSeeNothing() {
        AccountCareFixture fx = new AccountCareFixture().withPool(NAME_LEVEL_TIER);
        PoolVisibility visibility = new PoolVisibility(fx.rules);
        Account unowned = fx.inPool();
        Account claimed = fx.claimed(ALICE);
        Account outside = fx.owned(BOB);

        assertThatThrownBy(() -> visibility.read(actor(DAVE), unowned.id()))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.getMessage()).contains("pool.not-member"));
        assertThatThrownBy(() -> visibility.read(actor(BOB), claimed.id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> visibility.read(actor(ALICE), outside.id())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void adminsAssignOnlyPoolsAreInvisibleToMembers() {
        AccountCareFixture fx = new AccountCareFixture().withPool(NAME_LEVEL_TIER.toBuilder()
                .claimPolicy(ClaimPolicy.ADMINS_ASSIGN_ONLY).membersMayReadPoolLog(true).build());
        PoolVisibility visibility = new PoolVisibility(fx.rules);
        Account account = fx.inPool();

        assertThatThrownBy(() -> visibility.read(actor(ALICE), account.id()))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.getMessage()).contains("pool.admins-assign-only"));
        assertThatThrownBy(() -> visibility.listPool(actor(ALICE), POOL, PageRequest.first(10)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> visibility.poolLog(actor(ALICE), POOL, PageRequest.first(10)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(visibility.listPool(actor(POOL_ADMIN), POOL, PageRequest.first(10)).items())
                .containsExactly(account);
    }

    @Test
    void listPoolShowsUnownedRecordsMaskedToMembersAndWholeToAdmins() {
        AccountCareFixture fx = new AccountCareFixture().withPool(NAME_LEVEL_TIER);
        PoolVisibility visibility = new PoolVisibility(fx.rules);
        Account first = full(fx);
        Account second = fx.inPool();
        fx.claimed(BOB);
        fx.owned(ALICE);

        Page<Account> page = visibility.listPool(actor(ALICE), POOL, PageRequest.first(1));
        Page<Account> rest = visibility.listPool(actor(ALICE), POOL, PageRequest.first(1).next(page));

        assertThat(page.items()).containsExactly(PoolVisibility.mask(first, NAME_LEVEL_TIER));
        assertThat(page.items().get(0).phone()).isNull();
        assertThat(rest.items()).containsExactly(PoolVisibility.mask(second, NAME_LEVEL_TIER));
        assertThat(rest.hasNext()).isFalse();
        assertThat(visibility.listPool(actor(BOSS), POOL, PageRequest.first(10)).items())
                .containsExactly(first, second);
        assertThatThrownBy(() -> visibility.listPool(actor(DAVE), POOL, PageRequest.first(10)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void poolLogIsForAdminsAndForMembersOnlyWhereAllowed() {
        AccountCareFixture closed = new AccountCareFixture().withPool(PoolRules.defaults());
        closed.inPool();
        PoolVisibility visibility = new PoolVisibility(closed.rules);
        assertThat(visibility.poolLog(actor(POOL_ADMIN), POOL, PageRequest.first(10)).items()).hasSize(1);
        assertThat(visibility.poolLog(actor(BOSS), POOL, PageRequest.first(10)).items()).hasSize(1);
        assertThatThrownBy(() -> visibility.poolLog(actor(ALICE), POOL, PageRequest.first(10)))
                .isInstanceOf(ForbiddenException.class);

        AccountCareFixture open = new AccountCareFixture()
                .withPool(PoolRules.builder().membersMayReadPoolLog(true).build());
        open.inPool();
        PoolVisibility openVisibility = new PoolVisibility(open.rules);
        assertThat(openVisibility.poolLog(actor(ALICE), POOL, PageRequest.first(10)).items())
                .singleElement().satisfies(e -> assertThat(e.action()).isEqualTo("account.create"));
        assertThatThrownBy(() -> openVisibility.poolLog(actor(DAVE), POOL, PageRequest.first(10)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void relatedDataBeforeClaimOnlyWhereThePoolShowsIt() {
        AccountCareFixture closed = new AccountCareFixture().withPool(PoolRules.defaults());
        Account hidden = closed.inPool();
        PoolVisibility visibility = new PoolVisibility(closed.rules);
        assertThatThrownBy(() -> visibility.history(actor(ALICE), hidden.id(), PageRequest.first(10)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(visibility.history(actor(POOL_ADMIN), hidden.id(), PageRequest.first(10)).items()).hasSize(1);

        AccountCareFixture open = new AccountCareFixture()
                .withPool(PoolRules.builder().relatedDataVisibleBeforeClaim(true).build());
        Account shown = open.inPool();
        Account claimed = open.claimed(BOB);
        PoolVisibility openVisibility = new PoolVisibility(open.rules);
        assertThat(openVisibility.history(actor(ALICE), shown.id(), PageRequest.first(10)).items()).hasSize(1);
        assertThatThrownBy(() -> openVisibility.history(actor(ALICE), claimed.id(), PageRequest.first(10)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(openVisibility.history(actor(BOB), claimed.id(), PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void maskingIsTheOneMethodEveryReadUses() {
        AccountCareFixture fx = new AccountCareFixture().withPool(NAME_LEVEL_TIER);
        Account account = full(fx);
        UserId member = ALICE;

        Account read = new PoolVisibility(fx.rules).read(actor(member), account.id());

        assertThat(read).isEqualTo(PoolVisibility.mask(account, NAME_LEVEL_TIER));
        assertThat(PoolVisibility.mask(read, NAME_LEVEL_TIER)).isEqualTo(read);
    }
}
