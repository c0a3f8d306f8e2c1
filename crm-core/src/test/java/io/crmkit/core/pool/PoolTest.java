package io.crmkit.core.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.DepartmentId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.validation.CrmValidation;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class PoolTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final TenantId TENANT = TenantId.of("tenant-1");
    private static final UserId ADMIN = UserId.of("admin-1");

    private static Pool.Builder pool() {
        return Pool.builder()
                .id(PoolId.of("sea-1"))
                .tenantId(TENANT)
                .name("East China public pool")
                .addAdmin(ADMIN)
                .createdAt(T0)
                .updatedAt(T0);
    }

    @Test
    void aPoolNeedsAtLeastOneAdmin() {
        assertThatThrownBy(() -> pool().admins(null).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("admins", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> pool().admins(Arrays.asList(ADMIN, null)).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("admins[]", ErrorCode.FIELD_REQUIRED)).isTrue());
    }

    @Test
    void structuralPartsAreRequired() {
        assertThatThrownBy(() -> pool().id(null).build()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> pool().rules(null).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("rules", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> pool().version(-1).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("version", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
        assertThat(pool().members(null).build().members()).isEqualTo(PoolMembers.none());
    }

    @Test
    void contentRulesAreReportedTogether() {
        Pool p = pool().name(null).description("d".repeat(Pool.MAX_DESCRIPTION + 1)).build();

        assertThat(CrmValidation.violations(p)).extracting(Violation::field, Violation::code).containsExactly(
                Tuple.tuple("description", ErrorCode.FIELD_OUT_OF_RANGE),
                Tuple.tuple("name", ErrorCode.FIELD_REQUIRED));
    }

    @Test
    void membersIncludeNamedUsersAndEveryoneInNamedDepartments() {
        DepartmentId east = DepartmentId.of("sales-east");
        PoolMembers members = new PoolMembers(Set.of(UserId.of("bob")), Set.of(east));

        assertThat(members.includes(Actor.of(TENANT, UserId.of("bob")))).isTrue();
        assertThat(members.includes(new Actor(TENANT, UserId.of("carol"), Set.of(), Set.of(east)))).isTrue();
        assertThat(members.includes(new Actor(TENANT, UserId.of("dave"), Set.of(),
                Set.of(DepartmentId.of("sales-west"))))).isFalse();
        assertThat(PoolMembers.none().isEmpty()).isTrue();
        assertThat(PoolMembers.ofUsers(UserId.of("bob")).isEmpty()).isFalse();
        assertThat(PoolMembers.ofDepartments(east).departments()).containsExactly(east);
    }

    @Test
    void roundTripsThroughJsonAndToBuilder() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Pool p = pool()
                .addAdmin(UserId.of("admin-2"))
                .description("Accounts nobody follows")
                .members(PoolMembers.ofDepartments(DepartmentId.of("sales-east")))
                .rules(PoolRules.builder().maxHeldPerMember(50).publicFields(List.of("name", "level")).build())
                .version(7)
                .build();

        String text = json.writeValueAsString(p);

        assertThat(json.readValue(text, Pool.class)).isEqualTo(p);
        assertThat(p.toBuilder().build()).isEqualTo(p);
        assertThat(text).doesNotContain("\"empty\"");
    }
}
