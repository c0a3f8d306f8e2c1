package io.crmkit.rules.duplicate;

/**
 * Why a record looks like a duplicate of another. The <b>strong</b> reasons identify the same
 * company, mailbox or phone line, and are what a {@link io.crmkit.core.tenant.DuplicateAction#BLOCK}
 * policy blocks on; the <b>weak</b> ones are reported but never block, because they are common
 * between different records: colleagues share a company mail domain, and many people share a name.
 */
public enum DuplicateReason {
    /**
     * The same company after normalisation ({@link io.crmkit.core.record.MatchKeys#companyKey}): a
     * lead's company, an account's name. Strong.
     */
    SAME_COMPANY(true),
    /** The same phone number after normalisation ({@link io.crmkit.core.record.MatchKeys#phoneKey}). Strong. */
    SAME_PHONE(true),
    /** The same e-mail address, ignoring case ({@link io.crmkit.core.record.MatchKeys#emailKey}). Strong. */
    SAME_EMAIL(true),
    /**
     * The same company mail domain (not webmail), with different addresses: probably people of one
     * company ({@link io.crmkit.core.record.MatchKeys#emailDomainKey}). Weak.
     */
    SAME_EMAIL_DOMAIN(false),
    /**
     * The same person's name ({@link io.crmkit.core.record.MatchKeys#personKey}) on the same account;
     * only contacts are compared by name. Weak.
     */
    SAME_NAME(false);

    private final boolean strong;

    DuplicateReason(boolean strong) {
        this.strong = strong;
    }

    /** Whether this reason blocks under a BLOCK policy (see the type's documentation). */
    public boolean isStrong() {
        return strong;
    }
}
