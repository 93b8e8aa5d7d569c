package org.bipm.gateway.projection;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Country profiles as last read, so the busiest read of the gateway does not cost four queries.
 *
 * <p>Every replica hears of every event its read models take in ({@link LiveFeed}), whichever
 * replica projected it, and forgets the profiles of that event's country (all of them for an event
 * without a country, such as a renamed CBKT activity). A profile read while such an event was
 * being applied is not kept: each country has a generation, bumped on every change, and a read is
 * stored only if the generation it started from is still current. Notifications are best effort,
 * so a profile is also kept no longer than {@code gateway.country-cache.ttl}; reads that carry a
 * Consistency-Token do not use the cache at all.
 */
@ApplicationScoped
public class CountryProfileCache {

    private static final int MAX_ENTRIES = 10_000;

    private record Key(String code, LocalDate asOf) {
    }

    /** Where the changes stood: all-country changes and this country's. */
    private record Generation(long all, long country) {
    }

    private record Entry(Optional<ReadModels.CountryProfile> profile, Generation generation, long expiresAt) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> countryGenerations = new ConcurrentHashMap<>();
    private final AtomicLong allGeneration = new AtomicLong();
    private final long ttlNanos;

    public CountryProfileCache(@ConfigProperty(name = "gateway.country-cache.ttl", defaultValue = "5s") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    public Optional<ReadModels.CountryProfile> get(String code, LocalDate asOf, Supplier<Optional<ReadModels.CountryProfile>> read) {
        Key key = new Key(code, asOf);
        long now = System.nanoTime();
        Entry cached = entries.get(key);
        if (cached != null && now - cached.expiresAt() < 0 && cached.generation().equals(generation(code))) {
            return cached.profile();
        }
        Generation before = generation(code);
        Optional<ReadModels.CountryProfile> profile = read.get();
        if (ttlNanos > 0 && generation(code).equals(before)) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(profile, before, now + ttlNanos));
        }
        return profile;
    }

    /** The read models took in an event of this country (null: of no one country, so of any). */
    public void changed(String country) {
        if (country == null) {
            allGeneration.incrementAndGet();
            entries.clear();
        } else {
            countryGenerations.computeIfAbsent(country, c -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Changes may have been missed (the listener reconnected, the tables were swapped). */
    public void clear() {
        changed(null);
    }

    private Generation generation(String code) {
        AtomicLong country = countryGenerations.get(code);
        return new Generation(allGeneration.get(), country == null ? 0 : country.get());
    }
}
