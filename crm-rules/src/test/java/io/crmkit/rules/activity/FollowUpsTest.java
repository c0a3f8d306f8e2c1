package io.crmkit.rules.activity;

import static io.crmkit.rules.lead.LifecycleFixture.MEMBER;
import static io.crmkit.rules.lead.LifecycleFixture.OWNER;
import static io.crmkit.rules.lead.LifecycleFixture.POOL_ADMIN;
import static io.crmkit.rules.lead.LifecycleFixture.TENANT;
import static io.crmkit.rules.lead.LifecycleFixture.TENANT_ADMIN;
import static io.crmkit.rules.lead.LifecycleFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.TeamMember;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.activity.FollowUpKind;
import io.crmkit.core.activity.FollowUpRecord;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.money.Money;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.pool.PoolMembers;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityId;
import io.crmkit.core.sales.OpportunityStage;
import io.crmkit.core.sales.SalesProcessId;
import io.crmkit.core.sales.StageId;
import io.crmkit.rules.lead.ConvertLead;
import io.crmkit.rules.lead.LeadConversion;
import io.crmkit.rules.lead.LifecycleFixture;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class FollowUpsTest {
    private static final UserId READER = UserId.of("erin");
    private static final UserId WRITER = UserId.of("frank");

    private final LifecycleFixture fx = new LifecycleFixture();
    private final FollowUps followUps = new FollowUps(fx.rules);

    // ---- leads

    @Test
    void aFollowUpOnALeadIsStoredAndMovesItsLastFollowUpTime() {
        Lead lead = fx.poolLead();
        fx.clock.advance(Duration.ofHours(3));
        Instant earlier = fx.clock.instant().minus(Duration.ofHours(1));
        RecordRef target = LifecycleFixture.ref(lead.id());

        FollowUpRecord stored = followUps.record(actor(OWNER),
                new RecordFollowUp(target, FollowUpKind.VISIT, " Met the buyer ", earlier));

        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.target()).isEqualTo(target);
        assertThat(stored.kind()).isEqualTo(FollowUpKind.VISIT);
        assertThat(stored.content()).isEqualTo("Met the buyer");
        assertThat(stored.occurredAt()).isEqualTo(earlier);
        assertThat(stored.author()).isEqualTo(OWNER);
        assertThat(stored.createdAt()).isEqualTo(fx.clock.instant());
        assertThat(fx.followUps()).containsExactly(stored);

        Lead after = fx.lead(lead.id());
        assertThat(after.lastFollowUpAt()).isEqualTo(earlier);
        assertThat(after.updatedAt()).isEqualTo(fx.clock.instant());
        assertThat(after.status()).as("a follow-up alone moves no status").isEqualTo(lead.status());
        ChangeLogEntry entry = last(target);
        assertThat(entry.action()).isEqualTo("follow-up.record");
        assertThat(entry.actor()).isEqualTo(OWNER);
        assertThat(entry.context()).isEqualTo(RecordRef.of(RecordType.LEAD_POOL, fx.pool));
        assertThat(entry.changes()).containsExactly(new FieldChange("lastFollowUpAt", null, earlier.toString()));
    }

    @Test
    void theLastFollowUpTimeNeverMovesBackwards() {
        Lead lead = fx.poolLead();
        RecordRef target = LifecycleFixture.ref(lead.id());
        fx.clock.advance(Duration.ofDays(2));
        Instant latest = fx.clock.instant();
        followUps.record(actor(OWNER), RecordFollowUp.now(target, FollowUpKind.CALL, "today"));
        Lead followedUp = fx.lead(lead.id());
        fx.clock.advance(Duration.ofHours(1));

        followUps.record(actor(OWNER),
                new RecordFollowUp(target, FollowUpKind.NOTE, "logged late", latest.minus(Duration.ofDays(1))));

        assertThat(fx.lead(lead.id())).as("not written at all: same version, same time").isEqualTo(followedUp);
        assertThat(fx.lead(lead.id()).lastFollowUpAt()).isEqualTo(latest);
        assertThat(fx.followUps()).hasSize(2);
        ChangeLogEntry entry = last(target);
        assertThat(entry.action()).isEqualTo("follow-up.record");
        assertThat(entry.changes()).isEmpty();
    }

    @Test
    void aFollowUpCannotHappenLaterThanNowAndEveryProblemIsListedAtOnce() {
        Lead lead = fx.poolLead();
        RecordRef target = LifecycleFixture.ref(lead.id());

        assertNothingWritten(lead, () -> followUps.record(actor(OWNER),
                new RecordFollowUp(target, null, "", fx.clock.instant().plusSeconds(1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + " " + v.code())
                        .containsExactly("content field.required", "kind field.required", "occurredAt field.invalid"));
        assertNothingWritten(lead, () -> followUps.record(actor(OWNER),
                new RecordFollowUp(target, FollowUpKind.CALL, "x".repeat(4001), null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("content", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
        assertThatThrownBy(() -> followUps.record(actor(OWNER), new RecordFollowUp(null, FollowUpKind.CALL, "call", null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("target", ErrorCode.FIELD_REQUIRED)).isTrue());

        FollowUpRecord exactlyNow = followUps.record(actor(OWNER),
                new RecordFollowUp(target, FollowUpKind.CALL, "call", fx.clock.instant()));
        assertThat(exactlyNow.occurredAt()).isEqualTo(fx.clock.instant());
    }

    @Test
    void onlyLeadsAccountsContactsAndOpportunitiesTakeFollowUps() {
        assertThatThrownBy(() -> new RecordFollowUp(new RecordRef(RecordType.QUOTE, "q-1"), FollowUpKind.CALL, "call", null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("target", ErrorCode.FIELD_INVALID)).isTrue());
    }

    @Test
    void aTargetOfAnotherTenantIsNotFound() {
        Lead lead = fx.poolLead();
        Actor stranger = Actor.of(LifecycleFixture.OTHER_TENANT, OWNER);

        assertNothingWritten(lead, () -> followUps.record(stranger,
                RecordFollowUp.now(LifecycleFixture.ref(lead.id()), FollowUpKind.CALL, "call")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> followUps.ofTarget(stranger, LifecycleFixture.ref(lead.id()), PageRequest.first(10)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void onALeadOwnerPoolAdminAndTenantAdminMayLogButNoOtherMember() {
        Lead lead = fx.poolLead();
        RecordRef target = LifecycleFixture.ref(lead.id());

        assertNothingWritten(lead, () -> followUps.record(actor(MEMBER), RecordFollowUp.now(target, FollowUpKind.CALL, "call")))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.action()).isEqualTo("follow-up.record"));

        for (UserId user : List.of(OWNER, POOL_ADMIN, TENANT_ADMIN)) {
            followUps.record(actor(user), RecordFollowUp.now(target, FollowUpKind.NOTE, "by " + user.value()));
        }
        assertThat(fx.followUps()).extracting(FollowUpRecord::author).containsExactly(OWNER, POOL_ADMIN, TENANT_ADMIN);
    }

    @Test
    void aLockedVoidedOrConvertedLeadTakesNoFollowUp() {
        Lead locked = fx.overwrite(fx.poolLead().withLocked(true));
        Lead voided = fx.overwrite(fx.poolLead().withVoided(true));
        Lead fresh = fx.poolLead();
        Lead converted = new LeadConversion(fx.rules).convert(actor(OWNER), fresh.id(), ConvertLead.toNewAccount()).lead();

        assertNothingWritten(locked, () -> followUps.record(actor(OWNER),
                RecordFollowUp.now(LifecycleFixture.ref(locked.id()), FollowUpKind.CALL, "call")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("lead.locked"));
        assertNothingWritten(voided, () -> followUps.record(actor(TENANT_ADMIN),
                RecordFollowUp.now(LifecycleFixture.ref(voided.id()), FollowUpKind.CALL, "call")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("lead.voided"));
        assertNothingWritten(converted, () -> followUps.record(actor(OWNER),
                RecordFollowUp.now(LifecycleFixture.ref(converted.id()), FollowUpKind.CALL, "call")))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.from()).isEqualTo("CONVERTED"));
    }

    // ---- accounts

    @Test
    void onAnAccountTheOwnerTheReadWriteTeamAndThePoolAdminMayLog() {
        PoolId pool = publicPool();
        Account account = insertAccount(a -> a.poolId(pool)
                .teamMembers(List.of(TeamMember.readOnly(READER), TeamMember.readWrite(WRITER))));
        RecordRef target = RecordRef.of(RecordType.ACCOUNT, account.id());

        for (UserId user : List.of(READER, MEMBER)) {
            assertThatThrownBy(() -> followUps.record(actor(user), RecordFollowUp.now(target, FollowUpKind.CALL, "call")))
                    .isInstanceOf(ForbiddenException.class);
        }
        assertThat(account(account.id())).isEqualTo(account);
        assertThat(fx.followUps()).isEmpty();
        assertThat(fx.log(target)).isEmpty();

        for (UserId user : List.of(OWNER, WRITER, POOL_ADMIN, TENANT_ADMIN)) {
            fx.clock.advance(Duration.ofMinutes(1));
            followUps.record(actor(user), RecordFollowUp.now(target, FollowUpKind.MEETING, "by " + user.value()));
        }

        assertThat(account(account.id()).lastFollowUpAt()).isEqualTo(fx.clock.instant());
        assertThat(fx.log(target)).hasSize(4).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo("follow-up.record");
            assertThat(e.context()).isEqualTo(RecordRef.of(RecordType.POOL, pool));
        });
    }

    @Test
    void aLockedOrVoidedAccountTakesNoFollowUp() {
        Account locked = insertAccount(a -> a.locked(true));
        Account voided = insertAccount(a -> a.voided(true));

        assertThatThrownBy(() -> followUps.record(actor(OWNER),
                RecordFollowUp.now(RecordRef.of(RecordType.ACCOUNT, locked.id()), FollowUpKind.CALL, "call")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("account.locked"));
        assertThatThrownBy(() -> followUps.record(actor(OWNER),
                RecordFollowUp.now(RecordRef.of(RecordType.ACCOUNT, voided.id()), FollowUpKind.CALL, "call")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("account.voided"));
        assertThat(fx.followUps()).isEmpty();
    }

    // ---- contacts and opportunities

    @Test
    void onAContactItsOwnerAndItsAccountsOwnerAndWritersMayLog() {
        Account account = insertAccount(a -> a.owner(MEMBER).teamMembers(List.of(TeamMember.readWrite(WRITER))));
        Contact contact = insertContact(account.id(), OWNER);
        RecordRef target = RecordRef.of(RecordType.CONTACT, contact.id());

        assertThatThrownBy(() -> followUps.record(actor(POOL_ADMIN), RecordFollowUp.now(target, FollowUpKind.CALL, "call")))
                .isInstanceOf(ForbiddenException.class);
        for (UserId user : List.of(OWNER, MEMBER, WRITER)) {
            fx.clock.advance(Duration.ofMinutes(1));
            followUps.record(actor(user), RecordFollowUp.now(target, FollowUpKind.EMAIL, "mail"));
        }

        Contact after = fx.store.transact(tx -> tx.contacts().get(TENANT, contact.id()));
        assertThat(after.lastFollowUpAt()).isEqualTo(fx.clock.instant());
        assertThat(fx.log(target)).extracting(ChangeLogEntry::context).containsOnlyNulls();
    }

    @Test
    void onAnOpportunityTheOwnerLogsAndALockStopsEveryoneButAdmins() {
        Opportunity open = insertOpportunity(false);
        Opportunity locked = insertOpportunity(true);

        followUps.record(actor(OWNER), RecordFollowUp.now(RecordRef.of(RecordType.OPPORTUNITY, open.id()), FollowUpKind.CALL, "c"));
        assertThat(opportunity(open.id()).lastFollowUpAt()).isEqualTo(fx.clock.instant());
        assertThatThrownBy(() -> followUps.record(actor(MEMBER),
                RecordFollowUp.now(RecordRef.of(RecordType.OPPORTUNITY, open.id()), FollowUpKind.CALL, "c")))
                .isInstanceOf(ForbiddenException.class);

        RecordRef lockedRef = RecordRef.of(RecordType.OPPORTUNITY, locked.id());
        assertThatThrownBy(() -> followUps.record(actor(OWNER), RecordFollowUp.now(lockedRef, FollowUpKind.CALL, "c")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("opportunity.locked"));
        assertThat(opportunity(locked.id())).isEqualTo(locked);
        followUps.record(actor(TENANT_ADMIN), RecordFollowUp.now(lockedRef, FollowUpKind.CALL, "c"));
        assertThat(opportunity(locked.id()).lastFollowUpAt()).isEqualTo(fx.clock.instant());
    }

    // ---- reading

    @Test
    void ofTargetPagesTheTargetsFollowUpsNewestFirst() {
        Lead lead = fx.poolLead();
        Lead other = fx.poolLead();
        RecordRef target = LifecycleFixture.ref(lead.id());
        fx.clock.advance(Duration.ofDays(10));
        Instant now = fx.clock.instant();
        // Logged in this order, happened in another: 5 days ago, 1 day ago, 3 days ago, 1 day ago, now.
        List<Integer> daysAgo = List.of(5, 1, 3, 1, 0);
        List<FollowUpRecord> logged = new ArrayList<>();
        for (int days : daysAgo) {
            logged.add(followUps.record(actor(OWNER), new RecordFollowUp(target, FollowUpKind.CALL,
                    days + " days ago", now.minus(Duration.ofDays(days)))));
            followUps.record(actor(OWNER), RecordFollowUp.now(LifecycleFixture.ref(other.id()), FollowUpKind.CALL, "other"));
        }

        List<FollowUpRecord> read = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        while (true) {
            Page<FollowUpRecord> page = followUps.ofTarget(actor(OWNER), target, request);
            read.addAll(page.items());
            sizes.add(page.items().size());
            if (!page.hasNext()) {
                break;
            }
            request = request.next(page);
        }

        assertThat(sizes).containsExactly(2, 2, 1);
        // Same time: the later id (logged later) first.
        assertThat(read).containsExactly(logged.get(4), logged.get(3), logged.get(1), logged.get(2), logged.get(0));
        assertThat(followUps.ofTarget(actor(OWNER), target, PageRequest.first(10)).hasNext()).isFalse();
    }

    @Test
    void ofTargetRejectsACursorItDidNotIssue() {
        Lead lead = fx.poolLead();

        assertThatThrownBy(() -> followUps.ofTarget(actor(OWNER), LifecycleFixture.ref(lead.id()), new PageRequest(10, "page-2")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("after", ErrorCode.FIELD_INVALID)).isTrue());
    }

    @Test
    void readOnlyTeamMembersReadAnAccountsFollowUpsButStrangersDoNot() {
        Account account = insertAccount(a -> a.teamMembers(List.of(TeamMember.readOnly(READER))));
        RecordRef target = RecordRef.of(RecordType.ACCOUNT, account.id());
        FollowUpRecord logged = followUps.record(actor(OWNER), RecordFollowUp.now(target, FollowUpKind.CALL, "call"));

        assertThat(followUps.ofTarget(actor(READER), target, PageRequest.first(10)).items()).containsExactly(logged);
        assertThatThrownBy(() -> followUps.ofTarget(actor(MEMBER), target, PageRequest.first(10)))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.action()).isEqualTo("follow-up.read"));
    }

    @Test
    void poolMembersReadAnUnclaimedLeadsFollowUpsOnlyWhereThePoolShowsRelatedData() {
        Lead hidden = fx.createLead(fx.pool, null);
        LeadPool showing = fx.rules.command(actor(TENANT_ADMIN), cmd -> cmd.tx().leadPools().insert(LeadPool.builder()
                .id(cmd.tx().leadPools().nextId()).tenantId(TENANT).name("Web enquiries")
                .admins(Set.of(POOL_ADMIN)).members(PoolMembers.ofUsers(MEMBER))
                .rules(PoolRules.builder().relatedDataVisibleBeforeClaim(true).build())
                .createdAt(cmd.now()).updatedAt(cmd.now()).build()));
        Lead visible = fx.createLead(showing.id(), null);
        Lead claimed = fx.createLead(showing.id(), OWNER);

        assertThat(followUps.ofTarget(actor(MEMBER), LifecycleFixture.ref(visible.id()), PageRequest.first(10)).items()).isEmpty();
        assertThatThrownBy(() -> followUps.ofTarget(actor(MEMBER), LifecycleFixture.ref(hidden.id()), PageRequest.first(10)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> followUps.ofTarget(actor(MEMBER), LifecycleFixture.ref(claimed.id()), PageRequest.first(10)))
                .as("once claimed, the owner's work is theirs").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> followUps.ofTarget(actor(READER), LifecycleFixture.ref(visible.id()), PageRequest.first(10)))
                .as("not a member").isInstanceOf(ForbiddenException.class);
    }

    // ---- helpers

    private ChangeLogEntry last(RecordRef record) {
        List<ChangeLogEntry> log = fx.log(record);
        return log.get(log.size() - 1);
    }

    /** Runs {@code call}, expecting it to throw, and checks that the lead, its log and the follow-ups are as before. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertNothingWritten(Lead lead, ThrowingCallable call) {
        Lead before = fx.lead(lead.id());
        int entries = fx.log(lead.id()).size();
        int records = fx.followUps().size();
        var thrown = assertThatThrownBy(call);
        assertThat(fx.lead(lead.id())).isEqualTo(before);
        assertThat(fx.log(lead.id())).hasSize(entries);
        assertThat(fx.followUps()).hasSize(records);
        return thrown;
    }

    private PoolId publicPool() {
        return fx.rules.command(actor(TENANT_ADMIN), cmd -> cmd.tx().pools().insert(Pool.builder()
                .id(cmd.tx().pools().nextId()).tenantId(TENANT).name("East China")
                .admins(Set.of(POOL_ADMIN)).members(PoolMembers.ofUsers(OWNER, MEMBER)).rules(PoolRules.defaults())
                .createdAt(cmd.now()).updatedAt(cmd.now()).build())).id();
    }

    private Account insertAccount(UnaryOperator<Account.Builder> more) {
        return fx.store.transact(tx -> tx.accounts().insert(more.apply(Account.builder()
                .id(tx.accounts().nextId()).tenantId(TENANT).name("Lianhe Trading " + tx.accounts().nextId().value())
                .owner(OWNER).ownedSince(fx.clock.instant())
                .createdAt(fx.clock.instant()).updatedAt(fx.clock.instant())).build()));
    }

    private Account account(AccountId id) {
        return fx.store.transact(tx -> tx.accounts().get(TENANT, id));
    }

    private Contact insertContact(AccountId account, UserId owner) {
        return fx.store.transact(tx -> tx.contacts().insert(Contact.builder()
                .id(tx.contacts().nextId()).tenantId(TENANT).accountId(account).name("Wang Fang").owner(owner)
                .createdAt(fx.clock.instant()).updatedAt(fx.clock.instant()).build()));
    }

    private Opportunity insertOpportunity(boolean locked) {
        return fx.store.transact(tx -> tx.opportunities().insert(Opportunity.builder()
                .id(tx.opportunities().nextId()).tenantId(TENANT).name("200 units")
                .accountId(AccountId.of("acc-1")).amount(Money.of("1000.00", "CNY"))
                .salesProcessId(SalesProcessId.of("standard")).stage(OpportunityStage.open(StageId.of("qualify")))
                .locked(locked).owner(OWNER)
                .createdAt(fx.clock.instant()).updatedAt(fx.clock.instant()).build()));
    }

    private Opportunity opportunity(OpportunityId id) {
        return fx.store.transact(tx -> tx.opportunities().get(TENANT, id));
    }
}
