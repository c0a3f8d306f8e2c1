package io.crmkit.rules.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundRobinTest {
    private static final UserId A = UserId.of("a");
    private static final UserId B = UserId.of("b");
    private static final UserId C = UserId.of("c");

    @Test
    void theTurnPassesToTheMemberAfterTheOneWhoTook() {
        RoundRobin turns = new RoundRobin(List.of(A, B, C));
        assertThat(turns.turnOrder()).containsExactly(A, B, C);
        turns.took(A);
        assertThat(turns.turnOrder()).containsExactly(B, C, A);
        turns.took(C); // B was full and skipped
        assertThat(turns.turnOrder()).containsExactly(A, B, C);
    }

    @Test
    void aRotationHasMembersEachOnce() {
        assertThatThrownBy(() -> new RoundRobin(List.of())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new RoundRobin(List.of(A, A))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new RoundRobin(List.of(A)).took(B)).isInstanceOf(ValidationException.class);
    }

    @Test
    void whenEveryoneMayTakeTheCountsDifferByAtMostOne() {
        qt().forAll(integers().between(1, 12), integers().between(0, 200)).checkAssert((members, records) -> {
            List<UserId> list = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                list.add(UserId.of("u" + i));
            }
            RoundRobin turns = new RoundRobin(list);
            Map<UserId, Integer> counts = new HashMap<>();
            for (int r = 0; r < records; r++) {
                UserId next = turns.turnOrder().get(0);
                turns.took(next);
                counts.merge(next, 1, Integer::sum);
            }
            int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            int min = counts.size() < members ? 0 : counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
            assertThat(max - min).isLessThanOrEqualTo(1);
            assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(records);
        });
    }

    @Test
    void aSkippedMemberKeepsNoTurnButTheOthersStayFair() {
        // Members with capacities; each record goes to the first in turn with room. Nobody exceeds
        // their capacity, and the records handed out are min(records, total capacity).
        qt().forAll(lists().of(integers().between(0, 5)).ofSizeBetween(1, 8), integers().between(0, 40))
                .checkAssert((capacities, records) -> {
                    List<UserId> list = new ArrayList<>();
                    Map<UserId, Integer> room = new HashMap<>();
                    for (int i = 0; i < capacities.size(); i++) {
                        UserId u = UserId.of("u" + i);
                        list.add(u);
                        room.put(u, capacities.get(i));
                    }
                    RoundRobin turns = new RoundRobin(list);
                    int given = 0;
                    for (int r = 0; r < records; r++) {
                        for (UserId u : turns.turnOrder()) {
                            if (room.get(u) > 0) {
                                room.merge(u, -1, Integer::sum);
                                turns.took(u);
                                given++;
                                break;
                            }
                        }
                    }
                    int total = capacities.stream().mapToInt(Integer::intValue).sum();
                    assertThat(given).isEqualTo(Math.min(records, total));
                    assertThat(room.values()).allSatisfy(left -> assertThat(left).isGreaterThanOrEqualTo(0));
                });
    }
}
