package io.crmkit.core.sales;

/** Whether a contact of an opportunity is still reachable in their role (联系人状态). */
public enum ContactStatus {
    /** In the role and involved. */
    ACTIVE,
    /** Has left the account or the role. */
    LEFT,
    /** Not known. */
    UNKNOWN
}
