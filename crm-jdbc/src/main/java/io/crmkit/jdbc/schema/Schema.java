package io.crmkit.jdbc.schema;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ExpenseRecord;
import io.crmkit.core.activity.FollowUpRecord;
import io.crmkit.core.activity.Reminder;
import io.crmkit.core.activity.ScheduleEntry;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.payment.Payment;
import io.crmkit.core.payment.PaymentAllocation;
import io.crmkit.core.payment.PaymentPlan;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.product.Product;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.RecordFields;
import io.crmkit.core.record.RecordFields.FieldKind;
import io.crmkit.core.record.RecordId;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.Contract;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.SalesOrder;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The store's tables, derived once from the model: one {@link RecordTable} per stored record type,
 * and the names of the shared tables. The schema scripts under {@code db/crm/<dialect>/} create
 * exactly these tables (a test regenerates the first script with {@link DdlWriter} and compares), so
 * the SQL the store writes and the schema it runs on cannot drift apart.
 */
public final class Schema {
    /** Custom field values, one row per value (a multi-option value has one row per option), for querying. */
    public static final String CUSTOM_VALUE = "custom_value";
    /** Payment-plan installments, one row per installment, for the due-installment queries. */
    public static final String INSTALLMENT = "installment";
    /** The change log. */
    public static final String CHANGE_LOG = "change_log";
    /** The transactional outbox. */
    public static final String OUTBOX = "outbox";
    /** One row per lock key, locked with SELECT ... FOR UPDATE by {@code Transaction.lock}. */
    public static final String LOCK = "lock_key";
    /** The schema runner's history of applied scripts. */
    public static final String SCHEMA_HISTORY = "schema_history";

    private static final Map<RecordType, RecordTable> TABLES = new EnumMap<>(RecordType.class);

    static {
        add(RecordType.LEAD, Lead.class, "lead", List.of(List.of("pool_id", "owner"), List.of("last_follow_up_at"),
                List.of("created_at"), List.of("status")), List.of());
        add(RecordType.LEAD_POOL, LeadPool.class, "lead_pool", List.of(), List.of());
        add(RecordType.POOL, Pool.class, "pool", List.of(), List.of());
        add(RecordType.ACCOUNT, Account.class, "account", List.of(List.of("pool_id", "owner"),
                List.of("last_follow_up_at"), List.of("created_at")), List.of());
        add(RecordType.CONTACT, Contact.class, "contact", List.of(), List.of());
        add(RecordType.PRODUCT, Product.class, "product", List.of(), List.of());
        add(RecordType.OPPORTUNITY, Opportunity.class, "opportunity", List.of(List.of("expected_close_date"),
                List.of("created_at")), List.of());
        add(RecordType.QUOTE, Quote.class, "quote", List.of(), List.of());
        add(RecordType.SALES_ORDER, SalesOrder.class, "sales_order", List.of(List.of("created_at")), List.of());
        add(RecordType.CONTRACT, Contract.class, "contract", List.of(), List.of());
        add(RecordType.PAYMENT, Payment.class, "payment", List.of(List.of("received_on")),
                List.of(List.of("external_reference")));
        add(RecordType.PAYMENT_ALLOCATION, PaymentAllocation.class, "payment_allocation", List.of(), List.of());
        add(RecordType.PAYMENT_PLAN, PaymentPlan.class, "payment_plan", List.of(), List.of());
        add(RecordType.EXPENSE_RECORD, ExpenseRecord.class, "expense_record", List.of(List.of("spent_on")), List.of());
        add(RecordType.FOLLOW_UP_RECORD, FollowUpRecord.class, "follow_up_record",
                List.of(List.of("target_type", "target_id"), List.of("occurred_at")), List.of());
        add(RecordType.REMINDER, Reminder.class, "reminder", List.of(List.of("due_at")), List.of());
        add(RecordType.SCHEDULE_ENTRY, ScheduleEntry.class, "schedule_entry", List.of(List.of("starts_at")), List.of());
    }

    private Schema() {}

    /** The table of {@code type}. @throws IllegalArgumentException for the change log, which has its own table */
    public static RecordTable table(RecordType type) {
        RecordTable table = TABLES.get(type);
        if (table == null) {
            throw new IllegalArgumentException(type + " has no record table");
        }
        return table;
    }

