package io.crmkit.spi.pool;

import io.crmkit.core.pool.Pool;
import io.crmkit.core.pool.PoolId;
import io.crmkit.spi.RecordStore;

/** Public pools of accounts (公海). The contract is {@link RecordStore}'s. */
public interface PoolStore extends RecordStore<Pool, PoolId> {
}
