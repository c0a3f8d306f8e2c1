package io.crmkit.rules.duplicate;

import io.crmkit.core.error.RuleViolationException;
import java.util.List;

/**
 * The tenant's duplicate policy is BLOCK for this kind of record, and the record strongly matches
 * existing ones; nothing was changed. {@link #rule()} is {@code lead.duplicate},
 * {@code account.duplicate} or {@code contact.duplicate}; {@link #matches()} lists every match, the
 * weak ones included, so the user can pick the existing record instead.
 */
public class DuplicateBlockedException extends RuleViolationException {
    private static final long serialVersionUID = 1L;

    private final transient List<DuplicateMatch> matches;

    /**
     * Creates the error.
     *
     * @param rule the stable rule name, for example {@code lead.duplicate}
     * @param matches the matches, at least one of them strong
     * @param detail an English explanation for logs; it names records and reasons, never the values
     *     (which are personal data)
     */
    public DuplicateBlockedException(String rule, List<DuplicateMatch> matches, String detail) {
        super(rule, null, detail);
        this.matches = List.copyOf(matches);
    }

    /** The existing records the change would have duplicated, and why. */
    public List<DuplicateMatch> matches() {
        return matches;
    }
}
