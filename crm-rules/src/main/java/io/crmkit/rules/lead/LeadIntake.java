package io.crmkit.rules.lead;

import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.validation.CrmValidation;
import io.crmkit.rules.duplicate.DuplicateCheck;
import io.crmkit.rules.duplicate.DuplicateMatch;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Creating and editing leads (线索录入): who may add a lead where, the tenant's required fields, and
 * duplicate detection under the tenant's policy.
 *
 * <p><b>Who may create a lead.</b>
 * <ul>
 *   <li>Into a lead pool without an owner: the pool's admins and tenant admins (DOMAIN.md section 4:
 *       admins add records to a pool).</li>
 *   <li>Owned by the actor: anyone; if a pool is named too, the actor must see that pool (be one of
 *       its members or admins, or a tenant admin), since pools isolate their records.</li>
 *   <li>Owned by someone else: a tenant admin, or an admin of the named pool (assigning on creation).</li>
 * </ul>
 *
 * <p><b>Duplicates.</b> The lead is compared with the tenant's workable leads (see
 * {@link DuplicateCheck}); under the policy BLOCK a strong match refuses it with
 * {@link io.crmkit.rules.duplicate.DuplicateBlockedException} (rule {@code lead.duplicate}), under WARN
 * it is stored and the matches come back in {@link LeadSaved#warnings()}, under ALLOW nothing is looked
 * up.
 *
 * <p>Obtained from {@link io.crmkit.rules.Crm}; the constructor is internal.
 */
public final class LeadIntake {
    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public LeadIntake(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }

    /**
     * Creates a lead, status NEW, in its pool and/or with its owner, and logs {@code lead.create} (with
     * the pool as context, so the pool log shows it). When the owner is not the actor, the owner is
     * notified ({@code lead.assigned}).
     *
     * @param actor who creates it
     * @param lead what to create
     * @return the stored lead (version 1) and the likely duplicates to review
     * @throws io.crmkit.core.error.NotFoundException if the pool does not exist in the actor's tenant
     * @throws io.crmkit.core.error.ForbiddenException if the actor may not create this lead (see the type)
     * @throws io.crmkit.core.error.ValidationException listing every problem at once: content (lengths,
     *     e-mail format) and the tenant's required fields
     * @throws io.crmkit.rules.duplicate.DuplicateBlockedException if the policy for leads is BLOCK and
     *     the lead strongly matches existing ones
     */
    public LeadSaved create(Actor actor, NewLead lead) {
        return rules.command(actor, cmd -> {
            Checks.required("lead", lead);
            LeadPool pool = lead.pool() == null ? null : cmd.tx().leadPools().get(cmd.tenant(), lead.pool());
            authoriseCreate(cmd, pool, lead.owner());
            Lead draft = Lead.builder()
                    .id(cmd.tx().leads().nextId())
                    .tenantId(cmd.tenant())
                    .personName(lead.personName())
                    .company(lead.company())
                    .phone(lead.phone())
                    .email(lead.email())
                    .source(lead.source())
                    .details(lead.details())
                    .status(LeadStatus.NEW)
                    .poolId(lead.pool())
                    .owner(lead.owner())
                    .ownedSince(lead.owner() == null ? null : cmd.now())
                    .customFields(lead.custom())
                    .createdAt(cmd.now())
                    .updatedAt(cmd.now())
                    .build();
            new Violations()
                    .add("", CrmValidation.violations(lead))
                    .add("", cmd.settings().requiredFields().missing(RecordType.LEAD, draft))
                    .throwIfAny();
            List<DuplicateMatch> warnings = DuplicateCheck.apply(cmd, RecordType.LEAD, null,
                    () -> DuplicateCheck.ofLead(cmd, draft));
            Lead stored = cmd.tx().leads().insert(draft);
            cmd.log(LeadAccess.ref(stored), LeadAccess.poolContext(stored), "lead.create", null, stored, null);
            if (stored.owner() != null && !cmd.actorIs(stored.owner())) {
                cmd.notify(Set.of(stored.owner()), "lead.assigned", LeadAccess.ref(stored),
                        Map.of("leadId", stored.id().value(), "by", cmd.actor().userId().value()),
                        "lead.assigned:" + stored.id().value() + ":" + stored.version());
            }
            return new LeadSaved(stored, warnings);
        });
    }

    /**
     * Edits a lead's contact fields and logs {@code lead.update} with the field diffs. The tenant's
     * required fields are checked on the result. Duplicates are looked for again only when the company,
     * phone or e-mail key changed, so editing the details of a lead that was accepted with a warning
     * is not refused later. An update that changes nothing writes nothing and returns the lead as it is.
     *
     * <p>A CONVERTED lead cannot be edited: after conversion its data lives on in the account, contact
     * and opportunity, and the lead is the record of where they came from (DOMAIN.md: nothing happens
     * to a lead after CONVERTED). An INVALID lead can be edited (to correct it before restoring it).
     *
     * @param actor who edits it: the lead's owner, an admin of its pool or a tenant admin
     * @param id the lead
     * @param changes what to change
     * @return the stored lead and the likely duplicates to review
     * @throws io.crmkit.core.error.NotFoundException if the lead does not exist in the actor's tenant
     * @throws io.crmkit.core.error.ForbiddenException if the actor is not its owner or an admin
     * @throws io.crmkit.core.error.ValidationException listing every content problem and missing
     *     required field at once
     * @throws RuleViolationException with rule {@code lead.voided}, {@code lead.locked} or
     *     {@code lead.converted}
     * @throws io.crmkit.rules.duplicate.DuplicateBlockedException if the policy for leads is BLOCK and
     *     the changed lead strongly matches existing ones
     */
    public LeadSaved update(Actor actor, LeadId id, LeadUpdate changes) {
        return rules.command(actor, cmd -> {
            Checks.required("id", id);
            Checks.required("changes", changes);
            Lead before = LeadAccess.load(cmd, id);
            LeadAccess.requireOwnerOrAdmin(cmd, before, "lead.update");
            Lead after = changes.applyTo(before);
            new Violations()
                    .add("", CrmValidation.violations(changes))
                    .add("", cmd.settings().requiredFields().missing(RecordType.LEAD, after))
                    .throwIfAny();
            LeadAccess.requireChangeable(before, "editing it");
            if (before.isConverted()) {
                throw new RuleViolationException("lead.converted", null,
                        "lead " + before.id() + " is converted; edit the account, contact or opportunity instead");
            }
            if (after.equals(before)) {
                return new LeadSaved(before, List.of());
            }
            boolean keysChanged = !Objects.equals(after.companyKey(), before.companyKey())
                    || !Objects.equals(after.phoneKey(), before.phoneKey())
                    || !Objects.equals(after.emailKey(), before.emailKey());
            List<DuplicateMatch> warnings = keysChanged
                    ? DuplicateCheck.apply(cmd, RecordType.LEAD, null, () -> DuplicateCheck.ofLead(cmd, after))
                    : List.of();
            Lead stored = cmd.tx().leads().update(after.toBuilder().updatedAt(cmd.now()).build());
            cmd.log(LeadAccess.ref(stored), LeadAccess.poolContext(stored), "lead.update", before, stored, null);
            return new LeadSaved(stored, warnings);
        });
    }

    private static void authoriseCreate(CommandContext cmd, LeadPool pool, UserId owner) {
        if (cmd.actorIsAdmin()) {
            return;
        }
        boolean poolAdmin = pool != null && pool.isAdmin(cmd.actor().userId());
        if (owner == null) {
            if (!poolAdmin) {
                throw cmd.forbidden("lead.create", "only the pool's admins or a tenant admin may add leads to a pool");
            }
        } else if (cmd.actorIs(owner)) {
            if (pool != null && !poolAdmin && !pool.members().includes(cmd.actor())) {
                throw cmd.forbidden("lead.create", "only members and admins of a pool may create leads in it");
            }
        } else if (!poolAdmin) {
            throw cmd.forbidden("lead.create",
                    "only a tenant admin or an admin of the lead's pool may create a lead for someone else");
        }
    }
}
