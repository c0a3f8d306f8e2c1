package io.crmkit.core.record;

import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ErrorCode;

/**
 * A record component could not be read: its accessor is not reachable (a module that does not open
 * the record's package) or threw something other than a {@link CrmException}. Code
 * {@link ErrorCode#FIELD_INVALID}, the field written {@code Type.component}.
 */
final class FieldReadException extends CrmException {
    private static final long serialVersionUID = 1L;

    FieldReadException(String field, String problem, Throwable cause) {
        super(ErrorCode.FIELD_INVALID, cause, field, "cannot be read: " + problem);
    }
}
