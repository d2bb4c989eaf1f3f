package org.mlc.ledger.api.infrastructure;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's aggregate cache over Caffeine. Entries are held by reference (aggregates are not
 * copyable), bounded in number; the event store stays the truth, the cache only saves reads.
 */
public class CaffeineCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    public CaffeineCache(long maximumEntries) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumEntries)
                .removalListener((Object key, Object value, RemovalCause cause) -> {
                    if (cause.wasEvicted()) {
                        listeners.forEach(l -> l.onEntryExpired(key));
                    }
                })
                .build()
                .asMap();
    }

    /**
     * Drops the cached aggregate if it has not seen event {@code sequenceNumber} yet: another node
     * appended it. Without this a node would decide on a stale aggregate until a conflicting
     * append told it otherwise; with it, a node sees another's change within the event store's
     * fetch delay. Returns whether an entry was dropped.
     */
    public boolean evictIfOlderThan(String aggregateId, long sequenceNumber) {
        Object entry = entries.get(aggregateId);
        if (entry == null) {
            return false;
        }
        Long version = CachedVersion.of(entry);
        if (version != null && version >= sequenceNumber) {
            return false;
        }
        return entries.remove(aggregateId, entry);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        Object previous = entries.put(key, value);
        listeners.forEach(l -> {
            if (previous == null) {
                l.onEntryCreated(key, value);
            } else {
                l.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = entries.putIfAbsent(key, value) == null;
        if (added) {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, k -> valueSupplier.get());
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    /** The version Axon's cache entry holds (a private field: read once by reflection, no API for it). */
    static final class CachedVersion {

        private static final java.lang.reflect.Field VERSION = find();

        private CachedVersion() {
        }

        private static java.lang.reflect.Field find() {
            try {
                java.lang.reflect.Field field = org.axonframework.eventsourcing.AggregateCacheEntry.class
                        .getDeclaredField("version");
                field.setAccessible(true);
                return field;
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a later Axon without the field: every entry counts as stale, which is safe
                return null;
            }
        }

        static Long of(Object entry) {
            if (VERSION == null || !(entry instanceof org.axonframework.eventsourcing.AggregateCacheEntry<?>)) {
                return null;
            }
            try {
                return (Long) VERSION.get(entry);
            } catch (IllegalAccessException e) {
                return null;
            }
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
