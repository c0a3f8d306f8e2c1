package io.crmkit.core.record;

/**
 * A typed record id. Every aggregate has its own id type ({@code LeadId}, {@code AccountId}, ...),
 * so an account id can never be passed where a lead id is expected.
 *
 * <p>Ids are opaque strings of 1 to 64 letters, digits and {@code . _ : -}; stores generate
 * time-ordered ones by default. In JSON an id is a plain string.
 */
public interface RecordId {
    /** The id's text. */
    String value();
}
