package io.crmkit.rules.lead;

import static io.crmkit.rules.lead.LeadPoolFixture.POOL;
import static io.crmkit.rules.lead.LeadPoolFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadReturnReason;
import io.crmkit.core.pool.PoolMembers;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.rules.pool.PoolRuleNames;
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
 * Twenty members on twenty real threads claim from one pool at once, and return some of what they
 * hold: afterwards no lead has had two owners, nobody holds more than the holding limit or claimed
 * more than the daily limit, and every member owns exactly what their claims minus returns say.
 */
class LeadClaimStormTest {
    private static final int MEMBERS = 20;
    private static final int LEADS = 60;
    private static final int ATTEMPTS = 60;
    private static final int MAX_HELD = 3;
    private static final int DAILY = 6;
    private static final Set<String> EXPECTED_REFUSALS = Set.of(
            PoolRuleNames.ALREADY_OWNED, PoolRuleNames.HOLDING_LIMIT, PoolRuleNames.DAILY_CLAIM_LIMIT);

    @Test
    void noDoubleOwnerAndNoLimitBreachUnderAClaimStorm() throws Exception {
        LeadPoolFixture f = new LeadPoolFixture();
        List<UserId> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(UserId.of(String.format("m%02d", i)));
        }
        f.pool(POOL, PoolRules.builder().maxHeldPerMember(MAX_HELD).dailyClaimLimit(DAILY).build(),
                new PoolMembers(Set.copyOf(members), Set.of()));
        List<LeadId> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            leads.add(f.lead(POOL).id());
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
            Random random = new Random(7919L * (t + 1));
            claims.put(member, new AtomicInteger());
            returns.put(member, new AtomicInteger());
            done.add(threads.submit(() -> {
                Actor actor = Actor.of(TENANT, member);
                List<LeadId> mine = new ArrayList<>();
                ready.countDown();
                start.await();
                for (int i = 0; i < ATTEMPTS; i++) {
                    try {
                        if (!mine.isEmpty() && random.nextInt(3) == 0) {
                            LeadId back = mine.remove(random.nextInt(mine.size()));
                            f.commands.returnToPool(actor, back, LeadReturnReason.NO_NEED, null, null);
                            returns.get(member).incrementAndGet();
                        } else {
                            LeadId pick = leads.get(random.nextInt(leads.size()));
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
        // Every limit was actually reached, so the storm tested them.
        assertThat(refusals).containsKeys(PoolRuleNames.ALREADY_OWNED, PoolRuleNames.HOLDING_LIMIT,
                PoolRuleNames.DAILY_CLAIM_LIMIT);

        Map<UserId, Integer> owned = new HashMap<>();
        for (LeadId id : leads) {
            Lead lead = f.reload(id);
            if (lead.owner() != null) {
                owned.merge(lead.owner(), 1, Integer::sum);
            }
            assertSingleOwnerAtEveryStep(f.log(id));
        }
        for (UserId member : members) {
            int ownedNow = owned.getOrDefault(member, 0);
            int claimed = claims.get(member).get();
            assertThat(ownedNow).as("%s owns", member).isEqualTo(claimed - returns.get(member).get());
            assertThat(f.held(POOL, member)).as("%s holds", member).isEqualTo(ownedNow);
            assertThat(ownedNow).as("%s holding limit", member).isLessThanOrEqualTo(MAX_HELD);
            assertThat(claimed).as("%s daily limit", member).isLessThanOrEqualTo(DAILY);
            assertThat(f.countActions("lead.claim", member)).as("%s logged claims", member).isEqualTo(claimed);
        }
        long poolLogClaims = f.poolLog(POOL).stream().filter(e -> e.action().equals("lead.claim")).count();
        assertThat(poolLogClaims).isEqualTo(claims.values().stream().mapToInt(AtomicInteger::get).sum());
    }

    /** Replays one lead's log: a claim only ever finds it unowned, a return only ever its owner. */
    private static void assertSingleOwnerAtEveryStep(List<ChangeLogEntry> log) {
        UserId owner = null;
        for (ChangeLogEntry entry : log) {
            switch (entry.action()) {
                case "lead.claim" -> {
                    assertThat(owner).as("owner when %s claimed", entry.actor()).isNull();
                    assertThat(entry.changes()).containsExactly(new FieldChange("owner", null, entry.actor().value()),
                            new FieldChange("ownedSince", null, entry.at().toString()));
                    owner = entry.actor();
                }
                case "lead.return" -> {
                    assertThat(owner).as("owner when returned").isEqualTo(entry.actor());
                    assertThat(entry.changes()).contains(new FieldChange("owner", owner.value(), null));
                    assertThat(entry.changes()).extracting(FieldChange::field).containsExactly("owner", "ownedSince");
                    owner = null;
                }
                default -> assertThat(entry.action()).isEqualTo("lead.create");
            }
        }
    }
}
