package io.crmkit.core.lead;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lead status machine, as a pure function of status and action.
 *
 * <table>
 *   <caption>Allowed moves; every other pair is refused</caption>
 *   <tr><th>from</th><th>action</th><th>to</th></tr>
 *   <tr><td>NEW, FOLLOWING_UP</td><td>MARK_FOLLOWING_UP</td><td>FOLLOWING_UP</td></tr>
 *   <tr><td>NEW, FOLLOWING_UP</td><td>MARK_MQL</td><td>MQL</td></tr>
 *   <tr><td>NEW, FOLLOWING_UP, MQL</td><td>CONVERT</td><td>CONVERTED</td></tr>
 *   <tr><td>NEW, FOLLOWING_UP, MQL</td><td>MARK_INVALID</td><td>INVALID</td></tr>
 *   <tr><td>INVALID</td><td>RESTORE</td><td>the status before MARK_INVALID</td></tr>
 * </table>
 *
 * <p>No stage is mandatory: a NEW lead may be converted at once. CONVERTED is final; every action
 * on a converted lead is refused.
 */
public final class LeadLifecycle {
    /** The machine's name in {@link IllegalTransitionException#machine()}. */
    public static final String MACHINE = "lead-status";

    /** The statuses a lead may be marked invalid from, and so restored to. */
    private static final Set<LeadStatus> WORKABLE =
            Collections.unmodifiableSet(EnumSet.of(LeadStatus.NEW, LeadStatus.FOLLOWING_UP, LeadStatus.MQL));

    private static final Map<LeadStatus, Map<LeadAction, LeadStatus>> MOVES = moves();

    private LeadLifecycle() {}

    /** Whether {@code action} is allowed on a lead in status {@code from}. */
    public static boolean allows(LeadStatus from, LeadAction action) {
        Checks.required("status", from);
        Checks.required("action", action);
        return MOVES.get(from).containsKey(action);
    }

    /** The actions allowed from {@code from}, in declaration order; empty for CONVERTED. */
    public static Set<LeadAction> allowedActions(LeadStatus from) {
        Checks.required("status", from);
        Set<LeadAction> actions = EnumSet.noneOf(LeadAction.class);
        actions.addAll(MOVES.get(from).keySet());
        return Collections.unmodifiableSet(actions);
    }

    /**
     * The status a lead moves to.
     *
     * @param from the current status
     * @param action the requested action
     * @param statusBeforeInvalid the status an INVALID lead had before it was marked invalid; needed
     *     only for RESTORE, ignored (may be null) otherwise
     * @return the new status
     * @throws IllegalTransitionException (code {@code ILLEGAL_TRANSITION}, machine {@value #MACHINE})
     *     if the action is not allowed from {@code from}
     * @throws ValidationException if an argument is missing, or RESTORE is asked with a
     *     {@code statusBeforeInvalid} that is not NEW, FOLLOWING_UP or MQL
     */
    public static LeadStatus next(LeadStatus from, LeadAction action, LeadStatus statusBeforeInvalid) {
        if (!allows(from, action)) {
            throw new IllegalTransitionException(MACHINE, from, action);
        }
        if (action == LeadAction.RESTORE) {
            return requireRestorable("statusBeforeInvalid", statusBeforeInvalid);
        }
        return MOVES.get(from).get(action);
    }

    /**
     * Checks that {@code status} is one a lead can be marked invalid from and restored to.
     *
     * @return {@code status}
     * @throws ValidationException if it is null, CONVERTED or INVALID
     */
    static LeadStatus requireRestorable(String field, LeadStatus status) {
        Checks.required(field, status);
        if (!WORKABLE.contains(status)) {
            throw ValidationException.of(field, ErrorCode.FIELD_INVALID,
                    "a lead is marked invalid only from NEW, FOLLOWING_UP or MQL, not " + status);
        }
        return status;
    }

    private static Map<LeadStatus, Map<LeadAction, LeadStatus>> moves() {
        Map<LeadStatus, Map<LeadAction, LeadStatus>> moves = new EnumMap<>(LeadStatus.class);
        for (LeadStatus status : LeadStatus.values()) {
            moves.put(status, new EnumMap<>(LeadAction.class));
        }
        for (LeadStatus from : EnumSet.of(LeadStatus.NEW, LeadStatus.FOLLOWING_UP)) {
            moves.get(from).put(LeadAction.MARK_FOLLOWING_UP, LeadStatus.FOLLOWING_UP);
            moves.get(from).put(LeadAction.MARK_MQL, LeadStatus.MQL);
        }
        for (LeadStatus from : WORKABLE) {
            moves.get(from).put(LeadAction.CONVERT, LeadStatus.CONVERTED);
            moves.get(from).put(LeadAction.MARK_INVALID, LeadStatus.INVALID);
        }
        // The target of RESTORE is the remembered status, not a constant; the entry marks it allowed.
        moves.get(LeadStatus.INVALID).put(LeadAction.RESTORE, LeadStatus.INVALID);
        for (LeadStatus status : LeadStatus.values()) {
            moves.put(status, Collections.unmodifiableMap(moves.get(status)));
        }
        return Collections.unmodifiableMap(moves);
    }
}
