/** The pool area of the model. */
package io.crmkit.core.pool;
