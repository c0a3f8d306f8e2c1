package io.crmkit.core.lead;

import static io.crmkit.core.lead.LeadFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.DepartmentId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.PoolMembers;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.validation.CrmValidation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadPoolTest {
    private static final UserId ADMIN = UserId.of("admin-1");

    private static LeadPool.Builder pool() {
        return LeadPool.builder()
                .id(LeadPoolId.of("pool-1"))
                .tenantId(TenantId.of("tenant-1"))
                .name("  Trade fair leads ")
                .addAdmin(ADMIN)
                .createdAt(T0)
                .updatedAt(T0);
    }

    @Test
    void builderDefaultsToDefaultRulesAndNoMembers() {
        LeadPool p = pool().build();

        assertThat(p.name()).isEqualTo("Trade fair leads");
        assertThat(p.rules()).isEqualTo(PoolRules.defaults());
        assertThat(p.members().isEmpty()).isTrue();
        assertThat(p.version()).isZero();
        assertThat(p.isAdmin(ADMIN)).isTrue();
        assertThat(p.isAdmin(UserId.of("bob"))).isFalse();
    }

    @Test
    void aLeadPoolNeedsAnAdmin() {
        assertThatThrownBy(() -> pool().admins(Set.of()).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("admins", ErrorCode.FIELD_REQUIRED)).isTrue());
    }

    @Test
    void nameIsRequiredAndBoundedAsContent() {
        assertThat(CrmValidation.violations(pool().name(" ").build()))
                .extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("name", ErrorCode.FIELD_REQUIRED));
        assertThat(CrmValidation.violations(pool().name("n".repeat(LeadPool.MAX_NAME + 1)).build()))
                .extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("name", ErrorCode.FIELD_OUT_OF_RANGE));
    }

    @Test
    void roundTripsThroughJsonAndToBuilder() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        LeadPool p = pool()
                .description("Cards collected at fairs")
                .members(new PoolMembers(Set.of(UserId.of("bob")), Set.of(DepartmentId.of("sales-east"))))
                .rules(PoolRules.builder().maxHeldPerMember(500).publicFields(List.of("company", "source")).build())
                .version(3)
                .build();

        assertThat(json.readValue(json.writeValueAsString(p), LeadPool.class)).isEqualTo(p);
        assertThat(p.toBuilder().build()).isEqualTo(p);
    }
}
