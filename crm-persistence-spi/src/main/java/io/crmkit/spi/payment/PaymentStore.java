package io.crmkit.spi.payment;

import io.crmkit.core.payment.Payment;
import io.crmkit.core.payment.PaymentId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.spi.RecordStore;
import java.util.Optional;

/**
 * Payments (回款). The contract is {@link RecordStore}'s, plus one unique key: within a tenant, no
 * two payments share a non-null {@link Payment#externalReference() external reference}.
 * {@link #insert} of a second one throws {@link io.crmkit.core.error.DuplicateRecordException},
 * even when both inserts race, so recording the same bank transaction twice can never create two
 * payments.
 */
public interface PaymentStore extends RecordStore<Payment, PaymentId> {

    /** The tenant's payment with external reference {@code reference}, if any. */
    Optional<Payment> findByExternalReference(TenantId tenant, String reference);
}
