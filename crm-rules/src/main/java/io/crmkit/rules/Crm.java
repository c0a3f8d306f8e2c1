package io.crmkit.rules;

import io.crmkit.core.internal.Checks;
import io.crmkit.rules.account.AccountCommands;
import io.crmkit.rules.account.AccountPoolCommands;
import io.crmkit.rules.account.PoolVisibility;
import io.crmkit.rules.account.RecycleExtensions;
import io.crmkit.rules.activity.FollowUps;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.rules.lead.LeadPoolVisibility;
import io.crmkit.rules.lead.Leads;
import io.crmkit.rules.pool.PoolSweeper;
import io.crmkit.rules.product.ProductCatalogue;
import io.crmkit.rules.registry.CompanyLookup;
import io.crmkit.rules.sales.ContractCommands;
import io.crmkit.rules.sales.OpportunityCommands;
import io.crmkit.rules.sales.OrderCommands;
import io.crmkit.rules.sales.QuoteCommands;
import io.crmkit.rules.sales.SalesConversions;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.approval.ApprovalGateway;
import io.crmkit.spi.directory.OrganisationDirectory;
import io.crmkit.spi.memory.InMemoryApprovalGateway;
import io.crmkit.spi.memory.InMemoryCompanyRegistry;
import io.crmkit.spi.memory.InMemoryCrmStore;
import io.crmkit.spi.memory.InMemoryDirectory;
import io.crmkit.spi.notify.NotificationSink;
import io.crmkit.spi.outbox.OutboxRelay;
import io.crmkit.spi.registry.CompanyRegistry;
import io.crmkit.core.tenant.TenantSettings;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;

/**
 * The library's entry point: a host builds one {@code Crm} over its store, clock and ports, and
 * runs every command through it ({@link #leads()}, ...). Thread-safe; build it once.
 *
 * <pre>{@code
 * Crm crm = Crm.builder()
 *         .store(store)                              // InMemoryCrmStore, the JDBC store, or your own
 *         .clock(Clock.systemUTC())
 *         .tenantSettings(TenantSettingsSource.fixed(TenantSettings.defaults(ZoneId.of("Asia/Shanghai"), CNY)))
 *         .directory(myDirectory)
 *         .approvals(myApprovalWorkflow)
 *         .registry(myCompanyRegistry)
 *         .notifications(myNotificationSink)
 *         .build();
 * }</pre>
 *
 * <p>Every command takes an {@link io.crmkit.core.identity.Actor}, is authorised before anything
 * changes, validates its input (every violation at once), and writes its records, change-log
 * entries and notifications in one transaction. Notifications reach the host's sink through the
 * outbox: schedule {@link #outboxRelay()}{@code .drain(...)} (the library starts no threads).
 */
public final class Crm {
    /** The role that makes a user a tenant-wide CRM administrator unless configured otherwise. */
    public static final String DEFAULT_ADMIN_ROLE = "crm-admin";

    private final RulesContext context;
    private final NotificationSink notifications;
    private final Leads leads;
    private final FollowUps followUps;
    private final CompanyLookup companies;
    private final AccountPoolCommands publicPools;
    private final AccountCommands accounts;
    private final PoolVisibility poolViews;
    private final LeadPoolVisibility leadPoolViews;
    private final RecycleExtensions recycleExtensions;
    private final PoolSweeper poolSweeper;
    private final ProductCatalogue products;
    private final OpportunityCommands opportunities;
    private final QuoteCommands quotes;
    private final OrderCommands orders;
    private final ContractCommands contracts;
    private final SalesConversions conversions;

    private Crm(RulesContext context, NotificationSink notifications) {
        this.context = context;
        this.notifications = notifications;
        this.leads = new Leads(context);
        this.followUps = new FollowUps(context);
        this.companies = new CompanyLookup(context);
        this.publicPools = new AccountPoolCommands(context);
        this.accounts = new AccountCommands(context);
        this.poolViews = new PoolVisibility(context);
        this.leadPoolViews = new LeadPoolVisibility(context);
        this.recycleExtensions = new RecycleExtensions(context);
        this.poolSweeper = new PoolSweeper(context);
        this.products = new ProductCatalogue(context);
        this.opportunities = new OpportunityCommands(context);
        this.quotes = new QuoteCommands(context);
        this.orders = new OrderCommands(context);
        this.contracts = new ContractCommands(context);
        this.conversions = new SalesConversions(context);
    }

    /** The product catalogue: products on and off shelf, their categories, units and list prices. */
    public ProductCatalogue products() {
        return products;
    }

    /** Opportunities: stages of the tenant's sales processes, close and reopen, lines, contacts, competitors. */
    public OpportunityCommands opportunities() {
        return opportunities;
    }

    /** Quotes: lines priced by the core math, status, validity, reuse of an earlier quote, history. */
    public QuoteCommands quotes() {
        return quotes;
    }

    /** Sales orders: delivery, returns and invoices, with receivable and outstanding always consistent. */
    public OrderCommands orders() {
        return orders;
    }

    /** Contracts: period, attachments, status, and the orders made from them. */
    public ContractCommands contracts() {
        return contracts;
    }

    /** Conversions: opportunity → quote, quote → order or contract, contract → order, each linked to its source. */
    public SalesConversions conversions() {
        return conversions;
    }

    /**
     * Public pools of accounts (公海): put into a pool, claim, assign (one, a batch, round-robin),
     * return, transfer, take out of pools, forced owner change, deal status, under each pool's rules.
     */
    public AccountPoolCommands publicPools() {
        return publicPools;
    }

