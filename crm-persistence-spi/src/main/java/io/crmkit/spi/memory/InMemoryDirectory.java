package io.crmkit.spi.memory;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.DepartmentId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.spi.directory.OrganisationDirectory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An {@link OrganisationDirectory} held in memory, for tests and demos: per tenant, users (active or
 * not), departments forming a tree, who belongs to which department and who manages whom.
 *
 * <pre>{@code
 * OrganisationDirectory directory = InMemoryDirectory.builder()
 *         .tenant(acme, t -> t
 *                 .department(sales)
 *                 .department(salesNorth, sales)      // a sub-department of sales
 *                 .user(alice).user(bob).inactiveUser(carol)
 *                 .member(alice, sales)
 *                 .member(bob, salesNorth)
 *                 .member(carol, salesNorth)
 *                 .manager(bob, alice))               // alice manages bob
 *         .build();
 * }</pre>
 *
 * <p>Immutable once built, so safe to share between threads. Tenants never see each other's
 * organisation: every question about an unknown tenant, user or department has the empty answer.
 * {@link #membersOf} lists inactive members too, as a host's directory may while HR catches up; ask
 * {@link #isActive} before giving a user work.
 */
public final class InMemoryDirectory implements OrganisationDirectory {

    private final Map<TenantId, Organisation> organisations;

    private InMemoryDirectory(Map<TenantId, Organisation> organisations) {
        this.organisations = organisations;
    }

    /** Starts an empty directory. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * @return the user's departments in the order their memberships were declared
     * @throws ValidationException if an argument is null
     */
    @Override
    public Set<DepartmentId> departmentsOf(TenantId tenant, UserId user) {
        Checks.required("user", user);
        return organisation(tenant).departmentsByUser.getOrDefault(user, Set.of());
    }

    /**
     * {@inheritDoc}
     *
     * <p>With sub-departments, the whole subtree below {@code department} is included, however deep.
     * Inactive members are included.
     *
     * @throws ValidationException if an argument is null
     */
    @Override
    public Set<UserId> membersOf(TenantId tenant, DepartmentId department, boolean includeSubDepartments) {
        Checks.required("department", department);
        Organisation organisation = organisation(tenant);
        if (!includeSubDepartments) {
            return organisation.membersByDepartment.getOrDefault(department, Set.of());
        }
        Set<UserId> members = new LinkedHashSet<>();
        // The tree was checked for cycles on build(); the visited set is a second guard that costs nothing.
        Set<DepartmentId> visited = new LinkedHashSet<>();
        Deque<DepartmentId> toVisit = new ArrayDeque<>();
        toVisit.add(department);
        while (!toVisit.isEmpty()) {
            DepartmentId next = toVisit.removeFirst();
            if (visited.add(next)) {
                members.addAll(organisation.membersByDepartment.getOrDefault(next, Set.of()));
                toVisit.addAll(organisation.childrenByDepartment.getOrDefault(next, List.of()));
            }
        }
        return Collections.unmodifiableSet(members);
    }

    /**
     * {@inheritDoc}
     *
     * @throws ValidationException if an argument is null
     */
    @Override
    public Optional<UserId> managerOf(TenantId tenant, UserId user) {
        Checks.required("user", user);
        return Optional.ofNullable(organisation(tenant).managerByUser.get(user));
    }

    /**
     * {@inheritDoc}
     *
     * @throws ValidationException if an argument is null
     */
    @Override
    public boolean isActive(TenantId tenant, UserId user) {
        Checks.required("user", user);
        return Boolean.TRUE.equals(organisation(tenant).activeByUser.get(user));
    }

    private Organisation organisation(TenantId tenant) {
        Checks.required("tenant", tenant);
        return organisations.getOrDefault(tenant, Organisation.EMPTY);
    }

    /** One tenant's organisation, frozen: unmodifiable maps of unmodifiable collections. */
    private record Organisation(
            Map<UserId, Boolean> activeByUser,
            Map<UserId, Set<DepartmentId>> departmentsByUser,
            Map<DepartmentId, Set<UserId>> membersByDepartment,
            Map<DepartmentId, List<DepartmentId>> childrenByDepartment,
            Map<UserId, UserId> managerByUser) {

        static final Organisation EMPTY = new Organisation(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /**
     * Collects the tenants' organisations; {@link #build()} checks them and freezes the directory. Not
     * thread-safe.
     */
    public static final class Builder {
        private final Map<TenantId, TenantBuilder> tenants = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Declares (more of) {@code tenant}'s organisation: {@code setup} is given the tenant's builder.
         * Calling it again for the same tenant adds to what was declared before.
         *
         * @throws ValidationException if an argument is null
         */
        public Builder tenant(TenantId tenant, Consumer<TenantBuilder> setup) {
            Checks.required("tenant", tenant);
            Checks.required("setup", setup);
            setup.accept(tenants.computeIfAbsent(tenant, TenantBuilder::new));
            return this;
        }

        /**
         * The directory.
         *
         * @throws ValidationException listing every problem of every tenant: a membership, parent or
         *     manager naming an undeclared user or department, a user managing themselves, a
         *     department declared twice with different parents, or departments whose parents form a
         *     cycle
         */
        public InMemoryDirectory build() {
            List<Violation> violations = new ArrayList<>();
            Map<TenantId, Organisation> organisations = new LinkedHashMap<>();
            tenants.forEach((tenant, builder) -> organisations.put(tenant, builder.freeze(violations)));
            if (!violations.isEmpty()) {
                throw new ValidationException(violations);
            }
            return new InMemoryDirectory(Collections.unmodifiableMap(organisations));
        }
    }

    /**
     * One tenant's users, departments, memberships and managers. References are checked on
     * {@link Builder#build()}, so declarations may come in any order.
     */
    public static final class TenantBuilder {
        private final TenantId tenant;
        private final Map<UserId, Boolean> activeByUser = new LinkedHashMap<>();
        /** Parent of each department; a key mapped to null is a top-level department. */
        private final Map<DepartmentId, DepartmentId> parentByDepartment = new LinkedHashMap<>();
        private final List<String> conflictingParents = new ArrayList<>();
        private final Map<UserId, Set<DepartmentId>> departmentsByUser = new LinkedHashMap<>();
        private final Map<UserId, UserId> managerByUser = new LinkedHashMap<>();

        private TenantBuilder(TenantId tenant) {
            this.tenant = tenant;
        }

        /**
         * Declares an active user; declaring a user again sets whether it is active anew.
         *
         * @throws ValidationException if {@code user} is null
         */
        public TenantBuilder user(UserId user) {
            return user(user, true);
        }

        /**
         * Declares a user who is known but not active (a departed employee).
         *
         * @throws ValidationException if {@code user} is null
         */
        public TenantBuilder inactiveUser(UserId user) {
            return user(user, false);
        }

        /**
         * Declares a user, active or not.
         *
         * @throws ValidationException if {@code user} is null
         */
        public TenantBuilder user(UserId user, boolean active) {
            activeByUser.put(Checks.required("user", user), active);
            return this;
        }

        /**
         * Declares a top-level department.
         *
         * @throws ValidationException if {@code department} is null
         */
        public TenantBuilder department(DepartmentId department) {
            return declareDepartment(Checks.required("department", department), null);
        }

        /**
         * Declares a department below {@code parent} (which must be declared too, before or after).
         *
         * @throws ValidationException if an argument is null
         */
        public TenantBuilder department(DepartmentId department, DepartmentId parent) {
            return declareDepartment(Checks.required("department", department), Checks.required("parent", parent));
        }

        private TenantBuilder declareDepartment(DepartmentId department, DepartmentId parent) {
            if (parentByDepartment.containsKey(department)
                    && !Objects.equals(parentByDepartment.get(department), parent)) {
                conflictingParents.add(department + " is declared under " + describeParent(parentByDepartment.get(department))
                        + " and under " + describeParent(parent));
                return this;
            }
            parentByDepartment.put(department, parent);
            return this;
        }

        private static String describeParent(DepartmentId parent) {
            return parent == null ? "no parent" : parent.value();
        }

        /**
         * Makes {@code user} a direct member of {@code department}; a user may belong to several.
         *
         * @throws ValidationException if an argument is null
         */
        public TenantBuilder member(UserId user, DepartmentId department) {
            Checks.required("user", user);
            Checks.required("department", department);
            departmentsByUser.computeIfAbsent(user, u -> new LinkedHashSet<>()).add(department);
            return this;
        }

        /**
         * Records that {@code manager} manages {@code user}; a later call for the same user replaces it.
         *
         * @throws ValidationException if an argument is null
         */
        public TenantBuilder manager(UserId user, UserId manager) {
            managerByUser.put(Checks.required("user", user), Checks.required("manager", manager));
            return this;
        }

        private Organisation freeze(List<Violation> violations) {
            String at = "tenants[" + tenant + "].";
            for (String conflict : conflictingParents) {
                violations.add(Violation.of(at + "departments", ErrorCode.FIELD_INVALID, conflict));
            }
            parentByDepartment.forEach((department, parent) -> {
                if (parent != null && !parentByDepartment.containsKey(parent)) {
                    violations.add(Violation.of(at + "departments[" + department + "].parent", ErrorCode.FIELD_INVALID,
                            "department " + parent + " is not declared"));
                }
            });
            findCycles(violations, at);
            departmentsByUser.forEach((user, departments) -> {
                if (!activeByUser.containsKey(user)) {
                    violations.add(Violation.of(at + "members[" + user + "]", ErrorCode.FIELD_INVALID,
                            "user " + user + " is not declared"));
                }
                for (DepartmentId department : departments) {
                    if (!parentByDepartment.containsKey(department)) {
                        violations.add(Violation.of(at + "members[" + user + "]", ErrorCode.FIELD_INVALID,
                                "department " + department + " is not declared"));
                    }
                }
            });
            managerByUser.forEach((user, manager) -> {
                String field = at + "managers[" + user + "]";
                if (user.equals(manager)) {
                    violations.add(Violation.of(field, ErrorCode.FIELD_INVALID, "a user cannot manage themselves"));
                }
                if (!activeByUser.containsKey(user)) {
                    violations.add(Violation.of(field, ErrorCode.FIELD_INVALID, "user " + user + " is not declared"));
                }
                if (!activeByUser.containsKey(manager)) {
                    violations.add(Violation.of(field, ErrorCode.FIELD_INVALID,
                            "manager " + manager + " is not declared"));
                }
            });
            return new Organisation(
                    Collections.unmodifiableMap(new LinkedHashMap<>(activeByUser)),
                    frozenSets(departmentsByUser),
                    frozenSets(membersByDepartment()),
                    childrenByDepartment(),
                    Collections.unmodifiableMap(new LinkedHashMap<>(managerByUser)));
        }

        /** Each department reaches the root by following parents; a department met twice on the way is a cycle. */
        private void findCycles(List<Violation> violations, String at) {
            Set<DepartmentId> reported = new LinkedHashSet<>();
            for (DepartmentId start : parentByDepartment.keySet()) {
                List<DepartmentId> path = new ArrayList<>();
                DepartmentId current = start;
                while (current != null && !path.contains(current)) {
                    path.add(current);
                    current = parentByDepartment.get(current);
                }
                if (current == null) {
                    continue;
                }
                List<DepartmentId> cycle = path.subList(path.indexOf(current), path.size());
                if (reported.addAll(cycle)) {
                    StringBuilder text = new StringBuilder("departments form a cycle: ");
                    for (DepartmentId department : cycle) {
                        text.append(department).append(" -> ");
                    }
                    text.append(current).append(" (each arrow points at the parent)");
                    violations.add(Violation.of(at + "departments[" + current + "].parent", ErrorCode.FIELD_INVALID,
                            text.toString()));
                }
            }
        }

        private Map<DepartmentId, Set<UserId>> membersByDepartment() {
            Map<DepartmentId, Set<UserId>> members = new LinkedHashMap<>();
            departmentsByUser.forEach((user, departments) -> departments.forEach(
                    department -> members.computeIfAbsent(department, d -> new LinkedHashSet<>()).add(user)));
            return members;
        }

        private Map<DepartmentId, List<DepartmentId>> childrenByDepartment() {
            Map<DepartmentId, List<DepartmentId>> children = new LinkedHashMap<>();
            parentByDepartment.forEach((department, parent) -> {
                if (parent != null) {
                    children.computeIfAbsent(parent, p -> new ArrayList<>()).add(department);
                }
            });
            Map<DepartmentId, List<DepartmentId>> frozen = new LinkedHashMap<>();
            children.forEach((parent, list) -> frozen.put(parent, List.copyOf(list)));
            return Collections.unmodifiableMap(frozen);
        }

        private static <K, V> Map<K, Set<V>> frozenSets(Map<K, Set<V>> source) {
            Map<K, Set<V>> frozen = new LinkedHashMap<>();
            source.forEach((key, values) -> frozen.put(key, Collections.unmodifiableSet(new LinkedHashSet<>(values))));
            return Collections.unmodifiableMap(frozen);
        }
    }
}
