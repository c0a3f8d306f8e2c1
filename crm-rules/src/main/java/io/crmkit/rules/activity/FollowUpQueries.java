package io.crmkit.rules.activity;

import io.crmkit.core.activity.FollowUpRecord;
import io.crmkit.core.record.RecordRef;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import java.util.ArrayList;
import java.util.List;

/** The store reads behind {@link FollowUps}. */
final class FollowUpQueries {
    private FollowUpQueries() {}

    /**
     * Every follow-up logged against {@code target}, in store order (by id). The follow-up store
     * cannot select by target (a nested {@link RecordRef} is not a condition field), so this pages
     * through the tenant's follow-ups and keeps the target's.
     */
    static List<FollowUpRecord> ofTarget(CommandContext command, RecordRef target) {
        List<FollowUpRecord> found = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<FollowUpRecord> page = command.tx().followUps().list(command.tenant(), request);
            for (FollowUpRecord record : page.items()) {
                if (record.target().equals(target)) {
                    found.add(record);
                }
            }
            if (!page.hasNext()) {
                return found;
            }
            request = request.next(page);
        }
    }
}
