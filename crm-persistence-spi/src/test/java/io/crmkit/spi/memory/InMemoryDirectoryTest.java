package io.crmkit.spi.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.DepartmentId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InMemoryDirectoryTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");

    private static final DepartmentId SALES = DepartmentId.of("sales");
    private static final DepartmentId NORTH = DepartmentId.of("sales-north");
    private static final DepartmentId NORTH_CITY = DepartmentId.of("sales-north-city");
    private static final DepartmentId SUPPORT = DepartmentId.of("support");

    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId CAROL = UserId.of("carol");
    private static final UserId DAN = UserId.of("dan");
    private static final UserId ERIN = UserId.of("erin");

    /** sales > sales-north > sales-north-city, and support beside them. */
    private static InMemoryDirectory acme() {
        return InMemoryDirectory.builder()
                .tenant(ACME, t -> t
                        .department(SALES)
                        .department(NORTH, SALES)
                        .department(NORTH_CITY, NORTH)
                        .department(SUPPORT)
                        .user(ALICE).user(BOB).inactiveUser(CAROL).user(DAN).user(ERIN)
                        .member(ALICE, SALES)
                        .member(BOB, NORTH)
                        .member(CAROL, NORTH_CITY)
                        .member(DAN, NORTH_CITY)
                        .member(DAN, SUPPORT)
                        .manager(BOB, ALICE)
                        .manager(DAN, BOB))
                .build();
    }

    @Test
    void departmentsOfListsTheDirectMembershipsOnly() {
        InMemoryDirectory directory = acme();

        assertThat(directory.departmentsOf(ACME, DAN)).containsExactly(NORTH_CITY, SUPPORT);
        assertThat(directory.departmentsOf(ACME, BOB)).containsExactly(NORTH);
        assertThat(directory.departmentsOf(ACME, ERIN)).isEmpty();
        assertThat(directory.departmentsOf(ACME, UserId.of("nobody"))).isEmpty();
    }

    @Test
    void membersOfWithoutSubDepartmentsIsTheDirectMembers() {
        InMemoryDirectory directory = acme();

        assertThat(directory.membersOf(ACME, SALES, false)).containsExactly(ALICE);
        assertThat(directory.membersOf(ACME, NORTH_CITY, false)).containsExactlyInAnyOrder(CAROL, DAN);
        assertThat(directory.membersOf(ACME, DepartmentId.of("unknown"), false)).isEmpty();
        assertThat(directory.membersOf(ACME, DepartmentId.of("unknown"), true)).isEmpty();
    }

    @Test
    void membersOfWithSubDepartmentsWalksTheWholeSubtree() {
        InMemoryDirectory directory = acme();

        assertThat(directory.membersOf(ACME, SALES, true)).containsExactlyInAnyOrder(ALICE, BOB, CAROL, DAN);
        assertThat(directory.membersOf(ACME, NORTH, true)).containsExactlyInAnyOrder(BOB, CAROL, DAN);
        assertThat(directory.membersOf(ACME, NORTH_CITY, true)).containsExactlyInAnyOrder(CAROL, DAN);
        // A member of two departments appears once, and a sibling tree is not included.
        assertThat(directory.membersOf(ACME, SUPPORT, true)).containsExactly(DAN);
    }

    @Test
    void inactiveUsersAreKnownButNotActiveAndStillListedAsMembers() {
        InMemoryDirectory directory = acme();

        assertThat(directory.isActive(ACME, ALICE)).isTrue();
        assertThat(directory.isActive(ACME, CAROL)).isFalse();
        assertThat(directory.isActive(ACME, UserId.of("nobody"))).isFalse();
        assertThat(directory.membersOf(ACME, NORTH_CITY, false)).contains(CAROL);
        assertThat(directory.departmentsOf(ACME, CAROL)).containsExactly(NORTH_CITY);
    }

    @Test
    void redeclaringAUserSetsWhetherItIsActive() {
        InMemoryDirectory directory = InMemoryDirectory.builder()
                .tenant(ACME, t -> t.user(ALICE).inactiveUser(BOB))
                .tenant(ACME, t -> t.inactiveUser(ALICE).user(BOB, true))
                .build();

        assertThat(directory.isActive(ACME, ALICE)).isFalse();
        assertThat(directory.isActive(ACME, BOB)).isTrue();
    }

    @Test
    void managersAreWhatWasDeclared() {
        InMemoryDirectory directory = acme();

        assertThat(directory.managerOf(ACME, BOB)).contains(ALICE);
        assertThat(directory.managerOf(ACME, DAN)).contains(BOB);
        assertThat(directory.managerOf(ACME, ALICE)).isEmpty();
        assertThat(directory.managerOf(ACME, UserId.of("nobody"))).isEmpty();
    }

    @Test
    void tenantsNeverSeeEachOthersOrganisation() {
        InMemoryDirectory directory = InMemoryDirectory.builder()
                .tenant(ACME, t -> t.department(SALES).user(ALICE).user(BOB).member(ALICE, SALES).manager(ALICE, BOB))
                .tenant(GLOBEX, t -> t.department(SALES).user(CAROL).member(CAROL, SALES))
                .build();

        assertThat(directory.membersOf(ACME, SALES, true)).containsExactly(ALICE);
        assertThat(directory.membersOf(GLOBEX, SALES, true)).containsExactly(CAROL);
        assertThat(directory.departmentsOf(GLOBEX, ALICE)).isEmpty();
        assertThat(directory.managerOf(GLOBEX, ALICE)).isEmpty();
        assertThat(directory.isActive(GLOBEX, ALICE)).isFalse();
        assertThat(directory.isActive(TenantId.of("initech"), ALICE)).isFalse();
        assertThat(directory.membersOf(TenantId.of("initech"), SALES, true)).isEmpty();
    }

    @Test
    void answersCannotBeModifiedByTheCaller() {
        InMemoryDirectory directory = acme();

        Set<UserId> members = directory.membersOf(ACME, SALES, true);
        assertThatThrownBy(() -> members.add(ERIN)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> directory.membersOf(ACME, SALES, false).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> directory.departmentsOf(ACME, DAN).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(directory.membersOf(ACME, SALES, true)).hasSize(4);
    }

    @Test
    void theBuilderDoesNotReachIntoABuiltDirectory() {
        InMemoryDirectory.Builder builder = InMemoryDirectory.builder()
                .tenant(ACME, t -> t.department(SALES).user(ALICE).member(ALICE, SALES));
        InMemoryDirectory first = builder.build();

        builder.tenant(ACME, t -> t.user(BOB).member(BOB, SALES));
        InMemoryDirectory second = builder.build();

        assertThat(first.membersOf(ACME, SALES, false)).containsExactly(ALICE);
        assertThat(second.membersOf(ACME, SALES, false)).containsExactly(ALICE, BOB);
    }

    @Test
    void aCycleOfDepartmentsIsRejectedNamingTheCycle() {
        InMemoryDirectory.Builder builder = InMemoryDirectory.builder()
                .tenant(ACME, t -> t
                        .department(SALES)
                        .department(DepartmentId.of("a"), DepartmentId.of("c"))
                        .department(DepartmentId.of("b"), DepartmentId.of("a"))
                        .department(DepartmentId.of("c"), DepartmentId.of("b"))
                        .department(DepartmentId.of("d"), DepartmentId.of("a")));

        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    // One violation for the one cycle, although four departments lead into it.
                    assertThat(e.violations()).hasSize(1);
                    Violation violation = e.violations().get(0);
                    assertThat(violation.code()).isEqualTo(ErrorCode.FIELD_INVALID);
                    assertThat(violation.message()).contains("cycle").contains("a").contains("b").contains("c");
                });
    }

    @Test
    void aDepartmentThatIsItsOwnParentIsACycle() {
        InMemoryDirectory.Builder builder = InMemoryDirectory.builder()
                .tenant(ACME, t -> t.department(SALES, SALES));

        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("cycle: sales -> sales")));
    }

    @Test
    void everyDanglingReferenceIsReportedAtOnce() {
        InMemoryDirectory.Builder builder = InMemoryDirectory.builder()
                .tenant(ACME, t -> t
                        .department(NORTH, SALES)            // parent not declared
                        .user(ALICE)
                        .member(BOB, NORTH)                  // user not declared
                        .member(ALICE, SUPPORT)              // department not declared
                        .manager(ALICE, ALICE)               // manages herself
                        .manager(CAROL, DAN));               // neither declared

        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    List<String> messages = e.violations().stream().map(Violation::message).collect(Collectors.toList());
                    assertThat(messages).hasSize(6);
                    assertThat(messages).anyMatch(m -> m.contains("department sales is not declared"));
                    assertThat(messages).anyMatch(m -> m.contains("user bob is not declared"));
                    assertThat(messages).anyMatch(m -> m.contains("department support is not declared"));
                    assertThat(messages).anyMatch(m -> m.contains("cannot manage themselves"));
                    assertThat(messages).anyMatch(m -> m.contains("user carol is not declared"));
                    assertThat(messages).anyMatch(m -> m.contains("manager dan is not declared"));
                    assertThat(e.violations()).allMatch(v -> v.field().startsWith("tenants[acme]."));
                });
    }

    @Test
    void aDepartmentDeclaredUnderTwoParentsIsRejected() {
        InMemoryDirectory.Builder builder = InMemoryDirectory.builder()
                .tenant(ACME, t -> t.department(SALES).department(SUPPORT)
                        .department(NORTH, SALES)
                        .department(NORTH, SALES)            // the same again is fine
                        .department(NORTH, SUPPORT));

        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .singleElement()
                        .satisfies(v -> assertThat(v.message())
                                .contains("sales-north is declared under sales and under support")));
    }

    @Test
    void nullArgumentsAreTypedErrors() {
        InMemoryDirectory directory = acme();

        assertThatThrownBy(() -> directory.membersOf(null, SALES, true)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> directory.departmentsOf(ACME, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> InMemoryDirectory.builder().tenant(ACME, t -> t.member(null, SALES)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aChainOfAnyDepthCollectsEveryMemberBelow() {
        // A department chain d0 > d1 > ... > dn with one user per department: the subtree of d_i holds
        // exactly the users i..n, whatever n and i.
        qt().forAll(integers().between(1, 60), integers().between(0, 60))
                .checkAssert((n, pick) -> {
                    int i = pick % (n + 1);
                    InMemoryDirectory directory = InMemoryDirectory.builder()
                            .tenant(ACME, t -> {
                                for (int k = 0; k <= n; k++) {
                                    if (k == 0) {
                                        t.department(DepartmentId.of("d0"));
                                    } else {
                                        t.department(DepartmentId.of("d" + k), DepartmentId.of("d" + (k - 1)));
                                    }
                                    t.user(UserId.of("u" + k)).member(UserId.of("u" + k), DepartmentId.of("d" + k));
                                }
                            })
                            .build();

                    Set<UserId> expected = new HashSet<>();
                    for (int k = i; k <= n; k++) {
                        expected.add(UserId.of("u" + k));
                    }
                    assertThat(directory.membersOf(ACME, DepartmentId.of("d" + i), true)).isEqualTo(expected);
                    assertThat(directory.membersOf(ACME, DepartmentId.of("d" + i), false))
                            .containsExactly(UserId.of("u" + i));
                });
    }

    @Test
    void manyThreadsReadTheSameAnswers() throws Exception {
        InMemoryDirectory directory = acme();
        Set<UserId> expected = directory.membersOf(ACME, SALES, true);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    boolean same = true;
                    for (int k = 0; k < 2_000; k++) {
                        same &= directory.membersOf(ACME, SALES, true).equals(expected)
                                && directory.managerOf(ACME, DAN).equals(java.util.Optional.of(BOB));
                    }
                    return same;
                }));
            }
            start.countDown();
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
