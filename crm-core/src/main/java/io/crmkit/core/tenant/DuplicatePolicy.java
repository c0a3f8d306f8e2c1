package io.crmkit.core.tenant;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.RecordType;

/**
 * A tenant's duplicate policy (查重规则): per record type, whether a likely duplicate blocks the
 * change, is only reported, or is not looked for. DOMAIN rules are configuration, never constants;
 * the {@link #defaults() defaults} are:
 * <ul>
 *   <li>{@link RecordType#LEAD} {@link DuplicateAction#WARN}: leads come from fairs and forms and the
 *       same person often enquires twice; the second enquiry is still worth keeping;</li>
 *   <li>{@link RecordType#ACCOUNT} {@link DuplicateAction#BLOCK}: account names are unique per tenant
 *       (DOMAIN.md section 1), and two accounts for one company split its history and ownership;</li>
 *   <li>{@link RecordType#CONTACT} {@link DuplicateAction#WARN}: people share switchboard numbers.</li>
 * </ul>
 * What counts as a duplicate (which keys, which records) is decided by the rules module.
 *
 * @param lead the action for leads
 * @param account the action for accounts
 * @param contact the action for contacts
 */
public record DuplicatePolicy(DuplicateAction lead, DuplicateAction account, DuplicateAction contact) {
    private static final DuplicatePolicy DEFAULTS =
            new DuplicatePolicy(DuplicateAction.WARN, DuplicateAction.BLOCK, DuplicateAction.WARN);

    /**
     * Requires an action for every record type.
     *
     * @throws ValidationException naming the missing part
     */
    public DuplicatePolicy {
        Checks.required("lead", lead);
        Checks.required("account", account);
        Checks.required("contact", contact);
    }

    /** Leads WARN, accounts BLOCK, contacts WARN (see the type's documentation for why). */
    public static DuplicatePolicy defaults() {
        return DEFAULTS;
    }

    /** The same action for leads, accounts and contacts. */
    public static DuplicatePolicy everywhere(DuplicateAction action) {
        return new DuplicatePolicy(action, action, action);
    }

    /**
     * The action for records of {@code type}.
     *
     * @throws ValidationException if {@code type} is null or not LEAD, ACCOUNT or CONTACT (the only
     *     types checked for duplicates)
     */
    public DuplicateAction actionFor(RecordType type) {
        return switch (requireChecked(type)) {
            case LEAD -> lead;
            case ACCOUNT -> account;
            default -> contact;
        };
    }

    /**
     * This policy with {@code action} for records of {@code type}.
     *
     * @throws ValidationException if an argument is null or {@code type} is not LEAD, ACCOUNT or CONTACT
     */
    public DuplicatePolicy with(RecordType type, DuplicateAction action) {
        Checks.required("action", action);
        return switch (requireChecked(type)) {
            case LEAD -> new DuplicatePolicy(action, account, contact);
            case ACCOUNT -> new DuplicatePolicy(lead, action, contact);
            default -> new DuplicatePolicy(lead, account, action);
        };
    }

    private static RecordType requireChecked(RecordType type) {
        Checks.required("type", type);
        if (type != RecordType.LEAD && type != RecordType.ACCOUNT && type != RecordType.CONTACT) {
            throw ValidationException.of("type", ErrorCode.FIELD_INVALID,
                    "only leads, accounts and contacts are checked for duplicates, not " + type);
        }
        return type;
    }
}
