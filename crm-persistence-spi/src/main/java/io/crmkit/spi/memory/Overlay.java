package io.crmkit.spi.memory;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Reading committed rows through a transaction's own writes, in key order. */
final class Overlay {
    private Overlay() {}

    /** An empty sorted map to read when a tenant has nothing. */
    static <K, V> NavigableMap<K, V> none() {
        return Collections.emptyNavigableMap();
    }

    /**
     * Visits, in the maps' order, every row of {@code committed} as overridden by {@code writes}: a
     * written row replaces the committed one with the same key, a deleted one (null value) hides it.
     * Both maps must share one ordering (ascending or descending). Stops when {@code visitor}
     * returns false.
     */
    static <K extends Comparable<? super K>, V> void scan(
            NavigableMap<K, V> committed, NavigableMap<K, Write<V>> writes, boolean descending, Predicate<V> visitor) {
        Iterator<Map.Entry<K, V>> ci = committed.entrySet().iterator();
        Iterator<Map.Entry<K, Write<V>>> wi = writes.entrySet().iterator();
        Map.Entry<K, V> c = ci.hasNext() ? ci.next() : null;
        Map.Entry<K, Write<V>> w = wi.hasNext() ? wi.next() : null;
        while (c != null || w != null) {
            int order;
            if (c == null) {
                order = 1;
            } else if (w == null) {
                order = -1;
            } else {
                order = c.getKey().compareTo(w.getKey());
                if (descending) {
                    order = -order;
                }
            }
            V value;
            if (order < 0) {
                value = c.getValue();
                c = ci.hasNext() ? ci.next() : null;
            } else {
                value = w.getValue().value;
                if (order == 0) {
                    c = ci.hasNext() ? ci.next() : null;
                }
                w = wi.hasNext() ? wi.next() : null;
            }
            if (value != null && !visitor.test(value)) {
                return;
            }
        }
    }

    /** The rows of {@code map} strictly after {@code after} (all when null). */
    static <K, V> NavigableMap<K, V> after(NavigableMap<K, V> map, K after) {
        return after == null ? map : map.tailMap(after, false);
    }

    /** A fresh sorted map, for {@code computeIfAbsent}. */
    static <K, V> TreeMap<K, V> sorted(Object ignored) {
        return new TreeMap<>();
    }
}
