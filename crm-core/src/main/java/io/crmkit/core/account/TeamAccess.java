package io.crmkit.core.account;

/** What a team member (相关团队成员) may do with an account besides its owner. */
public enum TeamAccess {
    /** May see the account and its related records. */
    READ_ONLY,
    /** May also change them. */
    READ_WRITE
}
