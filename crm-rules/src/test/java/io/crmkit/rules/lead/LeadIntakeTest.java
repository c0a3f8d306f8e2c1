package io.crmkit.rules.lead;

import static io.crmkit.rules.lead.IntakeFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.contact.ContactId;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.tenant.DuplicateAction;
import io.crmkit.core.tenant.DuplicatePolicy;
import io.crmkit.core.tenant.RequiredFields;
import io.crmkit.rules.duplicate.DuplicateBlockedException;
import io.crmkit.rules.duplicate.DuplicateMatch;
import io.crmkit.rules.duplicate.DuplicateReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadIntakeTest {
    private final IntakeFixture crm = new IntakeFixture();
    private final LeadIntake intake = new LeadIntake(crm.rules);

    private static NewLead.Builder card() {
        return NewLead.builder().personName("张三").company("杭州示例科技有限公司").phone("+86 138-0000-0000")
                .email("zhang@hz-sample.example").source("fair").details("wants 20 valves");
    }

    // ------------------------------------------------------------------ create: who may

    @Test
    void anyone_creates_a_lead_they_own_outside_every_pool() {
        LeadSaved saved = intake.create(crm.alice, card().owner(crm.alice.userId()).build());

        Lead lead = saved.lead();
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.owner()).isEqualTo(crm.alice.userId());
        assertThat(lead.poolId()).isNull();
        assertThat(lead.tenantId()).isEqualTo(TENANT);
        assertThat(lead.version()).isEqualTo(1);
        assertThat(lead.createdAt()).isEqualTo(IntakeFixture.START).isEqualTo(lead.updatedAt());
        assertThat(lead.companyKey()).isEqualTo("杭州示例科技");
        assertThat(saved.warnings()).isEmpty();
        assertThat(crm.lead(lead.id())).isEqualTo(lead);

        List<ChangeLogEntry> log = crm.log(RecordType.LEAD, lead.id());
        assertThat(log).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("lead.create");
            assertThat(entry.actor()).isEqualTo(crm.alice.userId());
            assertThat(entry.context()).isNull();
            assertThat(entry.at()).isEqualTo(IntakeFixture.START);
            assertThat(entry.changes()).extracting(FieldChange::field)
                    .contains("personName", "company", "phone", "status", "owner")
                    .as("derived match keys are not logged").doesNotContain("companyKey", "phoneKey", "emailKey");
        });
        assertThat(crm.outbox()).as("nobody else to tell").isEmpty();
    }

    @Test
    void a_pool_admin_adds_an_unowned_lead_to_the_pool_and_the_pool_log_shows_it() {
        LeadPool pool = crm.pool("p1");
        Lead lead = intake.create(crm.poolAdmin, card().pool(pool.id()).build()).lead();

        assertThat(lead.poolId()).isEqualTo(pool.id());
        assertThat(lead.owner()).isNull();
        assertThat(crm.log(RecordType.LEAD, lead.id())).singleElement()
                .satisfies(entry -> assertThat(entry.context()).isEqualTo(RecordRef.of(RecordType.LEAD_POOL, pool.id())));
    }

    @Test
    void a_tenant_admin_adds_to_any_pool() {
        LeadPool pool = crm.pool("p1");
        assertThat(intake.create(crm.admin, card().pool(pool.id()).build()).lead().poolId()).isEqualTo(pool.id());
    }

    @Test
    void a_pool_member_may_not_add_an_unowned_lead_to_the_pool() {
        LeadPool pool = crm.pool("p1");
        assertThatThrownBy(() -> intake.create(crm.alice, card().pool(pool.id()).build()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(crm.leadCount()).isZero();
        assertThat(crm.outbox()).isEmpty();
    }

    @Test
    void a_member_creates_an_own_lead_in_the_pool_but_an_outsider_may_not() {
        LeadPool pool = crm.pool("p1");
        Lead lead = intake.create(crm.alice, card().pool(pool.id()).owner(crm.alice.userId()).build()).lead();
        assertThat(lead.owner()).isEqualTo(crm.alice.userId());
        assertThat(lead.poolId()).isEqualTo(pool.id());

        assertThatThrownBy(() -> intake.create(crm.outsider,
                card().company("Other").phone("13900000000").email(null).pool(pool.id())
                        .owner(crm.outsider.userId()).build()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(crm.leadCount()).isEqualTo(1);
    }

    @Test
    void only_an_admin_creates_a_lead_for_someone_else_and_the_owner_is_told() {
        assertThatThrownBy(() -> intake.create(crm.alice, card().owner(crm.bob.userId()).build()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(crm.leadCount()).isZero();

        LeadPool pool = crm.pool("p1");
        Lead byPoolAdmin = intake.create(crm.poolAdmin, card().pool(pool.id()).owner(crm.bob.userId()).build()).lead();
        assertThat(byPoolAdmin.owner()).isEqualTo(crm.bob.userId());
        assertThatThrownBy(() -> intake.create(crm.poolAdmin, card().owner(crm.bob.userId()).build()))
                .as("a pool admin assigns only into their pool").isInstanceOf(ForbiddenException.class);
        Lead byAdmin = intake.create(crm.admin, card().company("Other Co").phone("13900000001").email(null)
                .owner(crm.alice.userId()).build()).lead();

        assertThat(crm.outbox()).extracting(e -> e.notification().type(), e -> e.notification().recipients(),
                        e -> e.notification().record())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("lead.assigned", java.util.Set.of(crm.bob.userId()),
                                RecordRef.of(RecordType.LEAD, byPoolAdmin.id())),
                        org.assertj.core.groups.Tuple.tuple("lead.assigned", java.util.Set.of(crm.alice.userId()),
                                RecordRef.of(RecordType.LEAD, byAdmin.id())));
    }

    @Test
    void an_unknown_pool_is_not_found() {
        assertThatThrownBy(() -> intake.create(crm.admin, card().pool(LeadPoolId.of("nope")).build()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_lead_needs_a_pool_or_an_owner() {
        assertThatThrownBy(() -> card().build()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("owner", ErrorCode.FIELD_INVALID)).isTrue());
    }

    // ------------------------------------------------------------------ create: validation

    @Test
    void missing_required_fields_and_bad_content_are_reported_together() {
        NewLead lead = NewLead.builder().email("not an address").company("x".repeat(Lead.MAX_COMPANY + 1))
                .owner(crm.alice.userId()).build();

        assertThatThrownBy(() -> intake.create(crm.alice, lead)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.violations()).extracting(Violation::field, Violation::code).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("company", ErrorCode.FIELD_OUT_OF_RANGE),
                    org.assertj.core.groups.Tuple.tuple("email", ErrorCode.FIELD_INVALID),
                    org.assertj.core.groups.Tuple.tuple("personName", ErrorCode.FIELD_REQUIRED),
                    org.assertj.core.groups.Tuple.tuple("phone", ErrorCode.FIELD_REQUIRED),
                    org.assertj.core.groups.Tuple.tuple("details", ErrorCode.FIELD_REQUIRED));
        });
        assertThat(crm.leadCount()).isZero();
    }

    @Test
    void required_fields_are_the_tenants_configuration() {
        IntakeFixture relaxed = new IntakeFixture(s -> s.requiredFields(RequiredFields.none()
                .plus(RecordType.LEAD, "email").plus(RecordType.LEAD, "custom.region")));
        LeadIntake relaxedIntake = new LeadIntake(relaxed.rules);

        assertThatThrownBy(() -> relaxedIntake.create(relaxed.alice, NewLead.builder().personName("Li")
                .owner(relaxed.alice.userId()).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("email", "customFields.region"));
        Lead lead = relaxedIntake.create(relaxed.alice, NewLead.builder().email("li@example.org")
                .custom(CustomFields.none().with("region", new CustomValue.Text("east")))
                .owner(relaxed.alice.userId()).build()).lead();
        assertThat(lead.personName()).isNull();
        assertThat(lead.customFields().get("region")).contains(new CustomValue.Text("east"));
    }

    // ------------------------------------------------------------------ create: duplicates

    @Test
    void under_warn_a_duplicate_is_created_and_the_matches_come_back_with_their_reasons() {
        Lead first = intake.create(crm.alice, card().owner(crm.alice.userId()).build()).lead();

        LeadSaved second = intake.create(crm.bob, card().personName("李四").company("杭州示例科技").phone("13800000000")
                .email("li@hz-sample.example").owner(crm.bob.userId()).build());

        RecordRef firstRef = RecordRef.of(RecordType.LEAD, first.id());
        assertThat(second.warnings()).containsExactly(
                new DuplicateMatch(firstRef, DuplicateReason.SAME_COMPANY, "杭州示例科技"),
                new DuplicateMatch(firstRef, DuplicateReason.SAME_PHONE, "13800000000"),
                new DuplicateMatch(firstRef, DuplicateReason.SAME_EMAIL_DOMAIN, "hz-sample.example"));
        assertThat(crm.leadCount()).isEqualTo(2);
    }

    @Test
    void the_same_address_is_same_email_not_same_domain() {
        Lead first = intake.create(crm.alice, card().owner(crm.alice.userId()).build()).lead();
        LeadSaved second = intake.create(crm.alice, NewLead.builder().personName("Z").company("Elsewhere")
                .phone("0571-12345678").details("d").email("ZHANG@hz-sample.example").owner(crm.alice.userId()).build());
        assertThat(second.warnings()).containsExactly(new DuplicateMatch(RecordRef.of(RecordType.LEAD, first.id()),
                DuplicateReason.SAME_EMAIL, "zhang@hz-sample.example"));
    }

    @Test
    void webmail_domains_say_nothing_about_the_company() {
        intake.create(crm.alice, card().email("a@qq.com").owner(crm.alice.userId()).build());
        LeadSaved other = intake.create(crm.alice, NewLead.builder().personName("B").company("B Ltd").phone("13911112222")
                .details("d").email("b@qq.com").owner(crm.alice.userId()).build());
        assertThat(other.warnings()).isEmpty();
    }

    @Test
    void under_block_a_duplicate_is_refused_listing_the_matches_and_nothing_is_stored() {
        IntakeFixture strict = new IntakeFixture(s -> s.duplicatePolicy(
                DuplicatePolicy.defaults().with(RecordType.LEAD, DuplicateAction.BLOCK)));
        LeadIntake strictIntake = new LeadIntake(strict.rules);
        Lead first = strictIntake.create(strict.alice, card().owner(strict.alice.userId()).build()).lead();

        assertThatThrownBy(() -> strictIntake.create(strict.bob, card().company("ＡＢＣ Co., Ltd.")
                .phone("0086 13800000000").email(null).owner(strict.bob.userId()).build()))
                .isInstanceOfSatisfying(DuplicateBlockedException.class, e -> {
                    assertThat(e.rule()).isEqualTo("lead.duplicate");
                    assertThat(e.code()).isEqualTo(ErrorCode.RULE_VIOLATED);
                    assertThat(e.matches()).containsExactly(new DuplicateMatch(RecordRef.of(RecordType.LEAD, first.id()),
                            DuplicateReason.SAME_PHONE, "13800000000"));
                    assertThat(e.getMessage()).contains("SAME_PHONE").doesNotContain("13800000000");
                });
        assertThat(strict.leadCount()).isEqualTo(1);
        assertThat(strict.logged("lead.create")).hasSize(1);
    }

    @Test
    void under_block_weak_matches_only_warn() {
        IntakeFixture strict = new IntakeFixture(s -> s.duplicatePolicy(DuplicatePolicy.everywhere(DuplicateAction.BLOCK)));
        LeadIntake strictIntake = new LeadIntake(strict.rules);
        Lead first = strictIntake.create(strict.alice, card().owner(strict.alice.userId()).build()).lead();

        LeadSaved colleague = strictIntake.create(strict.alice, NewLead.builder().personName("王五").company("Someone Else")
                .phone("13700000000").details("d").email("wang@hz-sample.example").owner(strict.alice.userId()).build());
        assertThat(colleague.warnings()).containsExactly(new DuplicateMatch(RecordRef.of(RecordType.LEAD, first.id()),
                DuplicateReason.SAME_EMAIL_DOMAIN, "hz-sample.example"));
    }

    @Test
    void under_allow_duplicates_are_not_looked_for() {
        IntakeFixture lax = new IntakeFixture(s -> s.duplicatePolicy(DuplicatePolicy.everywhere(DuplicateAction.ALLOW)));
        LeadIntake laxIntake = new LeadIntake(lax.rules);
        laxIntake.create(lax.alice, card().owner(lax.alice.userId()).build());
        assertThat(laxIntake.create(lax.alice, card().owner(lax.alice.userId()).build()).warnings()).isEmpty();
        assertThat(lax.leadCount()).isEqualTo(2);
    }

    @Test
    void converted_invalid_and_voided_leads_and_other_tenants_never_count_as_duplicates() {
        IntakeFixture strict = new IntakeFixture(s -> s.duplicatePolicy(DuplicatePolicy.everywhere(DuplicateAction.BLOCK)));
        LeadIntake strictIntake = new LeadIntake(strict.rules);
        Lead converted = strictIntake.create(strict.alice, card().owner(strict.alice.userId()).build()).lead();
        strict.change(converted.id(), l -> l.convert(AccountId.of("a1"), ContactId.of("c1"), null, IntakeFixture.START));
        Lead invalid = strictIntake.create(strict.alice, card().owner(strict.alice.userId()).build()).lead();
        strict.change(invalid.id(), l -> l.markInvalid("duplicate card"));
        Lead voided = strictIntake.create(strict.alice, card().owner(strict.alice.userId()).build()).lead();
        strict.change(voided.id(), l -> l.withVoided(true));
        Actor stranger = Actor.of(IntakeFixture.OTHER_TENANT, UserId.of("alice"));
        strictIntake.create(stranger, card().owner(stranger.userId()).build());

        LeadSaved again = strictIntake.create(strict.alice, card().owner(strict.alice.userId()).build());
        assertThat(again.warnings()).isEmpty();
        assertThat(strict.leadCount()).isEqualTo(4);
    }

    // ------------------------------------------------------------------ update

    @Test
    void the_owner_edits_fields_and_the_change_log_shows_the_diff() {
        Lead lead = intake.create(crm.alice, card().owner(crm.alice.userId()).build()).lead();
        crm.clock.advance(Duration.ofHours(1));

        LeadSaved saved = intake.update(crm.alice, lead.id(), LeadUpdate.none().withPhone("139 0000 0000")
                .withEmail(" ").withDetails("wants 30 valves"));

        Lead updated = saved.lead();
        assertThat(updated.phone()).isEqualTo("139 0000 0000");
        assertThat(updated.phoneKey()).isEqualTo("13900000000");
        assertThat(updated.email()).as("blank clears").isNull();
        assertThat(updated.personName()).as("null keeps").isEqualTo("张三");
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.updatedAt()).isEqualTo(IntakeFixture.START.plus(Duration.ofHours(1)));
        assertThat(updated.createdAt()).isEqualTo(IntakeFixture.START);
        assertThat(crm.log(RecordType.LEAD, lead.id())).first().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("lead.update");
            assertThat(entry.changes()).containsExactly(
                    new FieldChange("phone", "+86 138-0000-0000", "139 0000 0000"),
                    new FieldChange("email", "zhang@hz-sample.example", null),
                    new FieldChange("details", "wants 20 valves", "wants 30 valves"));
        });
    }

    @Test
    void an_update_that_changes_nothing_writes_nothing() {
        Lead lead = intake.create(crm.alice, card().owner(crm.alice.userId()).build()).lead();
        LeadSaved saved = intake.update(crm.alice, lead.id(), LeadUpdate.none().withCompany("杭州示例科技有限公司"));
        assertThat(saved.lead()).isEqualTo(lead);
        assertThat(crm.log(RecordType.LEAD, lead.id())).hasSize(1);
    }

    @Test
    void only_the_owner_or_an_admin_edits() {
        LeadPool pool = crm.pool("p1");
        Lead lead = intake.create(crm.alice, card().pool(pool.id()).owner(crm.alice.userId()).build()).lead();

        assertThatThrownBy(() -> intake.update(crm.bob, lead.id(), LeadUpdate.none().withDetails("mine now")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(crm.lead(lead.id())).isEqualTo(lead);

        assertThat(intake.update(crm.poolAdmin, lead.id(), LeadUpdate.none().withDetails("pool admin")).lead().details())
                .isEqualTo("pool admin");
        assertThat(intake.update(crm.admin, lead.id(), LeadUpdate.none().withDetails("tenant admin")).lead().details())
                .isEqualTo("tenant admin");
    }

    @Test
    void clearing_a_required_field_is_refused_with_every_problem_listed() {
        Lead lead = intake.create(crm.alice, card().owner(crm.alice.userId()).build()).lead();
        assertThatThrownBy(() -> intake.update(crm.alice, lead.id(), LeadUpdate.none().withPhone("").withCompany(" ")
                .withEmail("nope")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactlyInAnyOrder("email", "company", "phone"));
        assertThat(crm.lead(lead.id())).isEqualTo(lead);
    }

    @Test
    void a_converted_lead_cannot_be_edited_nor_a_locked_or_voided_one() {
        Lead lead = intake.create(crm.alice, card().owner(crm.alice.userId()).build()).lead();
        crm.change(lead.id(), l -> l.withLocked(true));
        assertThatThrownBy(() -> intake.update(crm.alice, lead.id(), LeadUpdate.none().withDetails("x")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("lead.locked"));
        crm.change(lead.id(), l -> l.withLocked(false).withVoided(true));
        assertThatThrownBy(() -> intake.update(crm.alice, lead.id(), LeadUpdate.none().withDetails("x")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("lead.voided"));
        Lead converted = crm.change(lead.id(), l -> l.withVoided(false)
                .convert(AccountId.of("a1"), ContactId.of("c1"), null, IntakeFixture.START));
        assertThatThrownBy(() -> intake.update(crm.admin, lead.id(), LeadUpdate.none().withDetails("x")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("lead.converted"));
        assertThat(crm.lead(lead.id())).isEqualTo(converted);
    }

    @Test
    void an_invalid_lead_can_be_corrected() {
        Lead lead = intake.create(crm.alice, card().owner(crm.alice.userId()).build()).lead();
        crm.change(lead.id(), l -> l.markInvalid("wrong number"));
        Lead corrected = intake.update(crm.alice, lead.id(), LeadUpdate.none().withPhone("13912345678")).lead();
        assertThat(corrected.status()).isEqualTo(LeadStatus.INVALID);
        assertThat(corrected.phone()).isEqualTo("13912345678");
    }

    @Test
    void duplicates_are_checked_again_only_when_a_key_changes() {
        IntakeFixture strict = new IntakeFixture(s -> s.duplicatePolicy(
                DuplicatePolicy.defaults().with(RecordType.LEAD, DuplicateAction.BLOCK)));
        LeadIntake strictIntake = new LeadIntake(strict.rules);
        Lead first = strictIntake.create(strict.alice, card().owner(strict.alice.userId()).build()).lead();
        Lead second = strictIntake.create(strict.alice, NewLead.builder().personName("Li").company("Other")
                .phone("13911112222").details("d").owner(strict.alice.userId()).build()).lead();

        assertThatThrownBy(() -> strictIntake.update(strict.alice, second.id(), LeadUpdate.none().withPhone("+8613800000000")))
                .isInstanceOfSatisfying(DuplicateBlockedException.class, e -> assertThat(e.matches())
                        .extracting(DuplicateMatch::match).containsOnly(RecordRef.of(RecordType.LEAD, first.id())));
        assertThat(strict.lead(second.id())).isEqualTo(second);

        // A lead never matches itself, and editing other fields does not look again.
        assertThat(strictIntake.update(strict.alice, first.id(), LeadUpdate.none().withDetails("more")).warnings()).isEmpty();
        assertThat(strictIntake.update(strict.alice, first.id(), LeadUpdate.none().withPhone("13800000000")).warnings())
                .isEmpty();
    }
}
