package io.crmkit.rules.activity;

import io.crmkit.core.activity.FollowUpKind;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The input of {@link FollowUps#record}: an interaction with a customer to log against a record.
 * Missing target, kind or content and too long content are reported together by
 * {@link io.crmkit.core.validation.CrmValidation} when the command runs.
 *
 * @param target the record the interaction was about: a lead, account, contact or opportunity
 *     ({@link #TARGET_TYPES}); required
 * @param kind how it happened (call, visit, e-mail, meeting, note); required
 * @param content what was said or done, at most {@value #MAX_CONTENT} characters; required, stored
 *     stripped
 * @param occurredAt when it happened, which may be earlier than now (logged after the fact) but not
 *     later; null means the moment the command runs
 */
public record RecordFollowUp(
        @NotNull RecordRef target,
        @NotNull FollowUpKind kind,
        @NotBlank @Size(max = RecordFollowUp.MAX_CONTENT) String content,
        Instant occurredAt) {

    /** Longest content, as {@link io.crmkit.core.activity.FollowUpRecord} allows. */
    public static final int MAX_CONTENT = 4000;

    /** The kinds of record a follow-up may be about. */
    public static final Set<RecordType> TARGET_TYPES = Collections.unmodifiableSet(
            EnumSet.of(RecordType.LEAD, RecordType.ACCOUNT, RecordType.CONTACT, RecordType.OPPORTUNITY));

    /**
     * Strips the content (blank becomes null, reported as missing on validation) and checks the
     * target's kind.
     *
     * @throws ValidationException on {@code target} if it is a kind of record follow-ups are not
     *     logged against (a quote, a payment, ...)
     */
    public RecordFollowUp {
        content = content == null || content.isBlank() ? null : content.strip();
        if (target != null && !TARGET_TYPES.contains(target.type())) {
            throw ValidationException.of("target", ErrorCode.FIELD_INVALID,
                    "follow-ups are logged against leads, accounts, contacts and opportunities, not " + target.type());
        }
    }

    /** A follow-up about {@code target} that happens now. */
    public static RecordFollowUp now(RecordRef target, FollowUpKind kind, String content) {
        return new RecordFollowUp(target, kind, content, null);
    }
}
