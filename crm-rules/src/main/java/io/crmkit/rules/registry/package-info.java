/** Company registry lookup (工商信息): suggestions while typing, and filling a new account. */
package io.crmkit.rules.registry;
