package io.crmkit.spi.approval;

import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.RecordRef;
import java.time.Instant;
import java.util.Map;

/**
 * A request the library asks the host's approval workflow to decide, for example an owner asking to
 * postpone the recycling of an account by 7 days.
 *
 * @param id the request's id; the decision names it
 * @param tenantId the tenant
 * @param kind a stable code of what is asked, for example {@code pool.recycle-extension}
 * @param subject the record it is about
 * @param requestedBy who asks
 * @param details what the approver needs to decide (for example {@code days=7}, the reason)
 * @param requestedAt when it was asked
 */
public record ApprovalRequest(
        String id,
        TenantId tenantId,
        String kind,
        RecordRef subject,
        UserId requestedBy,
        Map<String, String> details,
        Instant requestedAt) {

    /** Validates and copies. */
    public ApprovalRequest {
        Checks.id("id", id);
        Checks.required("tenantId", tenantId);
        kind = Checks.text("kind", kind, 64);
        Checks.required("subject", subject);
        Checks.required("requestedBy", requestedBy);
        details = Checks.map("details", details);
        Checks.required("requestedAt", requestedAt);
    }
}
