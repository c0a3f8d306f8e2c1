package io.crmkit.spi.contact;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.contact.ContactId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.record.CustomValue;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.RecordStore;

/** Contacts (联系人). The contract is {@link RecordStore}'s. */
public interface ContactStore extends RecordStore<Contact, ContactId> {

    /** One page of the contacts of {@code account}, ordered by id. */
    default Page<Contact> ofAccount(TenantId tenant, AccountId account, QueryContext context, PageRequest page) {
        return query(tenant, Condition.eq("accountId", new CustomValue.Text(account.value())), context, page);
    }
}
