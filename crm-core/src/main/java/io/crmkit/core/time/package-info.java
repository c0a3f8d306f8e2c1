/** Calendar time in the tenant's zone: periods and their stable keys. */
package io.crmkit.core.time;
