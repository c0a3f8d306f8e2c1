package io.crmkit.rules.activity;

import io.crmkit.core.activity.FollowUpRecord;
import io.crmkit.core.record.RecordRef;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.activity.FollowUpRecordStore;
import java.util.ArrayList;
import java.util.List;

/** The store reads behind {@link FollowUps}. */
final class FollowUpQueries {
    private FollowUpQueries() {}

    /**
     * Every follow-up logged against {@code target}, in store order (by id), selected in the store
     * ({@link FollowUpRecordStore#ofTarget}, a condition on the derived {@code targetType} and
     * {@code targetId}, which a SQL store pushes down): the reads grow with the target's follow-ups,
     * not the tenant's. The store orders by id only, so the newest-first order is made here.
     */
    static List<FollowUpRecord> ofTarget(CommandContext command, RecordRef target) {
        List<FollowUpRecord> found = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<FollowUpRecord> page = command.tx().followUps().ofTarget(command.tenant(), target, command.query(), request);
            found.addAll(page.items());
            if (!page.hasNext()) {
                return found;
            }
            request = request.next(page);
        }
    }
}
