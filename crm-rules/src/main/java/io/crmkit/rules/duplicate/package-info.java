/**
 * Duplicate detection (查重) for leads, accounts and contacts: which existing records a new or changed
 * one probably duplicates ({@link io.crmkit.rules.duplicate.DuplicateMatch}, with the
 * {@link io.crmkit.rules.duplicate.DuplicateReason reason}), and what the tenant's
 * {@link io.crmkit.core.tenant.DuplicatePolicy} makes of them. The keys compared are
 * {@link io.crmkit.core.record.MatchKeys}, held by the records themselves so every lookup is a store
 * query on indexed values.
 */
package io.crmkit.rules.duplicate;
