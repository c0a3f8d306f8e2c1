package io.crmkit.spi.sales;

import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.QuoteId;
import io.crmkit.spi.RecordStore;

/** Quotes. The contract is {@link RecordStore}'s. */
public interface QuoteStore extends RecordStore<Quote, QuoteId> {
}
