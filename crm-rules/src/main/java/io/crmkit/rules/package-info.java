/** The rules engine and its entry point, {@link io.crmkit.rules.Crm}. */
package io.crmkit.rules;
