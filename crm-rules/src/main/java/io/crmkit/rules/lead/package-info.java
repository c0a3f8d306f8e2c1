/** Lead commands (线索): the life cycle, lead pools, conversion, duplicates. */
package io.crmkit.rules.lead;
