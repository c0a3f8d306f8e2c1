/** The rule services' shared plumbing. Not API: never import from host code. */
package io.crmkit.rules.internal;
