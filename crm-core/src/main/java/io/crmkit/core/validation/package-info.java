/** Jakarta Validation for model and command types, reported as one {@link io.crmkit.core.error.ValidationException}. */
package io.crmkit.core.validation;
