package io.crmkit.core.account;

import static io.crmkit.core.account.RecordContract.customFields;
import static io.crmkit.core.account.RecordContract.id;
import static io.crmkit.core.account.RecordContract.instant;
import static io.crmkit.core.account.RecordContract.maybe;
import static io.crmkit.core.account.RecordContract.tenant;
import static io.crmkit.core.account.RecordContract.text;
import static io.crmkit.core.account.RecordContract.user;

import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.PoolId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Valid accounts for tests: a minimal owned one, and random ones that respect every invariant. */
final class AccountSamples {
    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");
    static final UserId CAROL = UserId.of("carol");
    static final PoolId POOL = PoolId.of("pool-east");

    private AccountSamples() {}

    /** An owned account with a name and nothing else. */
    static Account.Builder owned() {
        return Account.builder().id(AccountId.of("a1")).tenantId(TenantId.of("t1")).name("Acme Ltd")
                .owner(ALICE).ownedSince(T0).createdAt(T0).updatedAt(T0);
    }

    /**
     * A random valid account. With {@code full}, every component holds a non-default value (owned and
     * remembering its pool, locked, voided, with team and addresses); otherwise optional parts are
     * randomly absent.
     */
    static Account random(Random r, boolean full) {
        boolean owned = full || r.nextInt(3) > 0;
        UserId owner = owned ? user(r) : null;
        PoolId pool = full || !owned || r.nextBoolean() ? PoolId.of("p" + r.nextInt(5)) : null;
        Map<UserId, TeamMember> team = new LinkedHashMap<>();
        int teamSize = full ? 1 + r.nextInt(4) : r.nextInt(5);
        while (team.size() < teamSize) {
            UserId user = user(r);
            if (!user.equals(owner)) {
                team.put(user, new TeamMember(user, r.nextBoolean() ? TeamAccess.READ_ONLY : TeamAccess.READ_WRITE));
            }
        }
        List<Address> addresses = new ArrayList<>();
        int addressCount = full ? 1 + r.nextInt(3) : r.nextInt(4);
        int primary = r.nextInt(addressCount + 1); // == addressCount: no primary address
        for (int i = 0; i < addressCount; i++) {
            addresses.add(Address.builder(AddressKind.values()[r.nextInt(AddressKind.values().length)])
                    .country(opt(r, full, "CN")).province(opt(r, full, text(r, 10))).city(opt(r, full, text(r, 10)))
                    .district(opt(r, full, text(r, 10))).street(opt(r, full, text(r, 60)))
                    .postalCode(opt(r, full, Integer.toString(100_000 + r.nextInt(900_000))))
                    .primary(i == primary).build());
        }
        Instant created = instant(r);
        return Account.builder()
                .id(AccountId.of(id(r))).tenantId(tenant(r)).name(text(r, 60))
                .level(opt(r, full, String.valueOf("ABC".charAt(r.nextInt(3)))))
                .source(opt(r, full, text(r, 10)))
                .dealStatus(full || r.nextBoolean() ? DealStatus.WON : DealStatus.NOT_YET)
                .addresses(addresses)
                .financialInfo(opt(r, full, new FinancialInfo(text(r, 30), text(r, 18), text(r, 20), id(r))))
                .registryId(opt(r, full, id(r))).phone(opt(r, full, "+86 21 " + r.nextInt(99_999_999)))
                .email(opt(r, full, "sales" + r.nextInt(1000) + "@example.com"))
                .website(opt(r, full, "https://example.com/" + r.nextInt(1000)))
                .poolId(pool).teamMembers(List.copyOf(team.values()))
                .lastFollowUpAt(opt(r, full, created.plusSeconds(r.nextInt(1_000_000))))
                .lastDealAt(opt(r, full, created.plusSeconds(r.nextInt(1_000_000))))
                .recycleDeferredUntil(opt(r, full, created.plusSeconds(r.nextInt(2_000_000))))
                .locked(full || r.nextBoolean()).voided(full || r.nextBoolean())
                .ownedSince(owned ? created.plusSeconds(r.nextInt(1000)) : null).owner(owner)
                .customFields(full || r.nextBoolean() ? customFields(r) : null)
                .version(full ? 1 + r.nextInt(100) : r.nextInt(100))
                .createdAt(created).updatedAt(created.plusSeconds(r.nextInt(1_000_000)))
                .build();
    }

    private static <T> T opt(Random r, boolean full, T value) {
        return full ? value : maybe(r, value);
    }
}
