package io.crmkit.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.record.RecordType;
import org.junit.jupiter.api.Test;

class DuplicatePolicyTest {

    @Test
    void defaults_warn_on_leads_and_contacts_and_block_accounts() {
        DuplicatePolicy policy = DuplicatePolicy.defaults();
        assertThat(policy.actionFor(RecordType.LEAD)).isEqualTo(DuplicateAction.WARN);
        assertThat(policy.actionFor(RecordType.ACCOUNT)).isEqualTo(DuplicateAction.BLOCK);
        assertThat(policy.actionFor(RecordType.CONTACT)).isEqualTo(DuplicateAction.WARN);
    }

    @Test
    void with_changes_one_type_only() {
        DuplicatePolicy policy = DuplicatePolicy.defaults().with(RecordType.LEAD, DuplicateAction.BLOCK)
                .with(RecordType.CONTACT, DuplicateAction.ALLOW);
        assertThat(policy).isEqualTo(new DuplicatePolicy(DuplicateAction.BLOCK, DuplicateAction.BLOCK, DuplicateAction.ALLOW));
        assertThat(DuplicatePolicy.everywhere(DuplicateAction.ALLOW).with(RecordType.ACCOUNT, DuplicateAction.WARN).account())
                .isEqualTo(DuplicateAction.WARN);
    }

    @Test
    void only_leads_accounts_and_contacts_have_a_policy() {
        assertThatThrownBy(() -> DuplicatePolicy.defaults().actionFor(RecordType.PRODUCT))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("type", ErrorCode.FIELD_INVALID)).isTrue());
        assertThatThrownBy(() -> DuplicatePolicy.defaults().with(RecordType.LEAD, null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new DuplicatePolicy(DuplicateAction.WARN, null, DuplicateAction.WARN))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("account", ErrorCode.FIELD_REQUIRED)).isTrue());
    }
}
