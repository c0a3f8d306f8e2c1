package io.crmkit.core.error;

/**
 * The record changed between read and write (its version moved), so the write was refused rather
 * than silently overwriting someone else's change. Reload and retry.
 */
public class ConcurrentModificationException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param recordType the kind of record
     * @param recordId its id
     * @param expectedVersion the version the writer had read
     */
    public ConcurrentModificationException(String recordType, String recordId, long expectedVersion) {
        super(ErrorCode.CONCURRENT_MODIFICATION, null, recordType, recordId, expectedVersion);
    }

    /** Always true: a retry on fresh data may succeed. */
    @Override
    public boolean isRetryable() {
        return true;
    }
}
