package io.crmkit.core.activity;

import static io.crmkit.core.account.RecordContract.customFields;
import static io.crmkit.core.account.RecordContract.date;
import static io.crmkit.core.account.RecordContract.id;
import static io.crmkit.core.account.RecordContract.instant;
import static io.crmkit.core.account.RecordContract.maybe;
import static io.crmkit.core.account.RecordContract.tenant;
import static io.crmkit.core.account.RecordContract.text;
import static io.crmkit.core.account.RecordContract.user;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.OpportunityId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random valid activity records. With {@code full}, every component holds a non-default value;
 * otherwise optional parts are randomly absent.
 */
final class ActivitySamples {
    private static final List<Currency> CURRENCIES =
            List.of(Currency.getInstance("CNY"), Currency.getInstance("USD"), Currency.getInstance("JPY"));

    private ActivitySamples() {}

    static RecordRef ref(Random r) {
        RecordType[] types = RecordType.values();
        return new RecordRef(types[r.nextInt(types.length)], id(r));
    }

    static Set<UserId> users(Random r, int min) {
        Set<UserId> users = new LinkedHashSet<>();
        int size = min + r.nextInt(4);
        while (users.size() < size) {
            users.add(user(r));
        }
        return users;
    }

    static FollowUpRecord followUp(Random r, boolean full) {
        Instant created = instant(r);
        return FollowUpRecord.builder()
                .id(FollowUpRecordId.of(id(r))).tenantId(tenant(r)).target(ref(r))
                .kind(FollowUpKind.values()[r.nextInt(FollowUpKind.values().length)])
                .content(text(r, 200)).occurredAt(created.minusSeconds(r.nextInt(100_000))).author(user(r))
                .customFields(full || r.nextBoolean() ? customFields(r) : null)
                .version(full ? 1 + r.nextInt(50) : r.nextInt(50))
                .createdAt(created).updatedAt(created.plusSeconds(r.nextInt(1000)))
                .build();
    }

    static Reminder reminder(Random r, boolean full) {
        Instant created = instant(r);
        return Reminder.builder()
                .id(ReminderId.of(id(r))).tenantId(tenant(r)).target(ref(r)).recipients(users(r, 1))
                .dueAt(created.plusSeconds(r.nextInt(1_000_000))).text(text(r, 100))
                .status(full ? ReminderStatus.SENT : ReminderStatus.values()[r.nextInt(3)])
                .deduplicationKey(full ? "recycle-warning:" + id(r) : maybe(r, "k:" + id(r)))
                .version(full ? 1 + r.nextInt(50) : r.nextInt(50))
                .createdAt(created).updatedAt(created.plusSeconds(r.nextInt(1000)))
                .build();
    }

    static ScheduleEntry schedule(Random r, boolean full) {
        Instant created = instant(r);
        Instant starts = created.plusSeconds(r.nextInt(1_000_000));
        return ScheduleEntry.builder()
                .id(ScheduleEntryId.of(id(r))).tenantId(tenant(r)).target(full ? ref(r) : maybe(r, ref(r)))
                .title(text(r, 50)).startsAt(starts).endsAt(starts.plusSeconds(r.nextInt(20_000)))
                .attendees(full ? users(r, 1) : users(r, 0))
                .location(full ? text(r, 40) : maybe(r, text(r, 40)))
                .note(full ? text(r, 200) : maybe(r, text(r, 200)))
                .organizer(user(r))
                .version(full ? 1 + r.nextInt(50) : r.nextInt(50))
                .createdAt(created).updatedAt(created.plusSeconds(r.nextInt(1000)))
                .build();
    }

    static ExpenseRecord expense(Random r, boolean full) {
        Instant created = instant(r);
        Currency currency = CURRENCIES.get(r.nextInt(CURRENCIES.size()));
        return ExpenseRecord.builder()
                .id(ExpenseRecordId.of(id(r))).tenantId(tenant(r)).accountId(AccountId.of(id(r)))
                .opportunityId(full ? OpportunityId.of(id(r)) : maybe(r, OpportunityId.of(id(r))))
                .kind(List.of("travel", "gift", "event").get(r.nextInt(3)))
                .amount(Money.ofMinor(r.nextInt(10_000_000), currency))
                .spentOn(date(r)).note(full ? text(r, 100) : maybe(r, text(r, 100))).owner(user(r))
                .customFields(full || r.nextBoolean() ? customFields(r) : null)
                .version(full ? 1 + r.nextInt(50) : r.nextInt(50))
                .createdAt(created).updatedAt(created.plusSeconds(r.nextInt(1000)))
                .build();
    }

    static ChangeLogEntry changeLog(Random r, boolean full) {
        List<FieldChange> changes = new ArrayList<>();
        int count = full ? 1 + r.nextInt(4) : r.nextInt(4);
        for (int i = 0; i < count; i++) {
            changes.add(new FieldChange(List.of("owner", "level", "poolId", "customFields.region").get(r.nextInt(4)),
                    full ? text(r, 10) : maybe(r, text(r, 10)), full ? text(r, 10) : maybe(r, text(r, 10))));
        }
        RecordRef pool = new RecordRef(r.nextBoolean() ? RecordType.POOL : RecordType.LEAD_POOL, id(r));
        return ChangeLogEntry.builder()
                .id(ChangeLogEntryId.of(id(r))).tenantId(tenant(r)).record(ref(r))
                .context(full ? pool : maybe(r, pool)).actor(user(r)).at(instant(r))
                .action(List.of("lead.claim", "account.return-to-pool", "account.recycle", "quote.update").get(r.nextInt(4)))
                .changes(changes).reason(full ? text(r, 50) : maybe(r, text(r, 50)))
                .build();
    }
}
