package io.crmkit.rules.pool;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.account.TeamMember;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.InactivityBasis;
import io.crmkit.core.pool.OwnerChangeTeamPolicy;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.Transaction;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Accounts in public pools (公海): levels, won deals, approved extensions and teams. */
final class AccountSweepKind implements SweepKind<Account> {
    static final AccountSweepKind INSTANCE = new AccountSweepKind();

    private AccountSweepKind() {}

    @Override
    public RecordType recordType() {
        return RecordType.ACCOUNT;
    }

    @Override
    public String recycleAction() {
        return PoolSweeper.RECYCLE_ACTION;
    }

    @Override
    public String keyPrefix() {
        return "";
    }

    @Override
    public Page<SweepPool> pools(Transaction tx, TenantId tenant, PageRequest page) {
        Page<Pool> pools = tx.pools().list(tenant, page);
        return new Page<>(pools.items().stream()
                .map(p -> new SweepPool(RecordRef.of(RecordType.POOL, p.id()), p.admins(), p.rules())).toList(),
                pools.nextCursor());
    }

    @Override
    public Page<Account> query(Transaction tx, TenantId tenant, Condition condition, QueryContext context,
            PageRequest page) {
        return tx.accounts().query(tenant, condition, context, page);
    }

    @Override
    public Optional<Account> reread(Transaction tx, TenantId tenant, Account seen) {
        return tx.accounts().find(tenant, seen.id());
    }

    @Override
    public Account update(Transaction tx, Account record) {
        return tx.accounts().update(record);
    }

    @Override
    public Account recycled(Account before, SweepPool pool, Instant now) {
        Account.Builder next = before.toBuilder().owner(null).ownedSince(null).poolId(PoolId.of(pool.id()))
                .recycleDeferredUntil(null).updatedAt(now);
        if (pool.rules().ownerChangeTeamPolicy() == OwnerChangeTeamPolicy.CLEAR_TEAM) {
            next.teamMembers(List.of());
        }
        return next.build();
    }

    @Override
    public Instant ownedSince(Account record) {
        return record.ownedSince();
    }

    @Override
    public Instant basisAt(Account record, InactivityBasis basis) {
        return basis == InactivityBasis.NO_DEAL ? record.lastDealAt() : record.lastFollowUpAt();
    }

    @Override
    public String basisField(InactivityBasis basis) {
        return basis == InactivityBasis.NO_DEAL ? "lastDealAt" : "lastFollowUpAt";
    }

    @Override
    public Instant deferredUntil(Account record) {
        return record.recycleDeferredUntil();
    }

    @Override
    public String deferredField() {
        return "recycleDeferredUntil";
    }

    @Override
    public boolean hasLevels() {
        return true;
    }

    @Override
    public Set<UserId> team(Account record) {
        Set<UserId> team = new LinkedHashSet<>();
        record.teamMembers().stream().map(TeamMember::user).forEach(team::add);
        return team;
    }

    @Override
    public List<Condition> recyclable(PoolRules rules) {
        return rules.recycleWonRecords() ? List.of()
                : List.of(Condition.ne("dealStatus", new CustomValue.Choice(DealStatus.WON.name())));
    }
}
