package io.crmkit.core.error;

/** The store failed in a way that may pass (connection lost, serialization failure). Retry later. */
public class StorageUnavailableException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param detail what failed, in English, for logs
     * @param cause the underlying failure
     */
    public StorageUnavailableException(String detail, Throwable cause) {
        super(ErrorCode.STORAGE_UNAVAILABLE, cause, detail);
    }

    /** Always true. */
    @Override
    public boolean isRetryable() {
        return true;
    }
}
