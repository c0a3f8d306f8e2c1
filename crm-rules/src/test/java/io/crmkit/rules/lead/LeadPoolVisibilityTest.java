package io.crmkit.rules.lead;

import static io.crmkit.rules.lead.LeadPoolFixture.ALICE;
import static io.crmkit.rules.lead.LeadPoolFixture.BOB;
import static io.crmkit.rules.lead.LeadPoolFixture.BOSS;
import static io.crmkit.rules.lead.LeadPoolFixture.DAVE;
import static io.crmkit.rules.lead.LeadPoolFixture.POOL;
import static io.crmkit.rules.lead.LeadPoolFixture.POOL_ADMIN;
import static io.crmkit.rules.lead.LeadPoolFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.pool.ClaimPolicy;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import io.crmkit.rules.pool.PoolFieldMask;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadPoolVisibilityTest {
    /** The maskable fields of a lead, each with its masked value. */
    private static final Map<String, Object> MASKED = Map.of(
            "personName", "null", "company", "null", "phone", "null", "email", "null", "source", "null",
            "details", "null", "lastFollowUpAt", "null", "locked", false, "status", LeadStatus.NEW);

    private static Lead full(LeadPoolFixture f) {
        return f.create(b -> b.poolId(POOL).email("li@hz.example").source("fair").locked(true)
                .lastFollowUpAt(f.clock.instant().minus(Duration.ofDays(1))).status(LeadStatus.MQL)
                .customFields(CustomFields.of(Map.of("budget", new CustomValue.Text("1m"),
                        "region", new CustomValue.Text("east")))));
    }

    private static Object value(Lead lead, String field) throws ReflectiveOperationException {
        for (RecordComponent c : Lead.class.getRecordComponents()) {
            if (c.getName().equals(field)) {
                return c.getAccessor().invoke(lead);
            }
        }
        throw new IllegalArgumentException(field);
    }

    @Test
    void aMemberSeesAnUnownedPoolLeadMaskedFieldByField() throws ReflectiveOperationException {
        for (String field : MASKED.keySet()) {
            PoolRules rules = PoolRules.builder().publicFields(field).build();
            LeadPoolFixture f = new LeadPoolFixture().withPools(rules);
            Lead lead = full(f);

            Lead seen = new LeadPoolVisibility(f.rules).readLead(actor(ALICE), lead.id());

            assertThat(seen).isEqualTo(PoolFieldMask.lead(lead, rules));
            assertThat(value(seen, field)).as(field).isEqualTo(value(lead, field));
            for (String other : MASKED.keySet()) {
                if (!other.equals(field)) {
                    Object masked = MASKED.get(other);
                    assertThat(value(seen, other)).as(other + " when only " + field + " is public")
                            .isEqualTo("null".equals(masked) ? null : masked);
                }
            }
            assertThat(seen.id()).isEqualTo(lead.id());
            assertThat(seen.poolId()).isEqualTo(POOL);
            assertThat(seen.version()).isEqualTo(lead.version());
            assertThat(seen.customFields()).isEqualTo(CustomFields.none());
        }
    }

    @Test
    void customFieldsAreShownOneByOneAndTheMatchKeysFollowTheMaskedValues() {
        LeadPoolFixture f = new LeadPoolFixture()
                .withPools(PoolRules.builder().publicFields("custom.region", "company").build());
        Lead lead = full(f);

        Lead seen = new LeadPoolVisibility(f.rules).readLead(actor(BOB), lead.id());

        assertThat(seen.customFields().values()).containsOnlyKeys("region");
        assertThat(seen.company()).isEqualTo(lead.company());
        assertThat(seen.companyKey()).isEqualTo(lead.companyKey());
        assertThat(seen.phoneKey()).isNull();
        assertThat(seen.emailKey()).isNull();
    }

    @Test
    void aPublicStatusKeepsItsLifeCycleFields() {
        LeadPoolFixture f = new LeadPoolFixture().withPools(PoolRules.builder().publicFields("status").build());
        Lead invalid = f.create(b -> b.poolId(POOL).status(LeadStatus.INVALID).statusBeforeInvalid(LeadStatus.MQL)
                .invalidReason("duplicate"));

        Lead seen = new LeadPoolVisibility(f.rules).readLead(actor(ALICE), invalid.id());

        assertThat(seen.status()).isEqualTo(LeadStatus.INVALID);
        assertThat(seen.statusBeforeInvalid()).isEqualTo(LeadStatus.MQL);
        assertThat(seen.invalidReason()).isEqualTo("duplicate");
        assertThat(seen.personName()).isNull();
    }

    @Test
    void ownerPoolAdminAndTenantAdminSeeEverything() {
        LeadPoolFixture f = new LeadPoolFixture().withPools(PoolRules.defaults());
        Lead lead = full(f);
        LeadPoolVisibility visibility = new LeadPoolVisibility(f.rules);

        assertThat(visibility.readLead(actor(POOL_ADMIN), lead.id())).isEqualTo(lead);
        assertThat(visibility.readLead(actor(BOSS), lead.id())).isEqualTo(lead);
        Lead owned = f.create(b -> b.poolId(POOL).owner(BOB).ownedSince(f.clock.instant()));
        assertThat(visibility.readLead(actor(BOB), owned.id())).isEqualTo(owned);
    }

    @Test
    void outsidersOtherMembersOfAnOwnedLeadAndMembersOfAnAdminsAssignPoolSeeNothing() {
        LeadPoolFixture f = new LeadPoolFixture().withPools(PoolRules.defaults());
        Lead lead = full(f);
        Lead owned = f.create(b -> b.poolId(POOL).owner(BOB).ownedSince(f.clock.instant()));
        LeadPoolVisibility visibility = new LeadPoolVisibility(f.rules);

        assertThat(catchThrowableOfType(() -> visibility.readLead(actor(DAVE), lead.id()), ForbiddenException.class)
                .getMessage()).contains("pool.not-member");
        assertThat(catchThrowableOfType(() -> visibility.readLead(actor(ALICE), owned.id()),
                ForbiddenException.class)).isNotNull();

        LeadPoolFixture g = new LeadPoolFixture()
                .withPools(PoolRules.builder().claimPolicy(ClaimPolicy.ADMINS_ASSIGN_ONLY).build());
        Lead assignOnly = g.lead(POOL);
        assertThat(catchThrowableOfType(() -> new LeadPoolVisibility(g.rules).readLead(actor(ALICE), assignOnly.id()),
                ForbiddenException.class).getMessage()).contains("pool.admins-assign-only");
    }
}
