package org.meterguard.core.detection;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each user's and each role's usual number of distinct customers read per active hour, from past
 * {@link HourlyCount}s. A user's peers are the others with the same role; their baseline leaves the user out.
 */
public final class Baselines {
    private record Sum(double customers, long hours) {
        Sum plus(int more) {
            return new Sum(customers + more, hours + 1);
        }

        Sum minus(Sum other) {
            return new Sum(customers - other.customers, hours - other.hours);
        }

        Optional<Double> mean() {
            return hours > 0 ? Optional.of(customers / hours) : Optional.empty();
        }
    }

    private static final Sum NONE = new Sum(0, 0);

    private final Map<String, Sum> byActorAndRole;
    private final Map<String, Sum> byRole;

    private Baselines(Map<String, Sum> byActorAndRole, Map<String, Sum> byRole) {
        this.byActorAndRole = Map.copyOf(byActorAndRole);
        this.byRole = Map.copyOf(byRole);
    }

    /** No history: every threshold is the configured minimum. */
    public static Baselines none() {
        return new Baselines(Map.of(), Map.of());
    }

    /** Baselines over {@code counts} (hours without reads are simply absent). */
    public static Baselines of(Collection<HourlyCount> counts) {
        Map<String, Sum> actors = new HashMap<>();
        Map<String, Sum> roles = new HashMap<>();
        for (HourlyCount count : counts) {
            actors.merge(key(count.actor(), count.role()), NONE.plus(count.customers()), Baselines::add);
            roles.merge(count.role(), NONE.plus(count.customers()), Baselines::add);
        }
        return new Baselines(actors, roles);
    }

    /** The user's own mean distinct customers per active hour in {@code role}, if they have history. */
    public Optional<Double> user(String actor, String role) {
        return byActorAndRole.getOrDefault(key(actor, role), NONE).mean();
    }

    /** The mean of the user's peers (same role, the user left out), if they have history. */
    public Optional<Double> peers(String actor, String role) {
        Sum own = byActorAndRole.getOrDefault(key(actor, role), NONE);
        return byRole.getOrDefault(role, NONE).minus(own).mean();
    }

    private static Sum add(Sum a, Sum b) {
        return new Sum(a.customers + b.customers, a.hours + b.hours);
    }

    private static String key(String actor, String role) {
        return actor + '\u0000' + role;
    }
}
