package org.meterguard.server.headend.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (a collector, a meter): each holds up to {@code burst} tokens, refilled at
 * {@code perSecond}; a frame takes one, and finds none in a flood. Buckets idle long enough to be full again are
 * dropped so a flood of distinct keys cannot grow the map without end.
 */
final class RateLimits<K> {
    private static final int PRUNE_ABOVE = 200_000;

    private final double perNano;
    private final double burst;
    private final ConcurrentHashMap<K, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(double perSecond, double burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate " + perSecond + "/s with burst " + burst + " must be positive");
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
    }

    /** Takes a token for {@code key}; false when its bucket is empty. */
    boolean tryAcquire(K key, long nowNanos) {
        if (buckets.size() > PRUNE_ABOVE) {
            prune(nowNanos);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (nowNanos - bucket.at) * perNano);
            bucket.at = nowNanos;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }

    private void prune(long nowNanos) {
        buckets.values().removeIf(b -> b.tokens + (nowNanos - b.at) * perNano >= burst);
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
