package io.crmkit.core.account;

/**
 * Whether an account has bought yet (成交状态). Holding limits and recycle rules may treat won
 * accounts differently, so this is a closed vocabulary rather than configuration.
 */
public enum DealStatus {
    /** No deal yet (未成交). */
    NOT_YET,
    /** At least one deal won (已成交). */
    WON
}
