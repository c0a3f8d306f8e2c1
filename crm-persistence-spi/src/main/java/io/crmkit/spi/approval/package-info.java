/** Approvals: the gateway to the host's workflow, requests and decisions. */
package io.crmkit.spi.approval;
