package io.crmkit.rules.lead;

import static io.crmkit.rules.lead.LeadPoolFixture.ALICE;
import static io.crmkit.rules.lead.LeadPoolFixture.BOB;
import static io.crmkit.rules.lead.LeadPoolFixture.CAROL;
import static io.crmkit.rules.lead.LeadPoolFixture.DAVE;
import static io.crmkit.rules.lead.LeadPoolFixture.OTHER_POOL;
import static io.crmkit.rules.lead.LeadPoolFixture.POOL;
import static io.crmkit.rules.lead.LeadPoolFixture.POOL_ADMIN;
import static io.crmkit.rules.lead.LeadPoolFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.pool.PoolRules;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Batch assignment and round-robin distribution: every limit honoured, every lead reported. */
class LeadBatchTest {

    private static List<LeadId> leads(LeadPoolFixture f, int count) {
        List<LeadId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(f.lead(POOL).id());
        }
        return ids;
    }

    private static String rule(LeadBatchOutcome outcome) {
        return ((RuleViolationException) outcome.rejection()).rule();
    }

    @Test
    void distributeHandsOutInTurn() {
        LeadPoolFixture f = new LeadPoolFixture().withPools(PoolRules.defaults());
        List<LeadId> ids = leads(f, 7);

        LeadBatchResult result = f.commands.distribute(actor(POOL_ADMIN), ids, List.of(ALICE, BOB, CAROL));

        assertThat(result.outcomes()).extracting(LeadBatchOutcome::leadId).containsExactlyElementsOf(ids);
        assertThat(result.outcomes()).extracting(LeadBatchOutcome::assignee)
                .containsExactly(ALICE, BOB, CAROL, ALICE, BOB, CAROL, ALICE);
        assertThat(result.rejected()).isEmpty();
        for (Lead lead : result.assigned()) {
            assertThat(f.reload(lead.id())).isEqualTo(lead);
            assertThat(f.lastEntry(lead.id()).action()).isEqualTo("lead.assign");
        }
        assertThat(f.outbox()).hasSize(7);
        assertThat(f.poolLog(POOL)).filteredOn(e -> e.action().equals("lead.assign")).hasSize(7);
    }

    @Test
    void distributeSkipsFullMembersAndReportsWhatNobodyCouldTake() {
        LeadPoolFixture f = new LeadPoolFixture().withPools(PoolRules.builder().maxHeldPerMember(2).build());
        f.commands.claim(actor(ALICE), f.lead(POOL).id()); // Alice has room for one more
        List<LeadId> ids = leads(f, 6);
        LeadPoolFixture.Snapshot lastBefore = f.snapshot(ids.get(5));

        LeadBatchResult result = f.commands.distribute(actor(POOL_ADMIN), ids, List.of(ALICE, BOB, CAROL));

        assertThat(result.outcomes()).extracting(LeadBatchOutcome::assignee)
                .containsExactly(ALICE, BOB, CAROL, BOB, CAROL, null);
        LeadBatchOutcome last = result.outcomes().get(5);
        assertThat(rule(last)).isEqualTo("pool.holding-limit");
        assertThat(((RuleViolationException) last.rejection()).limit()).isEqualTo(2);
        f.assertUnchanged(lastBefore);
        for (UserId member : List.of(ALICE, BOB, CAROL)) {
            assertThat(f.held(POOL, member)).isEqualTo(2);
        }
    }

    @Test
    void distributeSkipsListedUsersWhoAreNoMembers() {
        LeadPoolFixture f = new LeadPoolFixture().withPools(PoolRules.defaults());
        List<LeadId> ids = leads(f, 3);

        LeadBatchResult result = f.commands.distribute(actor(POOL_ADMIN), ids, List.of(DAVE, BOB));

        assertThat(result.outcomes()).extracting(LeadBatchOutcome::assignee).containsExactly(BOB, BOB, BOB);
        LeadBatchResult nobody = f.commands.distribute(actor(POOL_ADMIN), leads(f, 1), List.of(DAVE));
        assertThat(rule(nobody.outcomes().get(0))).isEqualTo("pool.assignee-not-member");
    }

    @Test
    void leadsThatFailTheirOwnChecksAreReportedAndDoNotTakeATurn() {
        LeadPoolFixture f = new LeadPoolFixture().withPools(PoolRules.defaults());
        LeadId first = f.lead(POOL).id();
        LeadId converted = f.convertedLead(POOL, CAROL).id();
        LeadId owned = f.lead(POOL).id();
        f.commands.claim(actor(CAROL), owned);
        LeadId locked = f.change(f.lead(POOL).id(), "lead.lock", l -> l.withLocked(true)).id();
        LeadId last = f.lead(POOL).id();
        LeadPoolFixture.Snapshot ownedBefore = f.snapshot(owned);

        LeadBatchResult result = f.commands.distribute(actor(POOL_ADMIN),
                List.of(first, converted, LeadId.of("missing"), owned, locked, last), List.of(ALICE, BOB));

        List<LeadBatchOutcome> o = result.outcomes();
        assertThat(o.get(0).assignee()).isEqualTo(ALICE);
        assertThat(o.get(1).rejection()).isInstanceOf(IllegalTransitionException.class);
        assertThat(o.get(2).rejection()).isInstanceOf(NotFoundException.class);
        assertThat(rule(o.get(3))).isEqualTo("pool.forced-owner-change");
        assertThat(rule(o.get(4))).isEqualTo("lead.locked");
        assertThat(o.get(5).assignee()).isEqualTo(BOB);
        assertThat(result.assigned()).hasSize(2);
        assertThat(result.assignedTo(BOB)).extracting(Lead::id).containsExactly(last);
        f.assertUnchanged(ownedBefore);
    }

    @Test
    void leadsOfSeveralPoolsAreEachAssignedUnderTheirOwnPool() {
        LeadPoolFixture f = new LeadPoolFixture().withPools(PoolRules.builder().maxHeldPerMember(1).build());
        LeadId a = f.lead(POOL).id();
        LeadId b = f.lead(POOL).id();
        LeadId c = f.lead(OTHER_POOL).id();

        LeadBatchResult result = f.commands.assignBatch(actor(POOL_ADMIN), List.of(a, b, c), ALICE);

        assertThat(result.outcomes()).extracting(LeadBatchOutcome::assignee).containsExactly(ALICE, null, ALICE);
        assertThat(rule(result.outcomes().get(1))).isEqualTo("pool.holding-limit");
        assertThat(f.lastEntry(c).context().id()).isEqualTo(OTHER_POOL.value());
    }

    @Test
    void assignBatchStopsAtTheHoldingLimit() {
        LeadPoolFixture f = new LeadPoolFixture().withPools(PoolRules.builder().maxHeldPerMember(2).build());
        List<LeadId> ids = leads(f, 3);

        LeadBatchResult result = f.commands.assignBatch(actor(POOL_ADMIN), ids, BOB);

        assertThat(result.outcomes()).extracting(LeadBatchOutcome::isAssigned).containsExactly(true, true, false);
        assertThat(rule(result.rejected().get(0))).isEqualTo("pool.holding-limit");
        assertThat(f.reload(ids.get(2)).owner()).isNull();
        assertThat(f.held(POOL, BOB)).isEqualTo(2);
    }

    @Test
    void aBatchByANonAdminAssignsNothing() {
        LeadPoolFixture f = new LeadPoolFixture().withPools(PoolRules.defaults());
        List<LeadId> ids = leads(f, 2);
        LeadPoolFixture.Snapshot before = f.snapshot(ids.get(0));

        LeadBatchResult result = f.commands.distribute(actor(ALICE), ids, List.of(ALICE, BOB));

        assertThat(result.assigned()).isEmpty();
        assertThat(result.rejected()).allSatisfy(o -> assertThat(o.rejection()).isInstanceOf(ForbiddenException.class));
        f.assertUnchanged(before);
    }

    @Test
    void batchesAreValidatedBeforeAnything() {
        LeadPoolFixture f = new LeadPoolFixture().withPools(PoolRules.defaults());
        LeadId id = f.lead(POOL).id();

        ValidationException empty = catchThrowableOfType(ValidationException.class,
                () -> f.commands.distribute(actor(POOL_ADMIN), List.of(), List.of()));
        assertThat(empty.violations()).extracting(v -> v.field()).containsExactly("leads", "members");
        ValidationException twice = catchThrowableOfType(ValidationException.class,
                () -> f.commands.assignBatch(actor(POOL_ADMIN), List.of(id, id), ALICE));
        assertThat(twice.hasViolation("leads", ErrorCode.FIELD_INVALID)).isTrue();
        ValidationException tooMany = catchThrowableOfType(ValidationException.class,
                () -> f.commands.assignBatch(actor(POOL_ADMIN),
                        IntStream.range(0, 1001).mapToObj(i -> LeadId.of("X" + i)).toList(), ALICE));
        assertThat(tooMany.violations()).extracting(v -> v.field()).containsExactly("leads");
        assertThat(f.reload(id).owner()).isNull();
    }
}
