-- crmkit schema, version 1, POSTGRESQL.
-- Generated from the model by io.crmkit.jdbc.schema.DdlWriter; do not edit (add a V2 script).
-- ${prefix} is the table prefix (default crm_).

CREATE TABLE ${prefix}lead (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    person_name TEXT COLLATE "C",
    company TEXT COLLATE "C",
    phone TEXT COLLATE "C",
    email TEXT COLLATE "C",
    source TEXT COLLATE "C",
    details TEXT COLLATE "C",
    status VARCHAR(64) COLLATE "C",
    pool_id VARCHAR(64) COLLATE "C",
    last_follow_up_at TIMESTAMP(6),
    status_before_invalid VARCHAR(64) COLLATE "C",
    invalid_reason TEXT COLLATE "C",
    converted_account_id VARCHAR(64) COLLATE "C",
    converted_contact_id VARCHAR(64) COLLATE "C",
    converted_opportunity_id VARCHAR(64) COLLATE "C",
    converted_at TIMESTAMP(6),
    locked BOOLEAN,
    voided BOOLEAN,
    owner VARCHAR(64) COLLATE "C",
    owned_since TIMESTAMP(6),
    created_at TIMESTAMP(6),
    updated_at TIMESTAMP(6),
    company_key TEXT COLLATE "C",
    phone_key TEXT COLLATE "C",
    email_key TEXT COLLATE "C",
    email_domain_key TEXT COLLATE "C",
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}lead_ix1 ON ${prefix}lead (tenant_id, pool_id);
CREATE INDEX ${prefix}lead_ix2 ON ${prefix}lead (tenant_id, converted_account_id);
CREATE INDEX ${prefix}lead_ix3 ON ${prefix}lead (tenant_id, converted_contact_id);
CREATE INDEX ${prefix}lead_ix4 ON ${prefix}lead (tenant_id, converted_opportunity_id);
CREATE INDEX ${prefix}lead_ix5 ON ${prefix}lead (tenant_id, owner);
CREATE INDEX ${prefix}lead_ix6 ON ${prefix}lead (tenant_id, company_key);
CREATE INDEX ${prefix}lead_ix7 ON ${prefix}lead (tenant_id, phone_key);
CREATE INDEX ${prefix}lead_ix8 ON ${prefix}lead (tenant_id, email_key);
CREATE INDEX ${prefix}lead_ix9 ON ${prefix}lead (tenant_id, email_domain_key);
CREATE INDEX ${prefix}lead_ix10 ON ${prefix}lead (tenant_id, pool_id, owner);
CREATE INDEX ${prefix}lead_ix11 ON ${prefix}lead (tenant_id, last_follow_up_at);
CREATE INDEX ${prefix}lead_ix12 ON ${prefix}lead (tenant_id, created_at);
CREATE INDEX ${prefix}lead_ix13 ON ${prefix}lead (tenant_id, status);