    /** Every record table, in record-type order. */
    public static List<RecordTable> tables() {
        return List.copyOf(TABLES.values());
    }

    /** {@code lastFollowUpAt} as {@code last_follow_up_at}. */
    public static String snake(String field) {
        StringBuilder out = new StringBuilder();
        for (char c : field.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static void add(RecordType type, Class<? extends Record> model, String name, List<List<String>> extra,
            List<List<String>> unique) {
        List<Column> columns = new ArrayList<>();
        Map<String, FieldColumn> fields = new LinkedHashMap<>();
        List<List<String>> indexes = new ArrayList<>();
        columns.add(new Column("tenant_id", ColumnType.ID, true));
        columns.add(new Column("id", ColumnType.ID, true));
        columns.add(new Column("version", ColumnType.INTEGER, true));
        fields.put("tenantId", new FieldColumn("tenantId", FieldKind.TEXT, "tenant_id", null));
        fields.put("id", new FieldColumn("id", FieldKind.TEXT, "id", null));
        fields.put("version", new FieldColumn("version", FieldKind.NUMBER, "version", null));
        boolean custom = false;
        for (RecordComponent component : model.getRecordComponents()) {
            String field = component.getName();
            if (field.equals("tenantId") || field.equals("id") || field.equals("version")) {
                continue;
            }
            if (field.equals("customFields") && component.getType() == CustomFields.class) {
                custom = true;
                continue;
            }
            FieldKind kind = RecordFields.kind(model, field);
            String column = snake(field);
            Class<?> javaType = component.getType();
            switch (kind) {
                case TEXT -> {
                    ColumnType columnType = RecordId.class.isAssignableFrom(javaType) ? ColumnType.ID
                            : javaType.isEnum() ? ColumnType.CODE
                            : javaType == Currency.class ? ColumnType.CURRENCY : ColumnType.TEXT;
                    columns.add(new Column(column, columnType, false));
                    fields.put(field, new FieldColumn(field, kind, column, null));
                    // Every reference to another record (and the owner) is looked up by the rules.
                    if (columnType == ColumnType.ID || field.endsWith("Key")) {
                        indexes.add(List.of("tenant_id", column));
                    }
                }
                case NUMBER -> {
                    boolean whole = javaType == int.class || javaType == long.class || javaType == Integer.class
                            || javaType == Long.class || javaType == short.class || javaType == Short.class;
                    columns.add(new Column(column, whole ? ColumnType.INTEGER : ColumnType.DECIMAL, false));
                    fields.put(field, new FieldColumn(field, kind, column, null));
                }
                case FLAG -> {
                    columns.add(new Column(column, ColumnType.FLAG, false));
                    fields.put(field, new FieldColumn(field, kind, column, null));
                }
                case DATE -> {
                    columns.add(new Column(column, ColumnType.DATE, false));
                    fields.put(field, new FieldColumn(field, kind, column, null));
                }
                case TIMESTAMP -> {
                    columns.add(new Column(column, ColumnType.TIMESTAMP, false));
                    fields.put(field, new FieldColumn(field, kind, column, null));
                }
                case AMOUNT -> {
                    columns.add(new Column(column, ColumnType.DECIMAL, false));
                    columns.add(new Column(column + "_currency", ColumnType.CURRENCY, false));
                    fields.put(field, new FieldColumn(field, kind, column, column + "_currency"));
                }
                default -> {
                    // Lists, sets and nested records live in body only: conditions cannot compare them.
                }
            }
        }
        columns.add(new Column("body", ColumnType.JSON, true));
        for (List<String> index : extra) {
            List<String> key = new ArrayList<>();
            key.add("tenant_id");
            key.addAll(index);
            indexes.add(key);
        }
        List<List<String>> uniqueKeys = new ArrayList<>();
        for (List<String> key : unique) {
            List<String> full = new ArrayList<>();
            full.add("tenant_id");
            full.addAll(key);
            uniqueKeys.add(full);
        }
        RecordTable table = new RecordTable(type, model, name, columns, fields, indexes, uniqueKeys, custom);
        for (List<String> index : table.indexes()) {
            index.forEach(table::column);
        }
        TABLES.put(type, table);
    }
}
