package io.crmkit.core.error;

/** The record does not exist in the caller's tenant (or was never visible to it). */
public class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String recordType;
    private final String recordId;

    /**
     * @param recordType the kind of record, for example {@code Lead}
     * @param recordId the id that was looked up
     */
    public NotFoundException(String recordType, String recordId) {
        super(ErrorCode.NOT_FOUND, null, recordType, recordId);
        this.recordType = recordType;
        this.recordId = recordId;
    }

    /** The kind of record that was looked up. */
    public String recordType() {
        return recordType;
    }

    /** The id that was looked up. */
    public String recordId() {
        return recordId;
    }
}
