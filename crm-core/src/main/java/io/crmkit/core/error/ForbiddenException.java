package io.crmkit.core.error;

/** The actor may not perform the action; nothing was changed. */
public class ForbiddenException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String action;

    /**
     * @param user the acting user's id
     * @param action what was attempted, for example {@code claim}
     * @param reason why it is forbidden, in English (for logs; the code is the contract)
     */
    public ForbiddenException(String user, String action, String reason) {
        super(ErrorCode.FORBIDDEN, null, user, action, reason);
        this.action = action;
    }

    /** What was attempted. */
    public String action() {
        return action;
    }
}
