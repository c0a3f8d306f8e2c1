package io.crmkit.spi.notify;

import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.RecordRef;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A message for users, derived from a change: "account X will be recycled in 3 days", "installment 2
 * of order Y is overdue". The library writes notifications to the outbox in the transaction of the
 * change; the outbox relay hands them to the host's {@link NotificationSink}.
 *
 * @param tenantId the tenant
 * @param recipients who should receive it; at least one
 * @param type a stable code of what happened, for example {@code pool.recycle-warning}; the host
 *     picks its template by it
 * @param record the record it is about, or null
 * @param payload the values the host's template needs, as text
 * @param deduplicationKey a key stable across retries and re-runs (for example rule, record and due
 *     date): the outbox keeps one notification per key and tenant, and a sink may drop repeats of a
 *     key it has already delivered (delivery is at least once)
 * @param createdAt when the notification was made
 */
public record Notification(
        TenantId tenantId,
        Set<UserId> recipients,
        String type,
        RecordRef record,
        Map<String, String> payload,
        String deduplicationKey,
        Instant createdAt) {

    /** Validates and copies. */
    public Notification {
        Checks.required("tenantId", tenantId);
        recipients = Checks.set("recipients", recipients);
        if (recipients.isEmpty()) {
            throw io.crmkit.core.error.ValidationException.of("recipients", io.crmkit.core.error.ErrorCode.FIELD_REQUIRED);
        }
        type = Checks.text("type", type, 64);
        payload = Checks.map("payload", payload);
        deduplicationKey = Checks.text("deduplicationKey", deduplicationKey, 200);
        Checks.required("createdAt", createdAt);
    }
}
