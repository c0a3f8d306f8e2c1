package io.crmkit.tck;

import static io.crmkit.tck.TckSupport.allPages;
import static io.crmkit.tck.TckSupport.items;
import static io.crmkit.tck.TckSupport.read;
import static io.crmkit.tck.TckSupport.readLong;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.pool.PoolId;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.outbox.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Concurrency with real threads: many units of work race on the same records through the store's
 * optimistic versions, retries and locks, and afterwards the invariants hold (every record has exactly
 * one owner, a holding limit is never exceeded, nothing is lost or written twice). Nothing here
 * asserts on timing; each storm only has a generous bound after which it fails as hung.
 */
public interface ConcurrencyContract extends StoreUnderTest {

    /**
     * 16 threads race to claim the same 20 unowned accounts of a pool (read, skip if owned, set the
     * owner, update): every account ends with exactly one owner, there are exactly 20 successful
     * claims, and what each thread won is exactly what the store says its member owns.
     */
    @Test
    default void racingClaimsGiveEveryAccountExactlyOneOwner() throws Exception {
        int threads = 16;
        TenantId tenant = TckFixtures.newTenant();
        Pool pool = read(store(), tx -> tx.pools().insert(TckFixtures.pool(tx, tenant).build()));
        List<AccountId> accounts = concurrencyPooledAccounts(tenant, pool.id(), 20);
        List<UserId> members = concurrencyMembers(threads);
        Map<UserId, List<AccountId>> wins = new ConcurrentHashMap<>();

        ConcurrencyStorm.run(threads, i -> {
            UserId member = members.get(i);
            List<AccountId> won = new ArrayList<>();
            for (AccountId id : concurrencyShuffled(accounts, i)) {
                if (ConcurrentClaims.claim(store(), tenant, id, member, null) == ConcurrentClaims.Outcome.CLAIMED) {
                    won.add(id);
                }
            }
            wins.put(member, won);
        });

        Map<AccountId, Account> stored = concurrencyRead(tenant, accounts);
        assertThat(stored.values()).as("accounts after the race").allSatisfy(a -> {
            assertThat(a.owner()).as("owner of " + a.id()).isIn(members);
            assertThat(a.ownedSince()).isEqualTo(TckFixtures.BASE);
            assertThat(a.version()).as("version of " + a.id() + ": inserted, then exactly one claim").isEqualTo(2);
        });
        List<AccountId> allWins = wins.values().stream().flatMap(List::stream).toList();
        assertThat(allWins).as("successful claims over all threads").hasSize(accounts.size())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(accounts);
        for (UserId member : members) {
            Set<AccountId> owned = stored.values().stream().filter(a -> member.equals(a.owner()))
                    .map(Account::id).collect(Collectors.toSet());
            assertThat(new HashSet<>(wins.get(member))).as("what " + member + " won vs what the store says it owns")
                    .isEqualTo(owned);
            assertThat(readLong(store(), tx -> tx.accounts().countHeld(tenant, pool.id(), member, true,
                    TckFixtures.context()))).as("countHeld of " + member).isEqualTo(owned.size());
        }
    }

