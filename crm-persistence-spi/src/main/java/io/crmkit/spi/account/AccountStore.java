package io.crmkit.spi.account;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.record.CustomValue;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.RecordStore;
import java.util.ArrayList;
import java.util.List;

/** Accounts (客户). The contract is {@link RecordStore}'s. */
public interface AccountStore extends RecordStore<Account, AccountId> {

    /**
     * How many accounts of {@code pool} {@code member} holds (保有): owned by the member and from
     * that pool; won accounts count only when {@code includeWon} (a pool setting). Counted set-based
     * through {@link #count}, so a SQL store pushes it down.
     */
    default long countHeld(TenantId tenant, PoolId pool, UserId member, boolean includeWon, QueryContext context) {
        List<Condition> parts = new ArrayList<>();
        parts.add(Condition.eq("owner", new CustomValue.Text(member.value())));
        parts.add(Condition.eq("poolId", new CustomValue.Text(pool.value())));
        if (!includeWon) {
            parts.add(Condition.ne("dealStatus", new CustomValue.Choice(DealStatus.WON.name())));
        }
        return count(tenant, Condition.all(parts), context);
    }
}
