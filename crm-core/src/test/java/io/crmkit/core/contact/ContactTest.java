package io.crmkit.core.contact;

import static io.crmkit.core.account.RecordContract.customFields;
import static io.crmkit.core.account.RecordContract.date;
import static io.crmkit.core.account.RecordContract.id;
import static io.crmkit.core.account.RecordContract.instant;
import static io.crmkit.core.account.RecordContract.maybe;
import static io.crmkit.core.account.RecordContract.tenant;
import static io.crmkit.core.account.RecordContract.text;
import static io.crmkit.core.account.RecordContract.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.RecordContract;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.validation.CrmValidation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContactTest {
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    private static Contact.Builder minimal() {
        return Contact.builder().id(ContactId.of("c1")).tenantId(TenantId.of("t1")).name("张三")
                .createdAt(T0).updatedAt(T0);
    }

    static Contact random(Random r, boolean full) {
        List<String> phones = new ArrayList<>();
        int phoneCount = full ? 1 + r.nextInt(3) : r.nextInt(3);
        for (int i = 0; i < phoneCount; i++) {
            phones.add("138" + (10_000_000 + r.nextInt(89_999_999)));
        }
        Instant created = instant(r);
        return Contact.builder()
                .id(ContactId.of(id(r))).tenantId(tenant(r))
                .accountId(full ? AccountId.of(id(r)) : maybe(r, AccountId.of(id(r))))
                .name(text(r, 30))
                .department(full ? text(r, 20) : maybe(r, text(r, 20)))
                .title(full ? text(r, 20) : maybe(r, text(r, 20)))
                .gender(Gender.values()[r.nextInt(Gender.values().length)])
                .birthday(full ? date(r) : maybe(r, date(r)))
                .phones(phones)
                .email(full ? "p" + r.nextInt(1000) + "@example.com" : maybe(r, "p@example.com"))
                .keyDecisionMaker(full || r.nextBoolean())
                .lastFollowUpAt(full ? created.plusSeconds(r.nextInt(100_000)) : maybe(r, created))
                .locked(full || r.nextBoolean()).voided(full || r.nextBoolean())
                .owner(full ? user(r) : maybe(r, user(r)))
                .customFields(full || r.nextBoolean() ? customFields(r) : null)
                .version(full ? 1 + r.nextInt(100) : r.nextInt(100))
                .createdAt(created).updatedAt(created.plusSeconds(r.nextInt(100_000)))
                .build();
    }

    @Test
    void a_contact_may_have_no_owner_and_no_account() {
        Contact c = minimal().build();
        assertThat(c.owner()).isNull();
        assertThat(c.isOwned()).isFalse();
        assertThat(c.accountId()).isNull();
        assertThat(c.gender()).isEqualTo(Gender.UNDISCLOSED);
        assertThat(c.withOwner(UserId.of("alice")).isOwned()).isTrue();
        assertThat(c.withAccount(AccountId.of("a1")).accountId()).isEqualTo(AccountId.of("a1"));
    }

    @Test
    void structural_parts_are_required() {
        assertThatThrownBy(() -> minimal().id(null).build()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("id", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> minimal().gender(null).build()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("gender", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> minimal().version(-1).build()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> minimal().phones(java.util.Arrays.asList("1", null)).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("phones[]", ErrorCode.FIELD_REQUIRED)).isTrue());
    }

    @Test
    void phones_are_stripped_and_blank_ones_dropped() {
        Contact c = minimal().phones(List.of(" 13800000000 ", "  ", "021-5555")).name(" 李四 ").department(" ").build();
        assertThat(c.phones()).containsExactly("13800000000", "021-5555");
        assertThat(c.name()).isEqualTo("李四");
        assertThat(c.department()).isNull();
    }

    @Test
    void crm_validation_reports_every_content_problem_at_once() {
        Contact c = minimal().name(" ").title("t".repeat(101)).email("no-at-sign").phones(List.of("1".repeat(41)))
                .build();

        assertThatThrownBy(() -> CrmValidation.validate(c)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.violations()).extracting(v -> v.code()).containsExactlyInAnyOrder(
                    ErrorCode.FIELD_REQUIRED, ErrorCode.FIELD_OUT_OF_RANGE, ErrorCode.FIELD_INVALID,
                    ErrorCode.FIELD_OUT_OF_RANGE);
            assertThat(e.hasViolation("name", ErrorCode.FIELD_REQUIRED)).isTrue();
            assertThat(e.hasViolation("title", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue();
            assertThat(e.hasViolation("email", ErrorCode.FIELD_INVALID)).isTrue();
            assertThat(e.violations()).anySatisfy(v -> assertThat(v.field()).startsWith("phones[0]"));
            assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(e.getMessage());
        });
    }

    @Test
    void last_follow_up_never_moves_backwards() {
        Contact c = minimal().build().followedUpAt(T0.plusSeconds(60));
        assertThat(c.followedUpAt(T0).lastFollowUpAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(c.followedUpAt(T0.plusSeconds(61)).lastFollowUpAt()).isEqualTo(T0.plusSeconds(61));
        assertThat(c.withLocked(true).locked()).isTrue();
        assertThat(c.withVoided(true).voided()).isTrue();
    }

    @Test
    void builder_contract() {
        RecordContract.assertBuilderHasSetterPerComponent(Contact.class);
        Contact full = random(new Random(7), true);
        RecordContract.assertEveryComponentFilled(full);
        RecordContract.assertToBuilderRebuildsEqual(full);
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Contact c = random(random, random.nextInt(4) == 0);
            RecordContract.assertToBuilderRebuildsEqual(c);
            RecordContract.assertJsonRoundTrips(c);
            assertThat(CrmValidation.violations(c)).isEmpty();
        });
    }
}
