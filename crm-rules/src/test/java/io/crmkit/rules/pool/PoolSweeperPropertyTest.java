package io.crmkit.rules.pool;

import static io.crmkit.rules.pool.SweepFixture.POOL;
import static io.crmkit.rules.pool.SweepFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.crmkit.core.account.Account;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.pool.InactivityBasis;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.pool.RecycleRule;
import io.crmkit.core.record.CustomValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recycle and warning days against a plain count of Shanghai calendar days, at any time of day. */
class PoolSweeperPropertyTest {
    private static final RecycleRule RULE = RecycleRule.builder().id("a-15").name("A: 15 days")
            .condition(Condition.eq("level", new CustomValue.Text("A")))
            .basis(InactivityBasis.NO_FOLLOW_UP).days(15).warnDaysBefore(3).build();

    @Test
    void recycledFromDay15AndWarnedOnDays12To14SinceTheLaterOfClaimAndFollowUp() {
        qt().withExamples(150)
                .forAll(integers().between(0, 1439), integers().between(-1, 12), integers().between(0, 25),
                        integers().between(0, 1439))
                .checkAssert((claimMinute, followUpDay, sweepDay, sweepMinute) -> {
                    SweepFixture f = new SweepFixture();
                    f.pool(POOL, PoolRules.builder().addRecycleRule(RULE).build());
                    f.clock.set(at(0, claimMinute / 60, claimMinute % 60));
                    Account.Builder draft = f.draft("A");
                    if (followUpDay >= 0) {
                        draft.lastFollowUpAt(at(followUpDay, 23, 59));
                    }
                    Account account = f.account(draft);
                    f.clock.set(at(sweepDay, sweepMinute / 60, sweepMinute % 60));

                    SweepResult result = f.sweep();

                    int inactiveDays = sweepDay - Math.max(0, followUpDay);
                    boolean due = inactiveDays >= 15;
                    boolean warned = inactiveDays >= 12 && inactiveDays < 15;
                    assertThat(result).isEqualTo(new SweepResult(due ? 1 : 0, warned ? 1 : 0, 0, 0, List.of()));
                    assertThat(f.reload(account.id()).owner() == null).isEqualTo(due);
                });
    }
}
