package io.crmkit.rules.lead;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects violations from several checks (Jakarta content rules, the tenant's required fields, for
 * several records) so a command reports them all in one {@link ValidationException}.
 */
final class Violations {
    private final List<Violation> found = new ArrayList<>();

    /**
     * Adds {@code violations}, their field paths prefixed with {@code prefix} (empty for none). A field
     * already reported with the same code is not reported twice (a name both annotated as required
     * and configured as required is missing once).
     */
    Violations add(String prefix, List<Violation> violations) {
        for (Violation v : violations) {
            String field = prefix + v.field();
            boolean known = found.stream().anyMatch(f -> f.field().equals(field) && f.code() == v.code());
            if (!known) {
                found.add(prefix.isEmpty() ? v : new Violation(field, v.code(), v.messageKey(), v.arguments()));
            }
        }
        return this;
    }

    /**
     * Throws if anything was found.
     *
     * @throws ValidationException listing every violation added, in the order added
     */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }
}
