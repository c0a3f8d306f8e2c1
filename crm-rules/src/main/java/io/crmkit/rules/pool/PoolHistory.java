package io.crmkit.rules.pool;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.record.RecordRef;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One record's pool history, read from its change log newest first, page by page, stopping at the
 * first answer. The log is the source because it is append-only: no later write can erase when a
 * record entered a pool or from whom it was taken back.
 *
 * <p>Entries are recognised by their field diffs, not by action codes, so every action that moves a
 * record (create into a pool, return, recycle, transfer, put into pool, whoever writes it) counts
 * without a list of codes to keep in step.
 */
final class PoolHistory {
    private static final int PAGE = 100;

    private final CommandContext command;
    private final RecordRef record;
    private final String ownerField;
    private final String poolField;

    PoolHistory(CommandContext command, RecordRef record, String ownerField, String poolField) {
        this.command = command;
        this.record = record;
        this.ownerField = ownerField;
        this.poolField = poolField;
    }

    /**
     * When the record last entered {@code pool} unowned: the latest entry that set its pool to
     * {@code pool} or cleared its owner. Valid for a record that is unowned in {@code pool} now: the
     * latest such entry is the one that made it so.
     *
     * @return the instant, or empty when the log has no such entry (a record stored without log)
     */
    Optional<Instant> enteredPool(String pool) {
        return latest(null, entry -> sets(entry, poolField, pool) || clears(entry, ownerField))
                .map(ChangeLogEntry::at);
    }

    /**
     * The latest entry at or after {@code since} that took the record from {@code member}: its owner
     * went from the member to nobody (returned, recycled, transferred to a pool).
     */
    Optional<ChangeLogEntry> releasedFrom(UserId member, Instant since) {
        String value = member.value();
        return latest(since, entry -> entry.changes().stream().anyMatch(change ->
                change.field().equals(ownerField) && value.equals(change.before()) && change.after() == null));
    }

    private Optional<ChangeLogEntry> latest(Instant since, Predicate<ChangeLogEntry> match) {
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            Page<ChangeLogEntry> page = command.tx().changeLog().ofRecord(command.tenant(), record, request);
            for (ChangeLogEntry entry : page.items()) {
                if (since != null && entry.at().isBefore(since)) {
                    return Optional.empty();
                }
                if (match.test(entry)) {
                    return Optional.of(entry);
                }
            }
            if (!page.hasNext()) {
                return Optional.empty();
            }
            request = request.next(page);
        }
    }

    private static boolean sets(ChangeLogEntry entry, String field, String value) {
        for (FieldChange change : entry.changes()) {
            if (change.field().equals(field) && value.equals(change.after())) {
                return true;
            }
        }
        return false;
    }

    private static boolean clears(ChangeLogEntry entry, String field) {
        for (FieldChange change : entry.changes()) {
            if (change.field().equals(field) && change.before() != null && change.after() == null) {
                return true;
            }
        }
        return false;
    }
}
