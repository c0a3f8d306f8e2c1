package io.crmkit.spi.sales;

import io.crmkit.core.sales.SalesOrder;
import io.crmkit.core.sales.SalesOrderId;
import io.crmkit.spi.RecordStore;

/** Sales orders. The contract is {@link RecordStore}'s. */
public interface SalesOrderStore extends RecordStore<SalesOrder, SalesOrderId> {
}
