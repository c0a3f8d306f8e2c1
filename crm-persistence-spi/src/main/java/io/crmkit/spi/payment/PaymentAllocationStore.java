package io.crmkit.spi.payment;

import io.crmkit.core.payment.PaymentAllocation;
import io.crmkit.core.payment.PaymentAllocationId;
import io.crmkit.spi.RecordStore;

/** Payment allocations (回款明细). The contract is {@link RecordStore}'s. */
public interface PaymentAllocationStore extends RecordStore<PaymentAllocation, PaymentAllocationId> {
}
