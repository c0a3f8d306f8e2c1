package io.crmkit.core.tenant;

/** What happens when a new or changed record looks like a duplicate of an existing one (查重). */
public enum DuplicateAction {
    /** Refuse the change and list the records it duplicates. */
    BLOCK,
    /** Accept the change and return the records it may duplicate, for the user to review. */
    WARN,
    /** Do not look for duplicates at all. */
    ALLOW
}
