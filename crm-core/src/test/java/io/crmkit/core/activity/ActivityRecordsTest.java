package io.crmkit.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.crmkit.core.account.RecordContract;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.validation.CrmValidation;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The builder and JSON contract for every activity record. */
class ActivityRecordsTest {

    private static void checkContract(Class<? extends Record> type, BiFunction<Random, Boolean, ? extends Record> sample) {
        RecordContract.assertBuilderHasSetterPerComponent(type);
        Record full = sample.apply(new Random(11), true);
        RecordContract.assertEveryComponentFilled(full);
        RecordContract.assertToBuilderRebuildsEqual(full);
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Record r = sample.apply(random, random.nextInt(4) == 0);
            RecordContract.assertToBuilderRebuildsEqual(r);
            RecordContract.assertJsonRoundTrips(r);
            assertThat(CrmValidation.violations(r)).isEmpty();
        });
    }

    @Test
    void follow_up_record_contract() {
        checkContract(FollowUpRecord.class, ActivitySamples::followUp);
    }

    @Test
    void reminder_contract() {
        checkContract(Reminder.class, ActivitySamples::reminder);
    }

    @Test
    void schedule_entry_contract() {
        checkContract(ScheduleEntry.class, ActivitySamples::schedule);
    }

    @Test
    void expense_record_contract() {
        checkContract(ExpenseRecord.class, ActivitySamples::expense);
    }

    @Test
    void change_log_entry_contract() {
        checkContract(ChangeLogEntry.class, ActivitySamples::changeLog);
        RecordContract.assertToBuilderRebuildsEqual(ActivitySamples.changeLog(new Random(5), true));
    }

    @Test
    void the_change_log_is_not_versioned() {
        // Append-only: no version, not an aggregate, so no store can "update" an entry.
        assertThat(Aggregate.class.isAssignableFrom(ChangeLogEntry.class)).isFalse();
        assertThat(ChangeLogEntry.class.getRecordComponents()).extracting(c -> c.getName())
                .doesNotContain("version", "updatedAt");
        assertThatThrownBy(() -> ChangeLogEntry.class.getMethod("version")).isInstanceOf(NoSuchMethodException.class);
    }
}
