package io.crmkit.spi.approval;

/**
 * The host's approval workflow (审批). The library submits requests; the host decides them in its own
 * workflow, at its own pace, and hands each {@link ApprovalDecision} back through the rules API.
 *
 * <p>Contract: {@link #submit} only records the request with the host (it must not decide it
 * synchronously by calling back into the library); it is called after the transaction that created
 * the request committed, and may be called again for the same request id after a crash, so it
 * must be idempotent per id.
 */
@FunctionalInterface
public interface ApprovalGateway {
    /** Hands a request to the host's workflow. */
    void submit(ApprovalRequest request);
}