    /**
     * A holding limit of 3 under a per-member lock: 16 members, two threads each, race to claim 100
     * accounts, each claim checking {@code countHeld < 3} under {@code tx.lock("pool:P:member:M")}.
     * No member ever holds more than 3 (and each reaches 3), and no account is won twice.
     */
    @Test
    default void holdingLimitUnderAMemberLockIsNeverExceeded() throws Exception {
        int memberCount = 16;
        int threadsPerMember = 2;
        int limit = 3;
        TenantId tenant = TckFixtures.newTenant();
        Pool pool = read(store(), tx -> tx.pools().insert(TckFixtures.pool(tx, tenant).build()));
        List<AccountId> accounts = concurrencyPooledAccounts(tenant, pool.id(), 100);
        List<UserId> members = concurrencyMembers(memberCount);
        List<AccountId> allWins = new CopyOnWriteArrayList<>();
        Map<UserId, List<AccountId>> winsByMember = new ConcurrentHashMap<>();
        members.forEach(m -> winsByMember.put(m, new CopyOnWriteArrayList<>()));

        ConcurrencyStorm.run(memberCount * threadsPerMember, i -> {
            UserId member = members.get(i % memberCount);
            for (AccountId id : concurrencyShuffled(accounts, i)) {
                ConcurrentClaims.Outcome outcome = ConcurrentClaims.claim(store(), tenant, id, member,
                        new ConcurrentClaims.HoldingLimit(pool.id(), limit));
                if (outcome == ConcurrentClaims.Outcome.CLAIMED) {
                    allWins.add(id);
                    winsByMember.get(member).add(id);
                } else if (outcome == ConcurrentClaims.Outcome.LIMIT_REACHED) {
                    return;
                }
            }
        });

        Map<AccountId, Account> stored = concurrencyRead(tenant, accounts);
        Map<UserId, Long> held = stored.values().stream().filter(Account::isOwned)
                .collect(Collectors.groupingBy(Account::owner, Collectors.counting()));
        assertThat(held.values()).as("accounts held per member").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(limit));
        assertThat(held).as("every member reached the limit").hasSize(memberCount)
                .allSatisfy((member, n) -> assertThat(n).isEqualTo(limit));
        assertThat(allWins).as("successful claims").doesNotHaveDuplicates().hasSize(memberCount * limit);
        assertThat(stored.values()).allSatisfy(a ->
                assertThat(a.version()).as("version of " + a.id()).isLessThanOrEqualTo(2));
        for (UserId member : members) {
            Set<AccountId> owned = stored.values().stream().filter(a -> member.equals(a.owner()))
                    .map(Account::id).collect(Collectors.toSet());
            assertThat(new HashSet<>(winsByMember.get(member))).as("wins of " + member).isEqualTo(owned);
        }
    }

    /** 16 threads insert 50 accounts each, one transaction per record: all 800 are there, with 800 distinct ids. */
    @Test
    default void concurrentInsertsLoseNothingAndNeverRepeatAnId() throws Exception {
        int threads = 16;
        int perThread = 50;
        TenantId tenant = TckFixtures.newTenant();
        List<AccountId> inserted = new CopyOnWriteArrayList<>();

        ConcurrencyStorm.run(threads, i -> {
            for (int n = 0; n < perThread; n++) {
                inserted.add(read(store(), tx -> tx.accounts().insert(TckFixtures.account(tx, tenant).build())).id());
            }
        });

        assertThat(inserted).as("ids handed out").hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(readLong(store(), tx -> tx.accounts().count(tenant, null, TckFixtures.context())))
                .isEqualTo(threads * perThread);
        List<AccountId> listed = items(allPages(PageRequest.first(PageRequest.MAX_LIMIT),
                request -> read(store(), tx -> tx.accounts().list(tenant, request)))).stream().map(Account::id).toList();
        assertThat(listed).as("ids listed").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(inserted);
    }

    /** 16 relay workers claim the same due outbox entries at the same instant: each entry goes to exactly one. */
    @Test
    default void racingOutboxClaimsLeaseEachEntryToExactlyOneWorker() throws Exception {
        int workers = 16;
        TenantId tenant = TckFixtures.newTenant();
        List<OutboxEntry> appended = read(store(), tx -> IntStream.range(0, 60)
                .mapToObj(n -> tx.outbox().append(TckFixtures.notification(tenant, "race-" + n))).toList());
        Instant now = appended.stream().map(OutboxEntry::nextAttemptAt).max(Instant::compareTo).orElseThrow();
        Map<String, List<String>> holders = new ConcurrentHashMap<>();
        AtomicInteger rounds = new AtomicInteger();

        ConcurrencyStorm.run(workers, i -> {
            String worker = "racer-" + i;
            while (rounds.incrementAndGet() < 100_000) {
                List<OutboxEntry> claimed = read(store(), tx -> tx.outbox().claim(worker, 3, now, Duration.ofMinutes(5)));
                if (claimed.isEmpty()) {
                    return;
                }
                for (OutboxEntry e : claimed) {
                    assertThat(e.leaseOwner()).isEqualTo(worker);
                    holders.computeIfAbsent(e.id(), k -> new CopyOnWriteArrayList<>()).add(worker);
                }
            }
        });

        for (OutboxEntry entry : appended) {
            assertThat(holders.get(entry.id())).as("workers that leased " + entry.id()).hasSize(1);
        }
    }

    private List<AccountId> concurrencyPooledAccounts(TenantId tenant, PoolId pool, int count) {
        return read(store(), tx -> {
            List<AccountId> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(tx.accounts().insert(TckFixtures.pooledAccount(tx, tenant, pool).build()).id());
            }
            return ids;
        });
    }

    private Map<AccountId, Account> concurrencyRead(TenantId tenant, List<AccountId> ids) {
        return read(store(), tx -> {
            Map<AccountId, Account> byId = new HashMap<>();
            for (AccountId id : ids) {
                byId.put(id, tx.accounts().get(tenant, id));
            }
            return byId;
        });
    }

    private static List<UserId> concurrencyMembers(int count) {
        return IntStream.range(0, count).mapToObj(i -> TckFixtures.user("member-" + i)).toList();
    }

    /** The ids in an order of their own for thread {@code seed}, so threads collide everywhere, not only at the start. */
    private static List<AccountId> concurrencyShuffled(List<AccountId> ids, int seed) {
        List<AccountId> copy = new ArrayList<>(ids);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }
}
