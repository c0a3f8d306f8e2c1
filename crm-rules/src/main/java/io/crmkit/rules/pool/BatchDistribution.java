package io.crmkit.rules.pool;

import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.Owned;
import io.crmkit.core.record.RecordId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands a batch of pool records out to members in turn, the same way for every kind of pool
 * (accounts of a public pool, leads of a lead pool): each record, in input order, goes to the first
 * member in turn order who may take it (a pool member with room under the holding limit who does not
 * own it already); the turn then passes on. A record nobody may take, or that fails its own checks,
 * is reported and left unchanged. The batch is an explicit list of ids, read once each, so
 * distribution never rescans a shrinking pool. Every member is locked in every pool concerned, in key
 * order, before anything is counted.
 *
 * <p>Internal to the rules: the pool commands of each kind use it.
 */
public final class BatchDistribution {
    /** Refusals that concern the candidate member, so the next member in turn may still take the record. */
    private static final Set<String> MEMBER_RULES = Set.of(
            PoolRuleNames.ASSIGNEE_NOT_MEMBER, PoolRuleNames.HOLDING_LIMIT, PoolRuleNames.ALREADY_OWNED);

    private BatchDistribution() {}

    /**
     * What differs between kinds of pool record; each step runs inside the command's transaction.
     *
     * @param <R> the record type
     * @param <I> its id type
     * @param <P> its pool id type
     */
    public interface Steps<R extends Aggregate<I> & Owned, I extends RecordId, P extends RecordId> {
        /** Loads the record in the actor's tenant. */
        R load(I id);

        /** The record's pool, or null when it has none. */
        P poolOf(R record);

        /** The engine of the record's pool. */
        PoolEngine<R, P> engineOf(R record);

        /** The record's own checks (the actor administers its pool; the record may change). */
        void checkRecord(PoolEngine<R, P> pool, R record);

        /** The candidate's checks; reserves their holding when they pass. */
        void checkAssignee(PoolEngine<R, P> pool, R record, UserId candidate);

        /** Writes a checked assignment and returns the stored record. */
        R write(PoolEngine<R, P> pool, R record, UserId assignee);
    }

    /**
     * What happened to one record of the batch.
     *
     * @param id the record's id
     * @param stored the stored record when it was assigned, or null
     * @param rejection why it was not, or null
     * @param <R> the record type
     * @param <I> its id type
     */
    public record Outcome<R, I>(I id, R stored, CrmException rejection) {}

    /**
     * Distributes {@code ids} among {@code members} in turn.
     *
     * @return one outcome per id, in input order
     * @throws CrmException a retryable failure at once, so the whole batch reruns on fresh data
     */
    public static <R extends Aggregate<I> & Owned, I extends RecordId, P extends RecordId> List<Outcome<R, I>> distribute(
            List<I> ids, List<UserId> members, Steps<R, I, P> steps) {
        Map<I, R> records = new HashMap<>();
        Map<I, CrmException> unloadable = new HashMap<>();
        Map<P, PoolEngine<R, P>> engines = new LinkedHashMap<>();
        for (I id : ids) {
            try {
                R record = steps.load(id);
                P pool = steps.poolOf(record);
                if (pool == null || !engines.containsKey(pool)) {
                    PoolEngine<R, P> engine = steps.engineOf(record);
                    engines.put(engine.poolId(), engine);
                }
                records.put(id, record);
            } catch (CrmException e) {
                unloadable.put(id, rethrowIfRetryable(e));
            }
        }
        PoolEngine.lockInOrder(engines.values(), members);
        RoundRobin turns = new RoundRobin(members);
        List<Outcome<R, I>> outcomes = new ArrayList<>(ids.size());
        for (I id : ids) {
            R record = records.get(id);
            outcomes.add(record == null
                    ? new Outcome<>(id, null, unloadable.get(id))
                    : handOut(engines.get(steps.poolOf(record)), record, turns, steps));
        }
        return outcomes;
    }

    private static <R extends Aggregate<I> & Owned, I extends RecordId, P extends RecordId> Outcome<R, I> handOut(
            PoolEngine<R, P> pool, R record, RoundRobin turns, Steps<R, I, P> steps) {
        UserId chosen;
        try {
            steps.checkRecord(pool, record);
            chosen = firstWhoMayTake(pool, record, turns, steps);
        } catch (CrmException e) {
            return new Outcome<>(record.id(), null, rethrowIfRetryable(e));
        }
        turns.took(chosen);
        return new Outcome<>(record.id(), steps.write(pool, record, chosen), null);
    }

    /**
     * The first member in turn order who passes the assignee checks (their holding is reserved).
     *
     * @throws RuleViolationException when nobody does: the holding limit if some member was full,
     *     otherwise the first member's refusal; or at once when the refusal concerns the record
     */
    private static <R extends Aggregate<I> & Owned, I extends RecordId, P extends RecordId> UserId firstWhoMayTake(
            PoolEngine<R, P> pool, R record, RoundRobin turns, Steps<R, I, P> steps) {
        RuleViolationException reported = null;
        for (UserId candidate : turns.turnOrder()) {
            try {
                steps.checkAssignee(pool, record, candidate);
                return candidate;
            } catch (RuleViolationException refused) {
                if (!MEMBER_RULES.contains(refused.rule())) {
                    throw refused;
                }
                if (reported == null || (refused.rule().equals(PoolRuleNames.HOLDING_LIMIT)
                        && !reported.rule().equals(PoolRuleNames.HOLDING_LIMIT))) {
                    reported = refused;
                }
            }
        }
        // The rotation is never empty, so some candidate was refused.
        throw reported;
    }

    /** A batch reports what the single command would throw; a lost race instead reruns the whole batch. */
    private static CrmException rethrowIfRetryable(CrmException e) {
        if (e.isRetryable()) {
            throw e;
        }
        return e;
    }
}
