package io.crmkit.rules.internal;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.internal.Checks;
import io.crmkit.rules.TenantSettingsSource;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.approval.ApprovalGateway;
import io.crmkit.spi.directory.OrganisationDirectory;
import io.crmkit.spi.registry.CompanyRegistry;
import java.time.Clock;

/**
 * Everything the rule services share: the store, the clock, the host's ports and settings. Built
 * once by {@link io.crmkit.rules.Crm}; each command runs through {@link #command}.
 *
 * <p>Internal: hosts use {@link io.crmkit.rules.Crm}.
 */
public final class RulesContext {
    private final CrmStore store;
    private final Clock clock;
    private final TenantSettingsSource settings;
    private final OrganisationDirectory directory;
    private final ApprovalGateway approvals;
    private final CompanyRegistry registry;
    private final String adminRole;

    /** Validates that every part is present. */
    public RulesContext(CrmStore store, Clock clock, TenantSettingsSource settings, OrganisationDirectory directory,
            ApprovalGateway approvals, CompanyRegistry registry, String adminRole) {
        this.store = Checks.required("store", store);
        this.clock = Checks.required("clock", clock);
        this.settings = Checks.required("tenantSettings", settings);
        this.directory = Checks.required("directory", directory);
        this.approvals = Checks.required("approvals", approvals);
        this.registry = Checks.required("registry", registry);
        this.adminRole = Checks.text("adminRole", adminRole, 64);
    }

    /**
     * Runs a command by {@code actor} in one transaction: the work gets a {@link CommandContext}
     * with the transaction, the actor, the instant the command happens at (read once from the clock,
     * so every record and log entry of one command carries the same time) and the tenant's settings.
     * Everything the work writes, change-log entries and notifications included, commits together.
     *
     * @throws ValidationException if the actor is missing
     */
    public <T> T command(Actor actor, CommandWork<T> work) {
        if (actor == null) {
            throw ValidationException.of("actor", ErrorCode.FIELD_REQUIRED);
        }
        var tenantSettings = settings.settingsOf(actor.tenantId());
        return store.transact(tx -> work.run(new CommandContext(tx, actor, clock.instant(), tenantSettings, this)));
    }

    /** The store. */
    public CrmStore store() {
        return store;
    }

    /** The clock every rule reads time from. */
    public Clock clock() {
        return clock;
    }

    /** The tenants' settings. */
    public TenantSettingsSource settings() {
        return settings;
    }

    /** The host's organisation directory. */
    public OrganisationDirectory directory() {
        return directory;
    }

    /** The host's approval workflow. */
    public ApprovalGateway approvals() {
        return approvals;
    }

    /** The host's company registry. */
    public CompanyRegistry registry() {
        return registry;
    }

    /** The role that makes a user a tenant-wide CRM administrator. */
    public String adminRole() {
        return adminRole;
    }

    /** Work of one command. */
    @FunctionalInterface
    public interface CommandWork<T> {
        /** Runs in the command's transaction. */
        T run(CommandContext command);
    }
}
