package io.crmkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FollowUpKind;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.lead.LeadReturnReason;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.pool.PoolMembers;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.tenant.DuplicateAction;
import io.crmkit.core.tenant.DuplicatePolicy;
import io.crmkit.core.tenant.TenantSettings;
import io.crmkit.rules.activity.RecordFollowUp;
import io.crmkit.rules.lead.ConvertLead;
import io.crmkit.rules.lead.LeadUpdate;
import io.crmkit.rules.lead.NewLead;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.memory.InMemoryCompanyRegistry;
import io.crmkit.spi.memory.InMemoryCrmStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every lead command reached through {@link Crm#leads()} (the facade hosts use), with each kind of
 * rejection the issue names: wrong actor, illegal state, missing required field, duplicate under
 * BLOCK. The services' own tests cover every rule in depth; this proves the entry point wires each
 * command to the right one and that a refusal changes nothing.
 */
class CrmLeadsTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private static final LeadPoolId POOL = LeadPoolId.of("fair-leads");
    private static final LeadPoolId OTHER_POOL = LeadPoolId.of("web-leads");

    private final Actor admin = Actor.of(TENANT, UserId.of("wang.admin"));
    private final Actor li = Actor.of(TENANT, UserId.of("li.lei"));
    private final Actor han = Actor.of(TENANT, UserId.of("han.meimei"));
    private Crm crm;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        TenantSettings settings = TenantSettings.defaults(ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"))
                .toBuilder()
                .duplicatePolicy(DuplicatePolicy.defaults().with(RecordType.LEAD, DuplicateAction.BLOCK))
                .build();
        crm = Crm.builder()
                .store(InMemoryCrmStore.create(clock))
                .clock(clock)
                .tenantSettings(TenantSettingsSource.fixed(settings))
                .registry(InMemoryCompanyRegistry.sample())
                .build();
        crm.store().transact(tx -> {
            for (LeadPoolId id : List.of(POOL, OTHER_POOL)) {
                tx.leadPools().insert(LeadPool.builder()
                        .id(id).tenantId(TENANT).name(id.value())
                        .admins(Set.of(admin.userId()))
                        .members(PoolMembers.ofUsers(li.userId(), han.userId()))
                        .rules(PoolRules.builder().maxHeldPerMember(50).build())
                        .createdAt(NOW).updatedAt(NOW)
                        .build());
            }
            return null;
        });
    }

    @Test
    void everyLeadCommandWorksThroughCrm() {
        LeadId id = crm.leads().create(admin, newLead("Suzhou Valves Co., Ltd.", "+86 139 0000 0001")).lead().id();
        assertThat(lead(id).owner()).isNull();

        assertThat(crm.leads().claim(li, id).owner()).isEqualTo(li.userId());
        assertThat(crm.leads().update(li, id, LeadUpdate.none().withDetails("Needs 800 units")).lead().details())
                .isEqualTo("Needs 800 units");
        assertThat(crm.leads().markFollowingUp(li, id, FollowUpKind.VISIT, "Visited the plant").status())
                .isEqualTo(LeadStatus.FOLLOWING_UP);
        assertThat(crm.followUps().ofTarget(li, RecordRef.of(RecordType.LEAD, id), PageRequest.first(10)).items())
                .extracting(f -> f.content()).contains("Visited the plant");
        assertThat(crm.leads().returnToPool(li, id, LeadReturnReason.NO_NEED, null, null).owner()).isNull();
        assertThat(crm.leads().assign(admin, id, han.userId()).owner()).isEqualTo(han.userId());
        assertThat(crm.leads().transfer(admin, id, OTHER_POOL).poolId()).isEqualTo(OTHER_POOL);
        assertThat(crm.leads().assignBatch(admin, List.of(id), li.userId()).outcomes())
                .hasSize(1)
                .allMatch(o -> o.isAssigned() && li.userId().equals(o.assignee()));
        assertThat(crm.leads().markInvalid(li, id, "wrong number").status()).isEqualTo(LeadStatus.INVALID);
        assertThat(crm.leads().restore(li, id).status()).isEqualTo(LeadStatus.FOLLOWING_UP);
        assertThat(crm.leads().lock(admin, id).locked()).isTrue();
        assertThat(crm.leads().unlock(admin, id).locked()).isFalse();
        assertThat(crm.leads().voidLead(li, id, "clean-up").voided()).isTrue();
        assertThat(crm.leads().restoreFromBin(li, id).voided()).isFalse();
        assertThat(crm.leads().markMql(li, id, "Budget confirmed").status()).isEqualTo(LeadStatus.MQL);
        var converted = crm.leads().convert(li, id, ConvertLead.toNewAccount());
        assertThat(converted.lead().status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(converted.account().tenantId()).isEqualTo(TENANT);

        LeadId second = crm.leads().create(admin, newLead("Hangzhou Example Tech", "+86 139 0000 0002")).lead().id();
        assertThat(crm.leads().distribute(admin, List.of(second), List.of(han.userId())).outcomes())
                .hasSize(1)
                .allMatch(o -> han.userId().equals(o.assignee()));
        assertThat(crm.companies().suggest("示例", 3)).isNotEmpty();

        // Every command left its trace in the lead's change log, newest first.
        List<String> actions = crm.store().transact(tx -> tx.changeLog()
                .ofRecord(TENANT, RecordRef.of(RecordType.LEAD, id), PageRequest.first(100)).items())
                .stream().map(ChangeLogEntry::action).toList();
        assertThat(actions).contains("lead.create", "lead.claim", "lead.update", "lead.mark-following-up",
                "lead.return", "lead.assign", "lead.transfer", "lead.mark-invalid", "lead.restore", "lead.lock",
                "lead.unlock", "lead.void", "lead.restore-from-bin", "lead.mark-mql", "lead.convert");
    }

    @Test
    void theWrongActorIsRefusedAndNothingChanges() {
        LeadId id = crm.leads().create(li, ownLead(li)).lead().id();
        Lead before = lead(id);

        ForbiddenException e = catchThrowableOfType(ForbiddenException.class,
                () -> crm.leads().markMql(han, id, "not mine"));

        assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(lead(id)).isEqualTo(before);
    }

    @Test
    void anIllegalStateIsRefused() {
        LeadId id = crm.leads().create(li, ownLead(li)).lead().id();
        crm.leads().convert(li, id, ConvertLead.toNewAccount());
        Lead converted = lead(id);

        assertThat(catchThrowableOfType(IllegalTransitionException.class,
                () -> crm.leads().convert(li, id, ConvertLead.toNewAccount())).machine()).isEqualTo("lead-status");
        assertThat(catchThrowableOfType(IllegalTransitionException.class,
                () -> crm.leads().markFollowingUp(li, id, FollowUpKind.CALL, "again"))).isNotNull();
        assertThat(lead(id)).isEqualTo(converted);
    }

    @Test
    void missingRequiredFieldsAreListedTogether() {
        NewLead bare = new NewLead(null, null, "+86 139 0000 0003", null, null, null, null, li.userId(), null);

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> crm.leads().create(li, bare));

        assertThat(e.violations()).extracting(Violation::field)
                .contains("personName", "company", "details");
        assertThat(allLeads()).isEmpty();
    }

    @Test
    void aDuplicateIsRefusedUnderBlock() {
        crm.leads().create(li, newLead("杭州示例科技有限公司", "+86 138 0000 0000", li));

        RuleViolationException e = catchThrowableOfType(RuleViolationException.class,
                () -> crm.leads().create(han, newLead("杭州示例科技", "0086 13800000000", han)));

        assertThat(e.rule()).isEqualTo("lead.duplicate");
        assertThat(allLeads()).hasSize(1);
    }

    @Test
    void followUpsAreRecordedThroughCrm() {
        LeadId id = crm.leads().create(li, ownLead(li)).lead().id();

        crm.followUps().record(li, RecordFollowUp.now(RecordRef.of(RecordType.LEAD, id), FollowUpKind.EMAIL, "Sent the catalogue"));

        assertThat(lead(id).lastFollowUpAt()).isEqualTo(NOW);
    }

    @Test
    void inMemoryWithoutSettingsWorksInShanghaiAndCny() {
        Crm plain = Crm.inMemory();
        Actor owner = Actor.of(TenantId.of("demo"), UserId.of("demo.user"));

        Lead created = plain.leads().create(owner, newLead("Demo Co", "+86 139 2222 3333", owner)).lead();

        assertThat(created.owner()).isEqualTo(owner.userId());
        Lead stored = plain.store().transact(tx -> tx.leads().get(owner.tenantId(), created.id()));
        assertThat(stored).isEqualTo(created);
    }

    private List<Lead> allLeads() {
        return crm.store().transact(tx -> tx.leads().list(TENANT, PageRequest.first(10)).items());
    }

    private Lead lead(LeadId id) {
        return crm.store().transact(tx -> tx.leads().get(TENANT, id));
    }

    private static NewLead newLead(String company, String phone) {
        return new NewLead("Zhou Jie", company, phone, null, "web", "Asked for a quote", POOL, null, null);
    }

    private static NewLead newLead(String company, String phone, Actor owner) {
        return new NewLead("Zhou Jie", company, phone, null, "web", "Asked for a quote", null, owner.userId(), null);
    }

    private static NewLead ownLead(Actor owner) {
        return newLead("Example Own Co " + owner.userId().value(), "+86 139 1111 " + Math.abs(owner.userId().hashCode() % 10000), owner);
    }
}
