package io.crmkit.rules.pool;

import java.util.List;

/**
 * What one {@link PoolSweeper#sweep} did in one tenant.
 *
 * @param recycled accounts put back into their pool
 * @param warned recycle warnings queued (a warning already queued earlier, by this or another sweep, is
 *     not counted again)
 * @param reminded reminder-rule notifications queued (likewise)
 * @param skipped accounts found due but already handled when their own transaction re-read them (recycled
 *     by a concurrent sweep, followed up or claimed meanwhile)
 * @param problems the accounts that failed, each skipped without aborting the run
 */
public record SweepResult(int recycled, int warned, int reminded, int skipped, List<SweepProblem> problems) {
    /** Copies the problems. */
    public SweepResult {
        problems = List.copyOf(problems);
    }
}
