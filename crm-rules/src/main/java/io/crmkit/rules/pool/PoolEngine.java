package io.crmkit.rules.pool;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.pool.ClaimPolicy;
import io.crmkit.core.pool.PoolDefinition;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.Owned;
import io.crmkit.core.record.RecordId;
import io.crmkit.core.record.RecordRef;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.spi.query.ChangeLogQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pool engine: one pool's rules ({@link PoolDefinition}: admins, members, {@link PoolRules})
 * applied within one command. It decides and explains; the command loads, writes and logs. Every
 * refusal is typed and names its rule ({@link PoolRuleNames}): who may act is a
 * {@link ForbiddenException} (its reason starts with the rule name), everything else a
 * {@link RuleViolationException} whose {@code rule()} is the name and whose {@code limit()} is the
 * limit that applied. The same engine serves lead pools and public pools of accounts; a
 * {@link PoolKind} says what differs.
 *
 * <h2>How a claim uses it</h2>
 * <pre>{@code
 * PoolEngine<Lead, LeadPoolId> pool = PoolEngine.of(kind, command, lead.poolId(), leadPool);
 * pool.requireMayClaim("lead.claim");               // forbidden before anything else
 * pool.requireUnowned(lead);
 * pool.requireClaimableNow(lead, me);               // wait after entering the pool, re-claim cooldown
 * pool.reserveHolding(me);                          // takes the member's lock, then counts
 * pool.reserveDailyClaim(me);
 * tx.leads().update(lead.withOwner(me, now) ...);        // with the version read
 * }</pre>
 *
 * <h2>Atomicity</h2>
 * A member's holding and daily claims are counted only under the member's lock,
 * {@code tx.lock("pool:" + poolId + ":member:" + userId)} ({@link #lockKey}), held until the
 * transaction ends; every command that gives a member a record of the pool (claim, assign,
 * distribute) takes it before counting. So two claims by one member run one after the other and the
 * second counts the first: the limits hold whatever the concurrency. Two members racing for the same
 * record both pass their own checks, but the record is written with the version it was read at: the
 * loser's update fails with a retryable {@code ConcurrentModificationException}, the store runs the
 * command again, and the re-read record is owned ({@link PoolRuleNames#ALREADY_OWNED}). A SQL store
 * implements the lock as a row lock on a lock table ({@code SELECT ... FOR UPDATE}) and the update
 * as {@code UPDATE ... WHERE id = ? AND version = ?}; it must count in statement snapshots (READ
 * COMMITTED) or abort on conflict (SERIALIZABLE), so the count after the lock sees every claim
 * committed before it. A command that locks several members (a batch) locks them in key order
 * ({@link #lockInOrder}), so two batches never wait for each other in a cycle.
 *
 * <p>One engine per pool and command; not thread-safe. It caches membership answers and, once a
 * member is locked and counted, the member's remaining room, which each reservation reduces: a batch
 * counts each member once.
 *
 * @param <R> the record type the pool holds
 * @param <P> the pool's id type
 */
public final class PoolEngine<R extends Aggregate<?> & Owned, P extends RecordId> {
    private final PoolKind<R, P> kind;
    private final CommandContext command;
    private final P poolId;
    private final PoolDefinition pool;
    private final RecordRef ref;
    private final PoolMembership membership;
    private final Set<UserId> locked = new HashSet<>();
    private final Map<UserId, Long> holdingRoom = new HashMap<>();
    private final Map<UserId, Long> dailyClaimRoom = new HashMap<>();

    private PoolEngine(PoolKind<R, P> kind, CommandContext command, P poolId, PoolDefinition pool) {
        this.kind = kind;
        this.command = command;
        this.poolId = poolId;
        this.pool = pool;
        this.ref = RecordRef.of(kind.poolType(), poolId);
        this.membership = new PoolMembership(pool.members(), command.rules().directory(), command.tenant());
    }

    /**
     * The engine for {@code pool} (with id {@code poolId}) in {@code command}.
     *
     * @throws ValidationException if an argument is missing
     */
    public static <R extends Aggregate<?> & Owned, P extends RecordId> PoolEngine<R, P> of(
            PoolKind<R, P> kind, CommandContext command, P poolId, PoolDefinition pool) {
        return new PoolEngine<>(Checks.required("kind", kind), Checks.required("command", command),
                Checks.required("poolId", poolId), Checks.required("pool", pool));
    }

    /** The pool's id. */
    public P poolId() {
        return poolId;
    }

    /** The pool. */
    public PoolDefinition pool() {
        return pool;
    }

    /** The pool's rules. */
    public PoolRules rules() {
        return pool.rules();
    }

    /** The pool as a change-log context: pass it to {@code log(...)} so the pool log shows the action. */
    public RecordRef ref() {
        return ref;
    }

    // ---- who ----------------------------------------------------------------------------------

    /** Whether {@code user} is a member: named in person, or in a member department per the directory. */
    public boolean isMember(UserId user) {
        return membership.includes(Checks.required("user", user));
    }

    /** Whether {@code actor} is a member: in person, or through its own or the directory's departments. */
    public boolean isMember(Actor actor) {
        return membership.includes(Checks.required("actor", actor));
    }

    /** Whether {@code actor} administers the pool: one of its admins, or a tenant admin. */
    public boolean administers(Actor actor) {
        Checks.required("actor", actor);
        return pool.isAdmin(actor.userId()) || actor.hasRole(command.rules().adminRole());
    }

    /**
     * Whether {@code actor} may see the pool's unowned records: its admins and tenant admins always;
     * members only where members claim (under {@link ClaimPolicy#ADMINS_ASSIGN_ONLY} they do not see
     * the records at all, so nobody cherry-picks what admins distribute). A record's owner sees their
     * own record whatever this says.
     */
    public boolean mayView(Actor actor) {
        return administers(actor) || (rules().claimPolicy() == ClaimPolicy.MEMBERS_CLAIM && isMember(actor));
    }

    /**
     * Requires the command's actor to be allowed to claim from the pool.
     *
     * @param action the command's action code, for the error
     * @throws ForbiddenException {@link PoolRuleNames#NOT_MEMBER} if the actor is no member;
     *     {@link PoolRuleNames#ADMINS_ASSIGN_ONLY} if only admins assign the pool's records
     */
    public void requireMayClaim(String action) {
        Actor actor = command.actor();
        if (!isMember(actor)) {
            throw forbidden(action, PoolRuleNames.NOT_MEMBER, "only members of the pool may claim its records");
        }
        if (rules().claimPolicy() == ClaimPolicy.ADMINS_ASSIGN_ONLY) {
            throw forbidden(action, PoolRuleNames.ADMINS_ASSIGN_ONLY, "only the pool's admins assign its records");
        }
    }

    /**
     * Requires the command's actor to administer the pool.
     *
     * @throws ForbiddenException {@link PoolRuleNames#NOT_ADMIN} otherwise
     */
    public void requireAdministers(String action) {
        if (!administers(command.actor())) {
            throw forbidden(action, PoolRuleNames.NOT_ADMIN, "only the pool's admins or a tenant admin may do this");
        }
    }

    /**
     * Requires {@code assignee} to be a member of the pool.
     *
     * @throws RuleViolationException {@link PoolRuleNames#ASSIGNEE_NOT_MEMBER} otherwise
     */
    public void requireAssignee(UserId assignee) {
        if (!isMember(assignee)) {
            throw new RuleViolationException(PoolRuleNames.ASSIGNEE_NOT_MEMBER, null,
                    assignee + " is not a member of pool " + poolId + "; records go to members only");
        }
    }

    // ---- the record ---------------------------------------------------------------------------

    /**
     * Requires the record to have no owner.
     *
     * @throws RuleViolationException {@link PoolRuleNames#ALREADY_OWNED} otherwise
     */
    public void requireUnowned(R record) {
        if (record.owner() != null) {
            throw new RuleViolationException(PoolRuleNames.ALREADY_OWNED, null,
                    "record " + record.id() + " is already owned by " + record.owner());
        }
    }

    /**
     * Requires that {@code newOwner} may become the record's owner: it is unowned, or it is owned by
     * someone else and the pool allows a forced owner change.
     *
     * @throws RuleViolationException {@link PoolRuleNames#ALREADY_OWNED} if {@code newOwner} owns it
     *     already; {@link PoolRuleNames#FORCED_OWNER_CHANGE} if someone else owns it and the pool does
     *     not allow replacing an owner
     */
    public void requireOwnerChangeAllowed(R record, UserId newOwner) {
        UserId owner = record.owner();
        if (owner == null) {
            return;
        }
        if (owner.equals(newOwner)) {
            throw new RuleViolationException(PoolRuleNames.ALREADY_OWNED, null,
                    "record " + record.id() + " is already owned by " + owner);
        }
        if (!rules().forcedOwnerChangeAllowed()) {
            throw new RuleViolationException(PoolRuleNames.FORCED_OWNER_CHANGE, null,
                    "record " + record.id() + " is owned by " + owner + " and pool " + poolId
                            + " does not allow replacing an owner");
        }
    }

    /**
     * Requires that {@code member} may claim the record now, as its history in the change log says.
     * <ul>
     *   <li><b>Wait</b> ({@link PoolRules#claimableAfter()}): the record entered the pool (the latest
     *       log entry that set its pool to this one or cleared its owner; its creation time when the
     *       log has none) at least that long ago.</li>
     *   <li><b>Cooldown</b> ({@link PoolRules#reclaimCooldownDays()} = N): the member did not give the
     *       record up (returned, recycled from them, transferred) on any of the last N calendar days
     *       of the tenant, today included; from the N-th day after, they may claim it again.</li>
     * </ul>
     *
     * @throws RuleViolationException {@link PoolRuleNames#NOT_YET_CLAIMABLE} (limit: the wait) or
     *     {@link PoolRuleNames#RECLAIM_COOLDOWN} (limit: the days)
     */
    public void requireClaimableNow(R record, UserId member) {
        Duration wait = rules().claimableAfter();
        int cooldownDays = rules().reclaimCooldownDays();
        if (wait.isZero() && cooldownDays == 0) {
            return;
        }
        PoolHistory history = new PoolHistory(command, RecordRef.of(kind.recordType(), record.id()),
                kind.ownerField(), kind.poolField());
        if (!wait.isZero()) {
            Instant entered = history.enteredPool(poolId.value()).orElse(record.createdAt());
            Instant claimableFrom = entered.plus(wait);
            if (command.now().isBefore(claimableFrom)) {
                throw new RuleViolationException(PoolRuleNames.NOT_YET_CLAIMABLE, wait,
                        "record " + record.id() + " entered pool " + poolId + " at " + entered
                                + "; it can be claimed from " + claimableFrom);
            }
        }
        if (cooldownDays > 0) {
            LocalDate firstDay = command.today().minusDays(cooldownDays - 1L);
            Optional<ChangeLogEntry> release = history.releasedFrom(member, startOf(firstDay));
            if (release.isPresent()) {
                LocalDate releasedOn = LocalDate.ofInstant(release.get().at(), command.settings().zone());
                throw new RuleViolationException(PoolRuleNames.RECLAIM_COOLDOWN, cooldownDays,
                        member + " gave record " + record.id() + " up on " + releasedOn + " ("
                                + release.get().action() + "); they may claim it again from "
                                + releasedOn.plusDays(cooldownDays));
            }
        }
    }

    /**
     * Requires the command's actor to be allowed to transfer the record from this pool to
     * {@code target}: the pool's admins and tenant admins always; the record's owner only where the
     * pool allows transfers ({@link PoolRules#transferAllowed()}).
     *
     * @throws ForbiddenException {@link PoolRuleNames#NOT_ADMIN} if the actor neither administers the
     *     pool nor owns the record
     * @throws RuleViolationException {@link PoolRuleNames#TRANSFER_NOT_ALLOWED} if the owner may not
     *     transfer; {@link PoolRuleNames#SAME_POOL} if {@code target} is this pool
     */
    public void requireMayTransfer(R record, P target, String action) {
        Checks.required("target", target);
        boolean admin = administers(command.actor());
        boolean owner = record.owner() != null && command.actorIs(record.owner());
        if (!admin && !owner) {
            throw forbidden(action, PoolRuleNames.NOT_ADMIN,
                    "only the pool's admins, a tenant admin or the record's owner may transfer it");
        }
        if (target.equals(poolId)) {
            throw new RuleViolationException(PoolRuleNames.SAME_POOL, null,
                    "record " + record.id() + " is in pool " + poolId + " already");
        }
        if (!admin && !rules().transferAllowed()) {
            throw new RuleViolationException(PoolRuleNames.TRANSFER_NOT_ALLOWED, null,
                    "pool " + poolId + " does not let owners transfer its records to another pool");
        }
    }

    /**
     * The pool a record of this pool (its pool of origin) is returned to, when the caller asked for
     * {@code requested}: this pool when {@code requested} is null or this pool; {@code requested}
     * only where the rules let the caller choose. The caller checks that the pool exists.
     *
     * @throws RuleViolationException {@link PoolRuleNames#RETURN_ONLY_TO_ORIGIN} if returns go only to
     *     the pool of origin; {@link PoolRuleNames#RETURN_POOL_FIXED} if the caller may not choose
     */
    public P returnTarget(P requested) {
        if (requested == null || requested.equals(poolId)) {
            return poolId;
        }
        if (rules().returnOnlyToOrigin()) {
            throw new RuleViolationException(PoolRuleNames.RETURN_ONLY_TO_ORIGIN, null,
                    "records of pool " + poolId + " are returned to it only, not to " + requested);
        }
        if (!rules().callerChoosesReturnPool()) {
            throw new RuleViolationException(PoolRuleNames.RETURN_POOL_FIXED, null,
                    "pool " + poolId + " does not let the caller choose the return pool " + requested);
        }
        return requested;
    }

    // ---- limits, under the member's lock --------------------------------------------------------

    /** The lock key of {@code member} in this pool: {@code pool:<poolId>:member:<userId>}. */
    public String lockKey(UserId member) {
        return "pool:" + poolId.value() + ":member:" + member.value();
    }

    /** Takes {@code member}'s lock in this pool for the rest of the transaction (once; again is a no-op). */
    public void lockMember(UserId member) {
        Checks.required("member", member);
        if (locked.add(member)) {
            command.tx().lock(lockKey(member));
        }
    }

    /**
     * Takes the locks of every member in every pool in key order, so commands that lock several never
     * wait for each other in a cycle. Call it before counting anything in a batch.
     */
    public static void lockInOrder(Collection<? extends PoolEngine<?, ?>> engines, Collection<UserId> members) {
        TreeMap<String, Runnable> byKey = new TreeMap<>();
        for (PoolEngine<?, ?> engine : engines) {
            for (UserId member : members) {
                byKey.put(engine.lockKey(member), () -> engine.lockMember(member));
            }
        }
        byKey.values().forEach(Runnable::run);
    }

    /**
     * How many more of the pool's records {@code member} may hold ({@link Long#MAX_VALUE} without a
     * holding limit). Takes the member's lock and counts the first time; after that it is this
     * command's running figure.
     */
    public long holdingRoom(UserId member) {
        Integer limit = rules().maxHeldPerMember();
        if (limit == null) {
            return Long.MAX_VALUE;
        }
        lockMember(member);
        return holdingRoom.computeIfAbsent(member,
                m -> Math.max(0, limit - kind.countHeld(command, poolId, m, rules())));
    }

    /**
     * Reserves one more record for {@code member} under the holding limit: call it as the last check
     * before giving the member a record (a reservation is not given back).
     *
     * @throws RuleViolationException {@link PoolRuleNames#HOLDING_LIMIT} (limit: the maximum) if the
     *     member holds the maximum already
     */
    public void reserveHolding(UserId member) {
        long room = holdingRoom(member);
        if (room == Long.MAX_VALUE) {
            return;
        }
        if (room <= 0) {
            Integer limit = rules().maxHeldPerMember();
            throw new RuleViolationException(PoolRuleNames.HOLDING_LIMIT, limit,
                    member + " holds " + limit + " records of pool " + poolId + " already, the most allowed");
        }
        holdingRoom.put(member, room - 1);
    }

    /**
     * Reserves one more claim today for {@code member} under the daily claim limit. Claims are
     * counted from the change log (the pool's {@code claimAction} entries by the member since the
     * start of the tenant's day), so returning a record never gives a claim back.
     *
     * @throws RuleViolationException {@link PoolRuleNames#DAILY_CLAIM_LIMIT} (limit: the maximum) if
     *     the member claimed the maximum today already
     */
    public void reserveDailyClaim(UserId member) {
        Integer limit = rules().dailyClaimLimit();
        if (limit == null) {
            return;
        }
        lockMember(member);
        long room = dailyClaimRoom.computeIfAbsent(member, m -> Math.max(0, limit - claimsToday(m)));
        if (room <= 0) {
            throw new RuleViolationException(PoolRuleNames.DAILY_CLAIM_LIMIT, limit,
                    member + " claimed " + limit + " records from pool " + poolId + " today already, the most allowed");
        }
        dailyClaimRoom.put(member, room - 1);
    }

    /** How many records {@code member} claimed from the pool since the start of the tenant's day. */
    public long claimsToday(UserId member) {
        LocalDate today = command.today();
        ChangeLogQuery query = new ChangeLogQuery(kind.claimAction(), ref, member, null,
                startOf(today), startOf(today.plusDays(1)));
        return command.tx().changeLog().count(command.tenant(), query);
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(command.settings().zone()).toInstant();
    }

    private ForbiddenException forbidden(String action, String rule, String reason) {
        return command.forbidden(action, rule + ": " + reason);
    }
}
