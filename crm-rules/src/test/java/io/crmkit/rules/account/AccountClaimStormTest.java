package io.crmkit.rules.account;

import static io.crmkit.rules.account.AccountPoolFixture.POOL;
import static io.crmkit.rules.account.AccountPoolFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.PoolMembers;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.rules.pool.PoolRuleNames;
import io.crmkit.spi.query.ChangeLogQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Twenty members on twenty real threads claim accounts from one public pool at once, and return
 * some of what they hold. The peer defect is "read whether it is free, then update without a
 * condition": afterwards no account has ever had two owners, nobody holds more than the holding
 * limit or claimed more than the daily limit (returns give no claim back), and every member's
 * held count equals what they own.
 */
class AccountClaimStormTest {
    private static final int MEMBERS = 20;
    private static final int ACCOUNTS = 60;
    private static final int ATTEMPTS = 60;
    private static final int MAX_HELD = 3;
    private static final int DAILY = 6;
    private static final Set<String> EXPECTED_REFUSALS = Set.of(
            PoolRuleNames.ALREADY_OWNED, PoolRuleNames.HOLDING_LIMIT, PoolRuleNames.DAILY_CLAIM_LIMIT,
            PoolRuleNames.NOT_OWNED);

    @Test
    void noDoubleOwnerAndNoLimitBreachUnderAClaimStorm() throws Exception {
        AccountPoolFixture f = new AccountPoolFixture();
        List<UserId> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(UserId.of(String.format("m%02d", i)));
        }
        f.pool(POOL, PoolRules.builder().maxHeldPerMember(MAX_HELD).wonRecordsCount(true).dailyClaimLimit(DAILY)
                .build(), new PoolMembers(Set.copyOf(members), Set.of()));
        List<AccountId> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(f.account(POOL).id());
        }

        Map<UserId, AtomicInteger> claims = new ConcurrentHashMap<>();
        Map<UserId, AtomicInteger> returns = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        CountDownLatch ready = new CountDownLatch(MEMBERS);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(MEMBERS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < MEMBERS; t++) {
            UserId member = members.get(t);
            Random random = new Random(104729L * (t + 1));
            claims.put(member, new AtomicInteger());
            returns.put(member, new AtomicInteger());
            done.add(threads.submit(() -> {
                Actor actor = Actor.of(TENANT, member);
                List<AccountId> mine = new ArrayList<>();
                ready.countDown();
                start.await();
                for (int i = 0; i < ATTEMPTS; i++) {
                    try {
                        if (!mine.isEmpty() && random.nextInt(3) == 0) {
                            AccountId back = mine.remove(random.nextInt(mine.size()));
                            f.commands.returnToPool(actor, back, "storm", null);
                            returns.get(member).incrementAndGet();
                        } else {
                            AccountId pick = accounts.get(random.nextInt(accounts.size()));
                            f.commands.claim(actor, pick);
                            mine.add(pick);
                            claims.get(member).incrementAndGet();
                        }
                    } catch (RuleViolationException refused) {
                        refusals.computeIfAbsent(refused.rule(), r -> new AtomicInteger()).incrementAndGet();
                        if (!EXPECTED_REFUSALS.contains(refused.rule())) {
                            unexpected.add(refused);
                        }
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                }
                return null;
            }));
        }
        ready.await();
        start.countDown();
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(unexpected).isEmpty();
        assertThat(refusals).doesNotContainKey(PoolRuleNames.NOT_OWNED);
        // Every limit was actually reached, so the storm tested them.
        assertThat(refusals).containsKeys(PoolRuleNames.ALREADY_OWNED, PoolRuleNames.HOLDING_LIMIT,
                PoolRuleNames.DAILY_CLAIM_LIMIT);

        Map<UserId, Integer> owned = new HashMap<>();
        for (AccountId id : accounts) {
            Account account = f.reload(id);
            if (account.owner() != null) {
                owned.merge(account.owner(), 1, Integer::sum);
            }
            assertSingleOwnerAtEveryStep(f.log(id));
        }
        int totalClaims = 0;
        for (UserId member : members) {
            int ownedNow = owned.getOrDefault(member, 0);
            int claimed = claims.get(member).get();
            totalClaims += claimed;
            assertThat(ownedNow).as("%s owns", member).isEqualTo(claimed - returns.get(member).get());
            assertThat(f.held(POOL, member, true)).as("%s holds", member).isEqualTo(ownedNow);
            assertThat(ownedNow).as("%s holding limit", member).isLessThanOrEqualTo(MAX_HELD);
            assertThat(claimed).as("%s daily limit", member).isLessThanOrEqualTo(DAILY);
            long logged = f.store.transact(tx -> tx.changeLog().count(TENANT, new ChangeLogQuery("account.claim",
                    null, member, null, Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"))));
            assertThat(logged).as("%s logged claims", member).isEqualTo(claimed);
        }
        long poolLogClaims = f.poolLog(POOL).stream().filter(e -> e.action().equals("account.claim")).count();
        assertThat(poolLogClaims).isEqualTo(totalClaims);
    }

    @Test
    void adminsDistributingWhileMembersClaimNeverBreakTheHoldingLimit() throws Exception {
        AccountPoolFixture f = new AccountPoolFixture();
        List<UserId> members = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            members.add(UserId.of(String.format("m%02d", i)));
        }
        f.pool(POOL, PoolRules.builder().maxHeldPerMember(MAX_HELD).build(),
                new PoolMembers(Set.copyOf(members), Set.of()));
        List<AccountId> accounts = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            accounts.add(f.account(POOL).id());
        }
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(members.size() + 4);
        List<Future<?>> done = new ArrayList<>();
        // Half the members claim; all of them are given accounts by the admins' distributions.
        for (int t = members.size() / 2; t < members.size() + 4; t++) {
            boolean admin = t >= members.size();
            Actor actor = admin ? AccountPoolFixture.actor(AccountPoolFixture.POOL_ADMIN)
                    : Actor.of(TENANT, members.get(t));
            Random random = new Random(7727L * (t + 1));
            done.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < 20; i++) {
                    try {
                        if (admin) {
                            List<AccountId> batch = new ArrayList<>(new java.util.LinkedHashSet<>(
                                    random.ints(8, 0, accounts.size()).mapToObj(accounts::get).toList()));
                            List<UserId> turn = new ArrayList<>(members);
                            java.util.Collections.shuffle(turn, random);
                            AccountBatchResult result = f.commands.distribute(actor, batch, turn.subList(0, 4));
                            result.rejected().stream().map(AccountBatchOutcome::rejection)
                                    .filter(e -> !(e instanceof RuleViolationException r
                                            && (EXPECTED_REFUSALS.contains(r.rule())
                                                    || r.rule().equals(PoolRuleNames.FORCED_OWNER_CHANGE))))
                                    .forEach(unexpected::add);
                        } else {
                            f.commands.claim(actor, accounts.get(random.nextInt(accounts.size())));
                        }
                    } catch (RuleViolationException refused) {
                        if (!EXPECTED_REFUSALS.contains(refused.rule())) {
                            unexpected.add(refused);
                        }
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(unexpected).isEmpty();
        Map<UserId, Integer> owned = new HashMap<>();
        for (AccountId id : accounts) {
            Account account = f.reload(id);
            if (account.owner() != null) {
                owned.merge(account.owner(), 1, Integer::sum);
            }
            UserId owner = null;
            for (ChangeLogEntry entry : f.log(id)) {
                if (!entry.action().equals("account.create")) {
                    assertThat(entry.action()).isIn("account.claim", "account.assign");
                    assertThat(owner).as("owner before %s", entry.action()).isNull();
                    owner = UserId.of(entry.changes().stream().filter(c -> c.field().equals("owner"))
                            .findFirst().orElseThrow().after());
                }
            }
            assertThat(owner).isEqualTo(account.owner());
        }
        // Both paths gave accounts out, and the limit was reached, so the race was tested.
        assertThat(f.poolLog(POOL)).extracting(ChangeLogEntry::action).contains("account.claim", "account.assign");
        assertThat(owned.values()).contains(MAX_HELD);
        for (UserId member : members) {
            int ownedNow = owned.getOrDefault(member, 0);
            assertThat(ownedNow).as("%s holding limit", member).isLessThanOrEqualTo(MAX_HELD);
            assertThat(f.held(POOL, member, true)).as("%s holds", member).isEqualTo(ownedNow);
        }
    }

    /** Replays one account's log: a claim only ever finds it unowned, a return only ever its owner. */
    private static void assertSingleOwnerAtEveryStep(List<ChangeLogEntry> log) {
        UserId owner = null;
        for (ChangeLogEntry entry : log) {
            switch (entry.action()) {
                case "account.claim" -> {
                    assertThat(owner).as("owner when %s claimed", entry.actor()).isNull();
                    assertThat(entry.changes()).contains(new FieldChange("owner", null, entry.actor().value()));
                    owner = entry.actor();
                }
                case "account.return" -> {
                    assertThat(owner).as("owner when returned").isEqualTo(entry.actor());
                    assertThat(entry.changes()).contains(new FieldChange("owner", owner.value(), null));
                    owner = null;
                }
                default -> assertThat(entry.action()).isEqualTo("account.create");
            }
        }
    }
}
