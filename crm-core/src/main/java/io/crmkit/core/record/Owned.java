package io.crmkit.core.record;

import io.crmkit.core.identity.UserId;

/** A record that has an owner (负责人). The owner is empty only while the record sits in a pool. */
public interface Owned {
    /** The owning user, or {@code null} while the record is unowned in a pool. */
    UserId owner();
}
