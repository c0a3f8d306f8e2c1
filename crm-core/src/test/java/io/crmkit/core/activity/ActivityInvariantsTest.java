package io.crmkit.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.validation.CrmValidation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActivityInvariantsTest {
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    private static final TenantId TENANT = TenantId.of("t1");
    private static final UserId ALICE = UserId.of("alice");
    private static final RecordRef ACCOUNT = new RecordRef(RecordType.ACCOUNT, "a1");

    private static ScheduleEntry.Builder visit() {
        return ScheduleEntry.builder().id(ScheduleEntryId.of("s1")).tenantId(TENANT).target(ACCOUNT)
                .title("拜访客户").startsAt(T0).endsAt(T0.plus(Duration.ofHours(2))).organizer(ALICE)
                .createdAt(T0).updatedAt(T0);
    }

    private static Reminder.Builder reminder() {
        return Reminder.builder().id(ReminderId.of("r1")).tenantId(TENANT).target(ACCOUNT).recipients(Set.of(ALICE))
                .dueAt(T0).text("follow up Acme").createdAt(T0).updatedAt(T0);
    }

    private static ExpenseRecord.Builder expense() {
        return ExpenseRecord.builder().id(ExpenseRecordId.of("e1")).tenantId(TENANT).accountId(AccountId.of("a1"))
                .kind("travel").amount(Money.of("320.00", "CNY")).spentOn(LocalDate.of(2026, 11, 2)).owner(ALICE)
                .createdAt(T0).updatedAt(T0);
    }

    private static ChangeLogEntry.Builder entry() {
        return ChangeLogEntry.builder().id(ChangeLogEntryId.of("l1")).tenantId(TENANT).record(ACCOUNT).actor(ALICE)
                .at(T0).action("account.claim");
    }

    @Test
    void a_schedule_entry_may_not_end_before_it_starts() {
        assertThatThrownBy(() -> visit().endsAt(T0.minusSeconds(1)).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.hasViolation("endsAt", ErrorCode.FIELD_INVALID)).isTrue();
                    assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(e.getMessage());
                });
        ScheduleEntry point = visit().endsAt(T0).build();
        assertThat(point.duration()).isZero();
        assertThat(visit().build().duration()).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> visit().build().rescheduled(T0.plusSeconds(10), T0))
                .isInstanceOf(ValidationException.class);
        assertThat(visit().build().rescheduled(T0.plusSeconds(10), T0.plusSeconds(20)).duration())
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void a_schedule_entry_needs_an_organizer_but_no_target() {
        assertThat(visit().target(null).build().target()).isNull();
        assertThatThrownBy(() -> visit().organizer(null).build()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("organizer", ErrorCode.FIELD_REQUIRED)).isTrue());
    }

    @Test
    void a_reminder_needs_a_recipient() {
        assertThatThrownBy(() -> reminder().recipients(Set.of()).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("recipients", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> reminder().recipients(null).build()).isInstanceOf(ValidationException.class);
    }

    @Test
    void a_reminder_is_sent_or_cancelled_once() {
        Reminder pending = reminder().build();
        assertThat(pending.isPending()).isTrue();
        assertThat(pending.sent().status()).isEqualTo(ReminderStatus.SENT);
        assertThat(pending.cancelled().status()).isEqualTo(ReminderStatus.CANCELLED);

        assertThatThrownBy(() -> pending.sent().cancelled())
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
                    assertThat(e.from()).isEqualTo("SENT");
                    assertThat(e.action()).isEqualTo("cancel");
                });
        assertThatThrownBy(() -> pending.cancelled().sent()).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> pending.sent().sent()).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void a_deduplication_key_is_stripped_and_bounded() {
        assertThat(reminder().deduplicationKey("  k1 ").build().deduplicationKey()).isEqualTo("k1");
        assertThat(reminder().deduplicationKey(" ").build().deduplicationKey()).isNull();
        assertThat(reminder().deduplicationKey("k".repeat(Reminder.MAX_DEDUPLICATION_KEY)).build()).isNotNull();
        assertThatThrownBy(() -> reminder().deduplicationKey("k".repeat(Reminder.MAX_DEDUPLICATION_KEY + 1)).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("deduplicationKey", ErrorCode.FIELD_TOO_LONG)).isTrue());
    }

    @Test
    void a_negative_expense_is_reported_by_validation() {
        ExpenseRecord refund = expense().amount(Money.of("-0.01", "CNY")).build();

        assertThatThrownBy(() -> CrmValidation.validate(refund)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.violations()).hasSize(1);
            assertThat(e.hasViolation("amount", ErrorCode.FIELD_NEGATIVE)).isTrue();
            assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).contains("amount").isNotEqualTo(e.getMessage());
        });
        assertThat(CrmValidation.violations(expense().amount(Money.of("0", "CNY")).build())).isEmpty();
    }

    @Test
    void expense_kind_is_required_with_the_other_content_rules() {
        ExpenseRecord e = expense().kind(" ").amount(Money.of("-5", "JPY")).note("n".repeat(2001)).build();
        assertThat(CrmValidation.violations(e)).extracting(v -> v.field() + " " + v.code()).containsExactly(
                "amount " + ErrorCode.FIELD_NEGATIVE, "kind " + ErrorCode.FIELD_REQUIRED,
                "note " + ErrorCode.FIELD_OUT_OF_RANGE);
    }

    @Test
    void an_expense_needs_account_amount_date_and_owner() {
        for (var broken : List.<ExpenseRecord.Builder>of(expense().accountId(null), expense().amount(null),
                expense().spentOn(null), expense().owner(null))) {
            assertThatThrownBy(broken::build).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.violations().get(0).code()).isEqualTo(ErrorCode.FIELD_REQUIRED));
        }
    }

    @Test
    void follow_up_content_is_required_by_validation() {
        FollowUpRecord blank = FollowUpRecord.builder().id(FollowUpRecordId.of("f1")).tenantId(TENANT).target(ACCOUNT)
                .kind(FollowUpKind.CALL).content("  ").occurredAt(T0).author(ALICE).createdAt(T0).updatedAt(T0).build();
        assertThat(blank.content()).isNull();
        assertThat(CrmValidation.violations(blank)).extracting(v -> v.field() + " " + v.code())
                .containsExactly("content " + ErrorCode.FIELD_REQUIRED);
        assertThatThrownBy(() -> blank.toBuilder().kind(null).build()).isInstanceOf(ValidationException.class);
    }

    @Test
    void change_log_actions_are_dotted_lower_case_codes() {
        assertThat(entry().action("lead.return-to-pool").build().action()).isEqualTo("lead.return-to-pool");
        for (String bad : List.of("Lead.Claim", "lead..claim", ".claim", "lead claim", "lead.")) {
            assertThatThrownBy(() -> entry().action(bad).build()).as(bad)
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.hasViolation("action", ErrorCode.FIELD_INVALID)).isTrue());
        }
        assertThatThrownBy(() -> entry().action("a".repeat(ChangeLogEntry.MAX_ACTION + 1)).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("action", ErrorCode.FIELD_TOO_LONG)).isTrue());
    }

    @Test
    void the_pool_log_context_is_a_pool() {
        RecordRef pool = new RecordRef(RecordType.POOL, "pool-east");
        ChangeLogEntry claimed = entry().context(pool)
                .changes(List.of(FieldChange.of("owner", null, ALICE))).reason("new customer").build();
        assertThat(claimed.context()).isEqualTo(pool);
        assertThat(claimed.changes()).containsExactly(new FieldChange("owner", null, "alice"));
        assertThat(entry().context(new RecordRef(RecordType.LEAD_POOL, "lp1")).build().context().type())
                .isEqualTo(RecordType.LEAD_POOL);
        assertThatThrownBy(() -> entry().context(ACCOUNT).build()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("context", ErrorCode.FIELD_INVALID)).isTrue());
    }

    @Test
    void a_field_change_names_its_field() {
        assertThatThrownBy(() -> new FieldChange(" ", "a", "b")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("field", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThat(FieldChange.of("level", "B", null)).isEqualTo(new FieldChange("level", "B", null));
    }
}
