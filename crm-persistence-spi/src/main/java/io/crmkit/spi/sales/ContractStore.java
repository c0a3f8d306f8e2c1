package io.crmkit.spi.sales;

import io.crmkit.core.sales.Contract;
import io.crmkit.core.sales.ContractId;
import io.crmkit.spi.RecordStore;

/** Contracts. The contract is {@link RecordStore}'s. */
public interface ContractStore extends RecordStore<Contract, ContractId> {
}
