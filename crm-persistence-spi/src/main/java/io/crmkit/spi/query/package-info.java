/** Query values the stores answer set-based: aggregates, change-log counts, due installments. */
package io.crmkit.spi.query;
