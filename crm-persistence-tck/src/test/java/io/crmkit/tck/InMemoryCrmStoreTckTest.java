package io.crmkit.tck;

import io.crmkit.spi.CrmStore;
import io.crmkit.spi.memory.InMemoryCrmStore;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The whole conformance kit against the in-memory reference store. One store serves every test, as a
 * database would: the kit's tests keep apart by tenant, so sharing it also proves they do.
 */
class InMemoryCrmStoreTckTest implements CrmStoreTck {
    private static final CrmStore STORE = InMemoryCrmStore.create(Clock.fixed(TckFixtures.BASE, ZoneOffset.UTC));

    @Override
    public CrmStore store() {
        return STORE;
    }
}
