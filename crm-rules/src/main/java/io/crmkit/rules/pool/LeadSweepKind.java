package io.crmkit.rules.pool;

import io.crmkit.core.condition.Condition;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.pool.InactivityBasis;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Leads in lead pools. Leads have no level, no deals, no extensions and no team, so: per-level day
 * limits do not apply (every lead gets the rule's days); a NO_DEAL rule counts from the last follow-up
 * like NO_FOLLOW_UP (a lead never has a deal, and "no deal since the claim" would recycle every lead,
 * however well followed up); nobody but the owner is warned. Converted and invalid leads are never
 * recycled: they are finished.
 */
final class LeadSweepKind implements SweepKind<Lead> {
    static final LeadSweepKind INSTANCE = new LeadSweepKind();
    /** The change-log action of a lead recycle. */
    static final String RECYCLE_ACTION = "lead.recycle";

    private LeadSweepKind() {}

    @Override
    public RecordType recordType() {
        return RecordType.LEAD;
    }

    @Override
    public String recycleAction() {
        return RECYCLE_ACTION;
    }

    @Override
    public String keyPrefix() {
        return "lead:";
    }

    @Override
    public Page<SweepPool> pools(Transaction tx, TenantId tenant, PageRequest page) {
        Page<LeadPool> pools = tx.leadPools().list(tenant, page);
        return new Page<>(pools.items().stream()
                .map(p -> new SweepPool(RecordRef.of(RecordType.LEAD_POOL, p.id()), p.admins(), p.rules())).toList(),
                pools.nextCursor());
    }

    @Override
    public Page<Lead> query(Transaction tx, TenantId tenant, Condition condition, QueryContext context,
            PageRequest page) {
        return tx.leads().query(tenant, condition, context, page);
    }

    @Override
    public Optional<Lead> reread(Transaction tx, TenantId tenant, Lead seen) {
        return tx.leads().find(tenant, seen.id());
    }

    @Override
    public Lead update(Transaction tx, Lead record) {
        return tx.leads().update(record);
    }

    @Override
    public Lead recycled(Lead before, SweepPool pool, Instant now) {
        return before.returnedTo(LeadPoolId.of(pool.id())).toBuilder().updatedAt(now).build();
    }

    @Override
    public Instant ownedSince(Lead record) {
        return record.ownedSince();
    }

    @Override
    public Instant basisAt(Lead record, InactivityBasis basis) {
        return record.lastFollowUpAt();
    }

    @Override
    public String basisField(InactivityBasis basis) {
        return "lastFollowUpAt";
    }

    @Override
    public Instant deferredUntil(Lead record) {
        return null;
    }

    @Override
    public String deferredField() {
        return null;
    }

    @Override
    public boolean hasLevels() {
        return false;
    }

    @Override
    public Set<UserId> team(Lead record) {
        return Set.of();
    }

    @Override
    public List<Condition> recyclable(PoolRules rules) {
        return List.of(Condition.notIn("status", new CustomValue.Choice(LeadStatus.CONVERTED.name()),
                new CustomValue.Choice(LeadStatus.INVALID.name())));
    }
}
