package io.crmkit.core.error;

/**
 * A record with the same id, or the same unique key (for example a payment's external reference),
 * already exists in the tenant; nothing was written. Not retryable: the same insert would fail again.
 * A caller that wants idempotency looks the existing record up and returns it.
 */
public class DuplicateRecordException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param recordType the kind of record
     * @param key the id or unique key that already exists
     */
    public DuplicateRecordException(String recordType, String key) {
        super(ErrorCode.DUPLICATE_RECORD, null, recordType, key);
    }
}
