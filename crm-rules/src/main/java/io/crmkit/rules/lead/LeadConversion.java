package io.crmkit.rules.lead;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.TeamAccess;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadAction;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadLifecycle;
import io.crmkit.core.validation.CrmValidation;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;

/**
 * Converting a lead (线索转换) into an account, a contact and optionally an opportunity, in one
 * transaction: everything below happens, or nothing does.
 *
 * <ul>
 *   <li><b>Account.</b> A new account from the lead (name: the given one or the lead's company;
 *       phone, e-mail and source from the lead; owned by the lead's owner), checked against the
 *       tenant's required fields and its duplicate policy for accounts (under BLOCK a strong match is
 *       refused with rule {@code account.duplicate}, suggesting conversion into that account). Or an
 *       existing account of the actor's tenant (another tenant's id is simply not found): only its
 *       empty phone and e-mail are filled from the lead, nothing it has is overwritten.</li>
 *   <li><b>Contact.</b> On that account, for the lead's person. When the account already has a
 *       contact with the same name and the same phone (or, if the lead has no phone, the same e-mail),
 *       that contact is reused (its empty e-mail filled) instead of creating a duplicate; otherwise a
 *       new contact is created under the duplicate policy for contacts.</li>
 *   <li><b>Opportunity</b> (optional): at the first stage of the default sales process, with the lead
 *       as its source and the contact as its primary contact.</li>
 *   <li><b>Follow-ups carried over.</b> Every follow-up record of the lead is copied to the account:
 *       a new record targeting the account with the same kind, content, time, author and custom
 *       fields (created now). The lead keeps its own records, so its history stays complete; the
 *       account's last follow-up time moves to the lead's last follow-up time or the latest copied
 *       record, whichever is later (never backwards on an existing account).</li>
 *   <li><b>The lead</b> becomes CONVERTED, pointing at what it became; every later status action is
 *       refused, and converting it again throws {@link io.crmkit.core.error.IllegalTransitionException}.</li>
 * </ul>
 * Change log: {@code account.create} or {@code account.update}, {@code contact.create} or
 * {@code contact.update} (only when something changed), {@code opportunity.create}, one
 * {@code follow-up.record} per copy, and {@code lead.convert} (with the lead's pool as context). The
 * lead's owner and the existing account's owner are notified ({@code lead.converted}) unless they
 * converted it themselves.
 *
 * <p>Obtained from {@link io.crmkit.rules.Crm}; the constructor is internal.
 */
public final class LeadConversion {
    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public LeadConversion(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }

    /**
     * Converts a lead (see the type's documentation for everything it does).
     *
     * @param actor who converts: the lead's owner, an admin of its pool or a tenant admin; for an
     *     existing account also someone who may change that account (its owner, a team member with
     *     write access, an admin of its public pool, or a tenant admin)
     * @param id the lead
     * @param command into which account, and which opportunity
     * @return the converted lead and the records it became
     * @throws io.crmkit.core.error.NotFoundException if the lead or the existing account does not exist
     *     in the actor's tenant
     * @throws io.crmkit.core.error.ForbiddenException if the actor may not convert the lead or change
     *     the account
     * @throws io.crmkit.core.error.IllegalTransitionException if the lead is CONVERTED (converting twice)
     *     or INVALID
     * @throws RuleViolationException with rule {@code lead.voided} or {@code lead.locked}, or
     *     {@code account.voided} or {@code account.locked} for the existing account
     * @throws io.crmkit.core.error.ValidationException listing every problem at once: the command's
     *     content, and the new account's and contact's required fields (paths {@code account.name},
     *     {@code contact.name}, ...)
     * @throws io.crmkit.rules.duplicate.DuplicateBlockedException with rule {@code account.duplicate}
     *     or {@code contact.duplicate} when the tenant's policy blocks a likely duplicate
     */
    public ConversionResult convert(Actor actor, LeadId id, ConvertLead command) {
        return rules.command(actor, cmd -> {
            Checks.required("id", id);
            Checks.required("command", command);
            Lead lead = LeadAccess.load(cmd, id);
            LeadAccess.requireOwnerOrAdmin(cmd, lead, "lead.convert");
            Account existing = command.existingAccount() == null ? null
                    : cmd.tx().accounts().get(cmd.tenant(), command.existingAccount());
            if (existing != null) {
                requireMayChange(cmd, existing);
            }
            CrmValidation.validate(command);
            LeadAccess.requireChangeable(lead, "converting it");
            LeadLifecycle.next(lead.status(), LeadAction.CONVERT, lead.statusBeforeInvalid());
            if (existing != null) {
                requireAccountChangeable(existing);
            }
            return new Conversion(cmd, lead, command, existing).run();
        });
    }

    /** Whether the actor may change {@code account}: owner, write-access team member, pool admin, tenant admin. */
    private static void requireMayChange(CommandContext cmd, Account account) {
        UserId user = cmd.actor().userId();
        boolean owner = account.owner() != null && cmd.actorIs(account.owner());
        boolean writer = account.teamMembers().stream()
                .anyMatch(m -> m.user().equals(user) && m.access() == TeamAccess.READ_WRITE);
        boolean poolAdmin = account.poolId() != null
                && cmd.tx().pools().get(cmd.tenant(), account.poolId()).isAdmin(user);
        if (!cmd.actorIsAdmin() && !owner && !writer && !poolAdmin) {
            throw cmd.forbidden("lead.convert", "may convert only into an account the actor owns, works on with "
                    + "write access or administers");
        }
    }

    private static void requireAccountChangeable(Account account) {
        if (account.voided()) {
            throw new RuleViolationException("account.voided", null,
                    "account " + account.id() + " is in the recycle bin; restore it before converting into it");
        }
        if (account.locked()) {
            throw new RuleViolationException("account.locked", null,
                    "account " + account.id() + " is locked; unlock it before converting into it");
        }
    }
}
