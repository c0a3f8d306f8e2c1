package io.crmkit.core.record;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that the record's compact constructor computes from its other
 * components, such as the duplicate-detection keys of {@link MatchKeys}: whatever value is passed
 * in is ignored and recomputed, so a derived value can never be stale.
 *
 * <p>Derived components exist so that stores can filter on them (a SQL store maps them to indexed
 * columns, and conditions such as {@code Condition.eq("phoneKey", ...)} are pushed down). Builders
 * have no setter for them, and change-log diffs leave them out, since they change exactly when the
 * fields they are derived from change.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Derived {
}
