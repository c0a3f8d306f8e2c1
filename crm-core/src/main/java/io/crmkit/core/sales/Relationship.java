package io.crmkit.core.sales;

/** How strong the seller's relationship with a contact of an opportunity is (关系程度), closest first. */
public enum Relationship {
    /** Close: a trusted relationship. */
    CLOSE,
    /** Good. */
    GOOD,
    /** Ordinary: a working acquaintance. */
    ORDINARY,
    /** Distant: barely known. */
    DISTANT
}
