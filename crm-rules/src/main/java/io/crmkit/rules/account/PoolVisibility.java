package io.crmkit.rules.account;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.CustomValue;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.rules.pool.PoolEngine;
import io.crmkit.rules.pool.PoolFieldMask;
import io.crmkit.rules.pool.PoolRuleNames;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import java.util.List;

/**
 * Reading accounts as the actor may see them (rule groups 11 and 12). Masking happens in one place,
 * {@link PoolFieldMask} (shared with lead pools); every read here goes through it.
 *
 * <ul>
 *   <li><b>Everything:</b> the account's owner, its team members, the admins of its pool and tenant
 *       admins.</li>
 *   <li><b>Public fields only:</b> members of the pool, for an unowned, not voided account in the pool,
 *       where members claim. They see the pool's {@link PoolRules#publicFields()}; every other field
 *       is masked (see {@link #mask}).</li>
 *   <li><b>Nothing</b> ({@link ForbiddenException}): everyone else; also members of a pool whose
 *       claim policy is ADMINS_ASSIGN_ONLY (reason {@code pool.admins-assign-only}): they do not see
 *       its records at all. Forbidden rather than not-found, as every pool refusal of the engine is;
 *       the host may show it as "not found".</li>
 * </ul>
 * Related data (the account's change log) of an unowned pool account is visible to members only
 * where {@link PoolRules#relatedDataVisibleBeforeClaim()}; the pool log to admins always and to
 * members only where {@link PoolRules#membersMayReadPoolLog()}.
 */
public final class PoolVisibility {
    /** Action named by refusals to read an account. */
    public static final String ACTION_READ = "account.read";
    /** Action named by refusals to read the pool log. */
    public static final String ACTION_READ_POOL_LOG = "pool.read-log";

    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public PoolVisibility(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }

    /**
     * The account as the actor may see it: whole, or masked to the pool's public fields.
     *
     * @return the account, whole or masked
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws ForbiddenException if the actor may not see it (see the type's documentation)
     */
    public Account read(Actor actor, AccountId account) {
        Checks.required("account", account);
        return rules.command(actor, cmd -> {
            Account found = AccountAccess.load(cmd, account);
            if (seesEverything(cmd, found)) {
                return found;
            }
            return mask(found, requirePoolViewer(cmd, found).rules());
        });
    }

    /**
     * One page of the unowned, not voided accounts of {@code pool} (ordered by id): whole for its
     * admins and tenant admins, masked for members.
     *
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such pool
     * @throws ForbiddenException unless the actor administers the pool or is a member of a pool
     *     whose members claim
     */
    public Page<Account> listPool(Actor actor, PoolId pool, PageRequest page) {
        Checks.required("pool", pool);
        Checks.required("page", page);
        return rules.command(actor, cmd -> {
            PoolEngine<Account, PoolId> engine = AccountPools.engineOf(cmd, pool);
            requireMayView(cmd, engine);
            Condition unowned = Condition.all(
                    Condition.eq("poolId", new CustomValue.Text(pool.value())),
                    Condition.isNull("owner"),
                    Condition.eq("voided", new CustomValue.Flag(false)));
            Page<Account> found = cmd.tx().accounts().query(cmd.tenant(), unowned, cmd.query(), page);
            if (engine.administers(cmd.actor())) {
                return found;
            }
            List<Account> masked = found.items().stream().map(a -> mask(a, engine.rules())).toList();
            return new Page<>(masked, found.nextCursor());
        });
    }

    /**
     * One page of the pool log of {@code pool} (newest first): for its admins and tenant admins, and
     * for members where the pool lets members read its log (and see its records).
     *
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such pool
     * @throws ForbiddenException otherwise
     */
    public Page<ChangeLogEntry> poolLog(Actor actor, PoolId pool, PageRequest page) {
        Checks.required("pool", pool);
        Checks.required("page", page);
        return rules.command(actor, cmd -> {
            PoolEngine<Account, PoolId> engine = AccountPools.engineOf(cmd, pool);
            if (!engine.administers(cmd.actor())) {
                requireMayView(cmd, engine);
                if (!engine.rules().membersMayReadPoolLog()) {
                    throw cmd.forbidden(ACTION_READ_POOL_LOG, "the pool's members may not read its log");
                }
            }
            return cmd.tx().changeLog().ofContext(cmd.tenant(), engine.ref(), page);
        });
    }

    /**
     * One page of the change log of {@code account} (newest first): for whoever sees the whole
     * account, and for pool members on an unowned pool account only where the pool shows related
     * data before a claim.
     *
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws ForbiddenException otherwise
     */
    public Page<ChangeLogEntry> history(Actor actor, AccountId account, PageRequest page) {
        Checks.required("account", account);
        Checks.required("page", page);
        return rules.command(actor, cmd -> {
            Account found = AccountAccess.load(cmd, account);
            if (!seesEverything(cmd, found)
                    && !requirePoolViewer(cmd, found).rules().relatedDataVisibleBeforeClaim()) {
                throw cmd.forbidden(ACTION_READ, "the pool does not show related data before a claim");
            }
            return cmd.tx().changeLog().ofRecord(cmd.tenant(), AccountAccess.ref(found), page);
        });
    }

    /**
     * The account as a non-owner sees it under {@code rules}: {@link PoolFieldMask#account}, the one
     * place pool records are masked (shared with lead pools).
     */
    static Account mask(Account account, PoolRules rules) {
        return PoolFieldMask.account(account, rules);
    }

    /** Owner, team member, pool admin or tenant admin. */
    private static boolean seesEverything(CommandContext cmd, Account account) {
        UserId user = cmd.actor().userId();
        return (account.owner() != null && cmd.actorIs(account.owner())) || account.isTeamMember(user)
                || AccountAccess.actorAdministers(cmd, account);
    }

    /** The engine of the account's pool, if the actor may see it masked; refuses otherwise. */
    private static PoolEngine<Account, PoolId> requirePoolViewer(CommandContext cmd, Account account) {
        if (account.owner() != null || account.poolId() == null || account.voided()) {
            throw cmd.forbidden(ACTION_READ, "only the account's owner, team members, its pool's admins or a "
                    + "tenant admin see it");
        }
        PoolEngine<Account, PoolId> engine = AccountPools.engineOf(cmd, account);
        requireMayView(cmd, engine);
        return engine;
    }

    private static void requireMayView(CommandContext cmd, PoolEngine<Account, PoolId> engine) {
        if (engine.mayView(cmd.actor())) {
            return;
        }
        if (engine.isMember(cmd.actor())) {
            throw cmd.forbidden(ACTION_READ, PoolRuleNames.ADMINS_ASSIGN_ONLY
                    + ": only admins assign this pool's records, so members do not see them");
        }
        throw cmd.forbidden(ACTION_READ, PoolRuleNames.NOT_MEMBER + ": only the pool's members and admins see it");
    }
}
