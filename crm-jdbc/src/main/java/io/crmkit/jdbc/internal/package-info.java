/**
 * The JDBC store's runtime: transactions, the record stores, the change log and the outbox over SQL.
 * Internal: free to change between releases, never imported by hosts (they use
 * {@link io.crmkit.jdbc.JdbcCrmStore}).
 */
package io.crmkit.jdbc.internal;
