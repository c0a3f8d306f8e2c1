/** The account area of the model. */
package io.crmkit.core.account;
