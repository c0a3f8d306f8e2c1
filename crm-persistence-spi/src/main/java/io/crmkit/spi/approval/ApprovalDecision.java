package io.crmkit.spi.approval;

import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import java.time.Instant;
import java.util.Map;

/**
 * The host's answer to an {@link ApprovalRequest}, which the host hands back to the library.
 *
 * @param requestId the request decided
 * @param tenantId the tenant
 * @param approved whether it was approved
 * @param decidedBy who decided
 * @param comment the approver's comment, or null
 * @param granted what was granted where it may differ from what was asked (for example
 *     {@code days=5}); empty means "as asked"
 * @param decidedAt when it was decided
 */
public record ApprovalDecision(
        String requestId,
        TenantId tenantId,
        boolean approved,
        UserId decidedBy,
        String comment,
        Map<String, String> granted,
        Instant decidedAt) {

    /** Validates and copies. */
    public ApprovalDecision {
        Checks.id("requestId", requestId);
        Checks.required("tenantId", tenantId);
        Checks.required("decidedBy", decidedBy);
        comment = Checks.optionalText("comment", comment, 2000);
        granted = Checks.map("granted", granted);
        Checks.required("decidedAt", decidedAt);
    }
}