CREATE TABLE ${prefix}lead_pool (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    name TEXT COLLATE "C",
    description TEXT COLLATE "C",
    created_at TIMESTAMP(6),
    updated_at TIMESTAMP(6),
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE ${prefix}pool (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    name TEXT COLLATE "C",
    description TEXT COLLATE "C",
    created_at TIMESTAMP(6),
    updated_at TIMESTAMP(6),
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE ${prefix}account (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    name TEXT COLLATE "C",
    level TEXT COLLATE "C",
    source TEXT COLLATE "C",
    deal_status VARCHAR(64) COLLATE "C",
    registry_id TEXT COLLATE "C",
    phone TEXT COLLATE "C",
    email TEXT COLLATE "C",
    website TEXT COLLATE "C",
    pool_id VARCHAR(64) COLLATE "C",
    last_follow_up_at TIMESTAMP(6),
    last_deal_at TIMESTAMP(6),
    recycle_deferred_until TIMESTAMP(6),
    locked BOOLEAN,
    voided BOOLEAN,
    owned_since TIMESTAMP(6),
    owner VARCHAR(64) COLLATE "C",
    created_at TIMESTAMP(6),
    updated_at TIMESTAMP(6),
    name_key TEXT COLLATE "C",
    phone_key TEXT COLLATE "C",
    email_key TEXT COLLATE "C",
    email_domain_key TEXT COLLATE "C",
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}account_ix1 ON ${prefix}account (tenant_id, pool_id);
CREATE INDEX ${prefix}account_ix2 ON ${prefix}account (tenant_id, owner);
CREATE INDEX ${prefix}account_ix3 ON ${prefix}account (tenant_id, name_key);
CREATE INDEX ${prefix}account_ix4 ON ${prefix}account (tenant_id, phone_key);
CREATE INDEX ${prefix}account_ix5 ON ${prefix}account (tenant_id, email_key);
CREATE INDEX ${prefix}account_ix6 ON ${prefix}account (tenant_id, email_domain_key);
CREATE INDEX ${prefix}account_ix7 ON ${prefix}account (tenant_id, pool_id, owner);
CREATE INDEX ${prefix}account_ix8 ON ${prefix}account (tenant_id, last_follow_up_at);
CREATE INDEX ${prefix}account_ix9 ON ${prefix}account (tenant_id, created_at);

CREATE TABLE ${prefix}contact (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    account_id VARCHAR(64) COLLATE "C",
    name TEXT COLLATE "C",
    department TEXT COLLATE "C",
    title TEXT COLLATE "C",
    gender VARCHAR(64) COLLATE "C",
    birthday DATE,
    email TEXT COLLATE "C",
    key_decision_maker BOOLEAN,
    last_follow_up_at TIMESTAMP(6),
    locked BOOLEAN,
    voided BOOLEAN,
    owner VARCHAR(64) COLLATE "C",
    created_at TIMESTAMP(6),
    updated_at TIMESTAMP(6),
    name_key TEXT COLLATE "C",
    phone_key TEXT COLLATE "C",
    email_key TEXT COLLATE "C",
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}contact_ix1 ON ${prefix}contact (tenant_id, account_id);
CREATE INDEX ${prefix}contact_ix2 ON ${prefix}contact (tenant_id, owner);
CREATE INDEX ${prefix}contact_ix3 ON ${prefix}contact (tenant_id, name_key);
CREATE INDEX ${prefix}contact_ix4 ON ${prefix}contact (tenant_id, phone_key);
CREATE INDEX ${prefix}contact_ix5 ON ${prefix}contact (tenant_id, email_key);

CREATE TABLE ${prefix}product (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    name TEXT COLLATE "C",
    shelf_status VARCHAR(64) COLLATE "C",
    category TEXT COLLATE "C",
    unit TEXT COLLATE "C",
    owner VARCHAR(64) COLLATE "C",
    created_at TIMESTAMP(6),
    updated_at TIMESTAMP(6),
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}product_ix1 ON ${prefix}product (tenant_id, owner);

CREATE TABLE ${prefix}opportunity (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    name TEXT COLLATE "C",
    account_id VARCHAR(64) COLLATE "C",
    expected_close_date DATE,
    amount NUMERIC(38, 12),
    amount_currency VARCHAR(3) COLLATE "C",
    sales_process_id VARCHAR(64) COLLATE "C",
    lost_reason TEXT COLLATE "C",
    closed_at TIMESTAMP(6),
    source_lead_id VARCHAR(64) COLLATE "C",
    last_follow_up_at TIMESTAMP(6),
    locked BOOLEAN,
    owner VARCHAR(64) COLLATE "C",
    created_at TIMESTAMP(6),
    updated_at TIMESTAMP(6),
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}opportunity_ix1 ON ${prefix}opportunity (tenant_id, account_id);
CREATE INDEX ${prefix}opportunity_ix2 ON ${prefix}opportunity (tenant_id, sales_process_id);
CREATE INDEX ${prefix}opportunity_ix3 ON ${prefix}opportunity (tenant_id, source_lead_id);
CREATE INDEX ${prefix}opportunity_ix4 ON ${prefix}opportunity (tenant_id, owner);
CREATE INDEX ${prefix}opportunity_ix5 ON ${prefix}opportunity (tenant_id, expected_close_date);
CREATE INDEX ${prefix}opportunity_ix6 ON ${prefix}opportunity (tenant_id, created_at);

CREATE TABLE ${prefix}quote (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    account_id VARCHAR(64) COLLATE "C",
    opportunity_id VARCHAR(64) COLLATE "C",
    title TEXT COLLATE "C",
    currency VARCHAR(3) COLLATE "C",
    subtotal NUMERIC(38, 12),
    subtotal_currency VARCHAR(3) COLLATE "C",
    total NUMERIC(38, 12),
    total_currency VARCHAR(3) COLLATE "C",
    status VARCHAR(64) COLLATE "C",
    valid_until DATE,
    copied_from VARCHAR(64) COLLATE "C",
    owner VARCHAR(64) COLLATE "C",
    created_at TIMESTAMP(6),
    updated_at TIMESTAMP(6),
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}quote_ix1 ON ${prefix}quote (tenant_id, account_id);
CREATE INDEX ${prefix}quote_ix2 ON ${prefix}quote (tenant_id, opportunity_id);
CREATE INDEX ${prefix}quote_ix3 ON ${prefix}quote (tenant_id, copied_from);
CREATE INDEX ${prefix}quote_ix4 ON ${prefix}quote (tenant_id, owner);

CREATE TABLE ${prefix}sales_order (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    account_id VARCHAR(64) COLLATE "C",
    source_quote_id VARCHAR(64) COLLATE "C",
    source_opportunity_id VARCHAR(64) COLLATE "C",
    source_contract_id VARCHAR(64) COLLATE "C",
    currency VARCHAR(3) COLLATE "C",
    subtotal NUMERIC(38, 12),
    subtotal_currency VARCHAR(3) COLLATE "C",
    total NUMERIC(38, 12),
    total_currency VARCHAR(3) COLLATE "C",
    delivery_status VARCHAR(64) COLLATE "C",
    shipped_at TIMESTAMP(6),
    received_at TIMESTAMP(6),
    allocated NUMERIC(38, 12),
    allocated_currency VARCHAR(3) COLLATE "C",
    owner VARCHAR(64) COLLATE "C",
    created_at TIMESTAMP(6),
    updated_at TIMESTAMP(6),
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}sales_order_ix1 ON ${prefix}sales_order (tenant_id, account_id);
CREATE INDEX ${prefix}sales_order_ix2 ON ${prefix}sales_order (tenant_id, source_quote_id);
CREATE INDEX ${prefix}sales_order_ix3 ON ${prefix}sales_order (tenant_id, source_opportunity_id);
CREATE INDEX ${prefix}sales_order_ix4 ON ${prefix}sales_order (tenant_id, source_contract_id);
CREATE INDEX ${prefix}sales_order_ix5 ON ${prefix}sales_order (tenant_id, owner);
CREATE INDEX ${prefix}sales_order_ix6 ON ${prefix}sales_order (tenant_id, created_at);

CREATE TABLE ${prefix}contract (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    account_id VARCHAR(64) COLLATE "C",
    source_quote_id VARCHAR(64) COLLATE "C",
    number TEXT COLLATE "C",
    title TEXT COLLATE "C",
    currency VARCHAR(3) COLLATE "C",
    amount NUMERIC(38, 12),
    amount_currency VARCHAR(3) COLLATE "C",
    starts_on DATE,
    ends_on DATE,
    status VARCHAR(64) COLLATE "C",
    signed_on DATE,
    owner VARCHAR(64) COLLATE "C",
    created_at TIMESTAMP(6),
    updated_at TIMESTAMP(6),
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}contract_ix1 ON ${prefix}contract (tenant_id, account_id);
CREATE INDEX ${prefix}contract_ix2 ON ${prefix}contract (tenant_id, source_quote_id);
CREATE INDEX ${prefix}contract_ix3 ON ${prefix}contract (tenant_id, owner);

CREATE TABLE ${prefix}payment (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    account_id VARCHAR(64) COLLATE "C",
    amount NUMERIC(38, 12),
    amount_currency VARCHAR(3) COLLATE "C",
    received_on DATE,
    method VARCHAR(64) COLLATE "C",
    external_reference TEXT COLLATE "C",
    order_id VARCHAR(64) COLLATE "C",
    allocated NUMERIC(38, 12),
    allocated_currency VARCHAR(3) COLLATE "C",
    note TEXT COLLATE "C",
    owner VARCHAR(64) COLLATE "C",
    created_at TIMESTAMP(6),
    updated_at TIMESTAMP(6),
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX ${prefix}payment_uk1 ON ${prefix}payment (tenant_id, external_reference);
CREATE INDEX ${prefix}payment_ix1 ON ${prefix}payment (tenant_id, account_id);
CREATE INDEX ${prefix}payment_ix2 ON ${prefix}payment (tenant_id, order_id);
CREATE INDEX ${prefix}payment_ix3 ON ${prefix}payment (tenant_id, owner);
CREATE INDEX ${prefix}payment_ix4 ON ${prefix}payment (tenant_id, received_on);

CREATE TABLE ${prefix}payment_allocation (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    payment_id VARCHAR(64) COLLATE "C",
    order_id VARCHAR(64) COLLATE "C",
    plan_id VARCHAR(64) COLLATE "C",
    installment_number BIGINT,
    amount NUMERIC(38, 12),
    amount_currency VARCHAR(3) COLLATE "C",
    allocated_at TIMESTAMP(6),
    allocated_by VARCHAR(64) COLLATE "C",
    reversed_at TIMESTAMP(6),
    reversed_by VARCHAR(64) COLLATE "C",
    reversal_reason TEXT COLLATE "C",
    created_at TIMESTAMP(6),
    updated_at TIMESTAMP(6),
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}payment_allocation_ix1 ON ${prefix}payment_allocation (tenant_id, payment_id);
CREATE INDEX ${prefix}payment_allocation_ix2 ON ${prefix}payment_allocation (tenant_id, order_id);
CREATE INDEX ${prefix}payment_allocation_ix3 ON ${prefix}payment_allocation (tenant_id, plan_id);
CREATE INDEX ${prefix}payment_allocation_ix4 ON ${prefix}payment_allocation (tenant_id, allocated_by);
CREATE INDEX ${prefix}payment_allocation_ix5 ON ${prefix}payment_allocation (tenant_id, reversed_by);

CREATE TABLE ${prefix}payment_plan (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    account_id VARCHAR(64) COLLATE "C",
    order_id VARCHAR(64) COLLATE "C",
    contract_id VARCHAR(64) COLLATE "C",
    currency VARCHAR(3) COLLATE "C",
    created_at TIMESTAMP(6),
    updated_at TIMESTAMP(6),
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}payment_plan_ix1 ON ${prefix}payment_plan (tenant_id, account_id);
CREATE INDEX ${prefix}payment_plan_ix2 ON ${prefix}payment_plan (tenant_id, order_id);
CREATE INDEX ${prefix}payment_plan_ix3 ON ${prefix}payment_plan (tenant_id, contract_id);

CREATE TABLE ${prefix}expense_record (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    account_id VARCHAR(64) COLLATE "C",
    opportunity_id VARCHAR(64) COLLATE "C",
    kind TEXT COLLATE "C",
    amount NUMERIC(38, 12),
    amount_currency VARCHAR(3) COLLATE "C",
    spent_on DATE,
    note TEXT COLLATE "C",
    owner VARCHAR(64) COLLATE "C",
    created_at TIMESTAMP(6),
    updated_at TIMESTAMP(6),
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}expense_record_ix1 ON ${prefix}expense_record (tenant_id, account_id);
CREATE INDEX ${prefix}expense_record_ix2 ON ${prefix}expense_record (tenant_id, opportunity_id);
CREATE INDEX ${prefix}expense_record_ix3 ON ${prefix}expense_record (tenant_id, owner);
CREATE INDEX ${prefix}expense_record_ix4 ON ${prefix}expense_record (tenant_id, spent_on);

CREATE TABLE ${prefix}follow_up_record (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    kind VARCHAR(64) COLLATE "C",
    content TEXT COLLATE "C",
    occurred_at TIMESTAMP(6),
    author VARCHAR(64) COLLATE "C",
    created_at TIMESTAMP(6),
    updated_at TIMESTAMP(6),
    target_type VARCHAR(64) COLLATE "C",
    target_id TEXT COLLATE "C",
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}follow_up_record_ix1 ON ${prefix}follow_up_record (tenant_id, author);
CREATE INDEX ${prefix}follow_up_record_ix2 ON ${prefix}follow_up_record (tenant_id, target_type, target_id);
CREATE INDEX ${prefix}follow_up_record_ix3 ON ${prefix}follow_up_record (tenant_id, occurred_at);

CREATE TABLE ${prefix}reminder (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    due_at TIMESTAMP(6),
    text TEXT COLLATE "C",
    status VARCHAR(64) COLLATE "C",
    deduplication_key TEXT COLLATE "C",
    created_at TIMESTAMP(6),
    updated_at TIMESTAMP(6),
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}reminder_ix1 ON ${prefix}reminder (tenant_id, deduplication_key);
CREATE INDEX ${prefix}reminder_ix2 ON ${prefix}reminder (tenant_id, due_at);

CREATE TABLE ${prefix}schedule_entry (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    version BIGINT NOT NULL,
    title TEXT COLLATE "C",
    starts_at TIMESTAMP(6),
    ends_at TIMESTAMP(6),
    location TEXT COLLATE "C",
    note TEXT COLLATE "C",
    organizer VARCHAR(64) COLLATE "C",
    created_at TIMESTAMP(6),
    updated_at TIMESTAMP(6),
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}schedule_entry_ix1 ON ${prefix}schedule_entry (tenant_id, organizer);
CREATE INDEX ${prefix}schedule_entry_ix2 ON ${prefix}schedule_entry (tenant_id, starts_at);

CREATE TABLE ${prefix}custom_value (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    record_type VARCHAR(64) COLLATE "C" NOT NULL,
    record_id VARCHAR(64) COLLATE "C" NOT NULL,
    name VARCHAR(64) COLLATE "C" NOT NULL,
    seq BIGINT NOT NULL,
    kind VARCHAR(64) COLLATE "C" NOT NULL,
    text_value TEXT COLLATE "C",
    number_value NUMERIC(38, 12),
    flag_value BOOLEAN,
    date_value DATE,
    ts_value TIMESTAMP(6),
    currency VARCHAR(3) COLLATE "C",
    group_key TEXT COLLATE "C",
    PRIMARY KEY (tenant_id, record_type, record_id, name, seq)
);
CREATE INDEX ${prefix}custom_value_ix1 ON ${prefix}custom_value (tenant_id, record_type, name, text_value);
CREATE INDEX ${prefix}custom_value_ix2 ON ${prefix}custom_value (tenant_id, record_type, name, number_value);
CREATE INDEX ${prefix}custom_value_ix3 ON ${prefix}custom_value (tenant_id, record_type, name, date_value);
CREATE INDEX ${prefix}custom_value_ix4 ON ${prefix}custom_value (tenant_id, record_type, name, ts_value);

CREATE TABLE ${prefix}installment (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    plan_id VARCHAR(64) COLLATE "C" NOT NULL,
    number BIGINT NOT NULL,
    account_id VARCHAR(64) COLLATE "C" NOT NULL,
    due_on DATE NOT NULL,
    amount NUMERIC(38, 12) NOT NULL,
    paid NUMERIC(38, 12) NOT NULL,
    currency VARCHAR(3) COLLATE "C" NOT NULL,
    fully_paid BOOLEAN NOT NULL,
    PRIMARY KEY (tenant_id, plan_id, number)
);
CREATE INDEX ${prefix}installment_ix1 ON ${prefix}installment (tenant_id, fully_paid, due_on, plan_id, number);
CREATE INDEX ${prefix}installment_ix2 ON ${prefix}installment (tenant_id, account_id);

CREATE TABLE ${prefix}change_log (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    id VARCHAR(64) COLLATE "C" NOT NULL,
    at TIMESTAMP(6) NOT NULL,
    actor VARCHAR(64) COLLATE "C",
    record_type VARCHAR(64) COLLATE "C" NOT NULL,
    record_id VARCHAR(64) COLLATE "C" NOT NULL,
    context_type VARCHAR(64) COLLATE "C",
    context_id VARCHAR(64) COLLATE "C",
    action VARCHAR(64) COLLATE "C" NOT NULL,
    body JSONB NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}change_log_ix1 ON ${prefix}change_log (tenant_id, record_type, record_id, at, id);
CREATE INDEX ${prefix}change_log_ix2 ON ${prefix}change_log (tenant_id, context_type, context_id, at, id);
CREATE INDEX ${prefix}change_log_ix3 ON ${prefix}change_log (tenant_id, action, at);

CREATE TABLE ${prefix}outbox (
    id VARCHAR(64) COLLATE "C" NOT NULL,
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    dedup_key TEXT COLLATE "C" NOT NULL,
    status VARCHAR(64) COLLATE "C" NOT NULL,
    attempts BIGINT NOT NULL,
    next_attempt_at TIMESTAMP(6) NOT NULL,
    last_error TEXT COLLATE "C",
    lease_owner TEXT COLLATE "C",
    lease_until TIMESTAMP(6),
    delivered_at TIMESTAMP(6),
    notification JSONB NOT NULL,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ${prefix}outbox_uk1 ON ${prefix}outbox (tenant_id, dedup_key);
CREATE INDEX ${prefix}outbox_ix1 ON ${prefix}outbox (status, next_attempt_at, id);
CREATE INDEX ${prefix}outbox_ix2 ON ${prefix}outbox (tenant_id, status, id);

CREATE TABLE ${prefix}lock_key (
    lock_key VARCHAR(200) COLLATE "C" NOT NULL,
    PRIMARY KEY (lock_key)
);
