package io.crmkit.rules.lead;

import static io.crmkit.rules.lead.LeadPoolFixture.ALICE;
import static io.crmkit.rules.lead.LeadPoolFixture.BOB;
import static io.crmkit.rules.lead.LeadPoolFixture.CAROL;
import static io.crmkit.rules.lead.LeadPoolFixture.POOL;
import static io.crmkit.rules.lead.LeadPoolFixture.POOL_ADMIN;
import static io.crmkit.rules.lead.LeadPoolFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.pool.PoolRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How claims and assignments serialise: the member's lock before every count, versions on write. */
class LeadClaimAtomicityTest {

    private static final PoolRules LIMITED = PoolRules.builder().maxHeldPerMember(5).dailyClaimLimit(5).build();

    @Test
    void aClaimLocksTheMemberBeforeCountingAndWritesLast() {
        RecordingStore[] recorder = new RecordingStore[1];
        LeadPoolFixture f = new LeadPoolFixture(store -> recorder[0] = new RecordingStore(store)).withPools(LIMITED);
        Lead lead = f.lead(POOL);
        recorder[0].events.clear();

        f.commands.claim(actor(ALICE), lead.id());

        assertThat(recorder[0].events)
                .containsExactly("lock pool:LP1:member:alice", "countHeld alice", "countLog", "update");
    }

    @Test
    void aBatchLocksEveryMemberInKeyOrderBeforeCountingAnything() {
        RecordingStore[] recorder = new RecordingStore[1];
        LeadPoolFixture f = new LeadPoolFixture(store -> recorder[0] = new RecordingStore(store)).withPools(LIMITED);
        LeadId a = f.lead(POOL).id();
        LeadId b = f.lead(LeadPoolFixture.OTHER_POOL).id();
        recorder[0].events.clear();

        f.commands.distribute(actor(POOL_ADMIN), List.of(a, b), List.of(CAROL, ALICE, BOB));

        List<String> locks = recorder[0].events.stream().filter(e -> e.startsWith("lock ")).toList();
        assertThat(locks).containsExactly(
                "lock pool:LP1:member:alice", "lock pool:LP1:member:bob", "lock pool:LP1:member:carol",
                "lock pool:LP2:member:alice", "lock pool:LP2:member:bob", "lock pool:LP2:member:carol");
        assertThat(recorder[0].events.subList(0, 6)).isEqualTo(locks);
        // The first pool's limit is counted once, for the member whose turn it is; the second has none.
        assertThat(recorder[0].events.subList(6, recorder[0].events.size()))
                .containsExactly("countHeld carol", "update", "update");
    }

    @Test
    void theLoserOfARaceForOneLeadIsRetriedAndFindsItOwned() {
        RecordingStore[] recorder = new RecordingStore[1];
        LeadPoolFixture f = new LeadPoolFixture(store -> recorder[0] = new RecordingStore(store)).withPools(LIMITED);
        Lead lead = f.lead(POOL);
        // Bob's claim commits between Alice's read and her write, as on another instance.
        recorder[0].beforeNextLeadUpdate(() -> f.commands.claim(actor(BOB), lead.id()));

        RuleViolationException e = catchThrowableOfType(RuleViolationException.class,
                () -> f.commands.claim(actor(ALICE), lead.id()));

        assertThat(e.rule()).isEqualTo("pool.already-owned");
        assertThat(f.reload(lead.id()).owner()).isEqualTo(BOB);
        assertThat(f.log(lead.id())).extracting(ChangeLogEntry::action).containsExactly("lead.create", "lead.claim");
        assertThat(f.lastEntry(lead.id()).actor()).isEqualTo(BOB);
        assertThat(f.held(POOL, ALICE)).isZero();
    }
}
