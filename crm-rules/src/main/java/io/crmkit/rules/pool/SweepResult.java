package io.crmkit.rules.pool;

import java.util.List;

/**
 * What one {@link PoolSweeper#sweep} did in one tenant, over its public pools of accounts and its lead
 * pools together (each count is the total over both kinds; {@link SweepProblem#record()} tells which
 * record failed).
 *
 * @param recycled accounts and leads put back into their pool
 * @param warned recycle warnings queued (a warning already queued earlier, by this or another sweep, is
 *     not counted again)
 * @param reminded reminder-rule notifications queued (likewise)
 * @param skipped records found due but already handled when their own transaction re-read them (recycled
 *     by a concurrent sweep, followed up or claimed meanwhile)
 * @param problems the records that failed, each skipped without aborting the run
 */
public record SweepResult(int recycled, int warned, int reminded, int skipped, List<SweepProblem> problems) {
    /** Copies the problems. */
    public SweepResult {
        problems = List.copyOf(problems);
    }
}
