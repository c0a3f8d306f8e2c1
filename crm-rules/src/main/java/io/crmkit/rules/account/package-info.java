/** Account commands (客户): public pools (公海), ownership, deal status, visibility. */
package io.crmkit.rules.account;
