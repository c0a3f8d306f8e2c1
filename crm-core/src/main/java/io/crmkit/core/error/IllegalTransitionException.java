package io.crmkit.core.error;

/**
 * A state machine refused a move: the action is not allowed from the record's current state.
 * For example marking a converted lead invalid, or receiving an order that was never shipped.
 */
public class IllegalTransitionException extends RuleViolationException {
    private static final long serialVersionUID = 1L;

    private final String machine;
    private final String from;
    private final String action;

    /**
     * @param machine which state machine, for example {@code lead-status}
     * @param from the current state
     * @param action the refused action
     */
    public IllegalTransitionException(String machine, Object from, Object action) {
        super(ErrorCode.ILLEGAL_TRANSITION, machine, null, machine, String.valueOf(from), String.valueOf(action));
        this.machine = machine;
        this.from = String.valueOf(from);
        this.action = String.valueOf(action);
    }

    /** The state machine's name. */
    public String machine() {
        return machine;
    }

    /** The state the record was in. */
    public String from() {
        return from;
    }

    /** The action that was refused. */
    public String action() {
        return action;
    }
}
