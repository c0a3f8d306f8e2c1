/** Activity commands: follow-up records (跟进记录) on leads, accounts, contacts and opportunities. */
package io.crmkit.rules.activity;