    /** Account commands beside the pool's: lock and unlock (with contacts), copy, recycle bin. */
    public AccountCommands accounts() {
        return accounts;
    }

    /**
     * Reading pool records as the actor may see them: non-owners see only the pool's public fields
     * (masked in one place), members of an admins-assign-only pool see nothing; the pool log.
     */
    public PoolVisibility poolViews() {
        return poolViews;
    }

    /** Reading lead-pool records as the actor may see them: non-owners see only the pool's public fields. */
    public LeadPoolVisibility leadPoolViews() {
        return leadPoolViews;
    }

    /** Extension requests that postpone an account's recycling, decided through the approval gateway. */
    public RecycleExtensions recycleExtensions() {
        return recycleExtensions;
    }

    /**
     * The sweep a host schedules (nightly, say) per tenant: recycles due accounts and leads (public
     * pools and lead pools), sends recycle
     * warnings and reminder-rule notifications; set-based, idempotent, one record's failure never
     * aborts the run.
     */
    public PoolSweeper poolSweeper() {
        return poolSweeper;
    }

    /** Lead commands: create, claim, assign, follow up, qualify, convert, return, transfer, invalidate, ... */
    public Leads leads() {
        return leads;
    }

    /** Follow-up records (跟进记录) on leads, accounts, contacts and opportunities. */
    public FollowUps followUps() {
        return followUps;
    }

    /** Company registry lookup (工商信息): suggestions while typing, and filling a new account. */
    public CompanyLookup companies() {
        return companies;
    }

    /** A builder; only the store and the tenant settings are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A complete CRM in memory for tests and demos, for tenants in the seed product's market: every
     * tenant's settings are {@link TenantSettings#defaults(ZoneId, Currency)} with time zone
     * Asia/Shanghai and currency CNY. (The library never falls back to the JVM's zone or locale, so
     * this choice is explicit; use {@link #inMemory(TenantSettingsSource)} for any other.) Otherwise
     * as {@link #inMemory(TenantSettingsSource)}.
     */
    public static Crm inMemory() {
        return inMemory(TenantSettingsSource.fixed(
                TenantSettings.defaults(ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"))));
    }

    /**
     * A complete CRM in memory, for tests and demos: an {@link InMemoryCrmStore}, the system UTC
     * clock, an empty directory, an in-memory approval workflow and company registry, and no
     * notification sink (notifications stay in the outbox, where tests can read them). Use
     * {@link #builder()} to set a test clock or tenant settings.
     *
     * @param settings the tenants' settings
     */
    public static Crm inMemory(TenantSettingsSource settings) {
        Clock clock = Clock.systemUTC();
        return builder().store(InMemoryCrmStore.create(clock)).clock(clock).tenantSettings(settings).build();
    }

    /** The store this CRM runs on. */
    public CrmStore store() {
        return context.store();
    }

    /** The clock this CRM reads time from. */
    public Clock clock() {
        return context.clock();
    }

    /**
     * A relay that delivers this CRM's queued notifications to the configured sink; schedule its
     * {@code drain} (see {@link OutboxRelay}).
     *
     * @throws io.crmkit.core.error.ValidationException if no notification sink was configured
     *     (rather than delivering notifications to nowhere and marking them delivered)
     */
    public OutboxRelay outboxRelay() {
        Checks.required("notifications", notifications);
        return OutboxRelay.builder(context.store(), notifications, context.clock()).build();
    }

    /** Builds a {@link Crm}; {@link #build()} says what is missing. */
    public static final class Builder {
        private CrmStore store;
        private Clock clock = Clock.systemUTC();
        private TenantSettingsSource tenantSettings;
        private OrganisationDirectory directory = InMemoryDirectory.builder().build();
        private ApprovalGateway approvals = new InMemoryApprovalGateway();
        private CompanyRegistry registry = InMemoryCompanyRegistry.empty();
        private NotificationSink notifications;
        private String adminRole = DEFAULT_ADMIN_ROLE;

        private Builder() {}

        /** The store (required). */
        public Builder store(CrmStore store) {
            this.store = store;
            return this;
        }

        /** The clock every rule reads time from (default: the system clock in UTC). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Each tenant's settings (required). */
        public Builder tenantSettings(TenantSettingsSource tenantSettings) {
            this.tenantSettings = tenantSettings;
            return this;
        }

        /** The host's organisation directory (default: knows no departments or managers). */
        public Builder directory(OrganisationDirectory directory) {
            this.directory = directory;
            return this;
        }

        /** The host's approval workflow (default: an in-memory one that only keeps requests). */
        public Builder approvals(ApprovalGateway approvals) {
            this.approvals = approvals;
            return this;
        }

        /** The host's company registry (default: an empty one that finds nothing). */
        public Builder registry(CompanyRegistry registry) {
            this.registry = registry;
            return this;
        }

        /** Where the outbox relay delivers notifications (default: none; notifications wait in the outbox). */
        public Builder notifications(NotificationSink notifications) {
            this.notifications = notifications;
            return this;
        }

        /** The role that makes a user a tenant-wide CRM administrator (default {@value Crm#DEFAULT_ADMIN_ROLE}). */
        public Builder adminRole(String adminRole) {
            this.adminRole = adminRole;
            return this;
        }

        /**
         * Builds the CRM.
         *
         * @throws io.crmkit.core.error.ValidationException naming the missing part, with how to fix it
         */
        public Crm build() {
            Checks.required("store", store);
            Checks.required("tenantSettings", tenantSettings);
            return new Crm(new RulesContext(store, clock, tenantSettings, directory, approvals, registry, adminRole),
                    notifications);
        }
    }
}
