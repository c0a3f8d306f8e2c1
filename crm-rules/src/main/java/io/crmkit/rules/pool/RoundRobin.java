package io.crmkit.rules.pool;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Whose turn it is when a batch of records is distributed among members: each record goes to the
 * first member, in turn order, who may take it (the caller decides that: membership, limits); the
 * turn then passes to the member after the one who took it. A member who may not take a record
 * keeps their place, so a full member is skipped without losing fairness among the others.
 *
 * <p>Not thread-safe: one per command.
 */
public final class RoundRobin {
    private final List<UserId> members;
    private int next;

    /**
     * A rotation over {@code members}, in the given order, starting with the first.
     *
     * @throws ValidationException if the list is empty, holds null, or names a member twice
     */
    public RoundRobin(List<UserId> members) {
        this.members = Checks.list("members", members);
        if (this.members.isEmpty()) {
            throw ValidationException.of("members", ErrorCode.FIELD_REQUIRED);
        }
        if (new HashSet<>(this.members).size() != this.members.size()) {
            throw ValidationException.of("members", ErrorCode.FIELD_INVALID, "a member is listed twice");
        }
    }

    /** Every member once, the one whose turn it is first. */
    public List<UserId> turnOrder() {
        List<UserId> order = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            order.add(members.get((next + i) % members.size()));
        }
        return order;
    }

    /**
     * Records that {@code member} took a record: the turn passes to the member after them.
     *
     * @throws ValidationException if {@code member} is not in the rotation
     */
    public void took(UserId member) {
        int index = members.indexOf(member);
        if (index < 0) {
            throw ValidationException.of("member", ErrorCode.FIELD_INVALID, member + " is not in the rotation");
        }
        next = (index + 1) % members.size();
    }
}
