package org.meterguard.server.rates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.meterguard.core.rates.CustomerClass;
import org.meterguard.core.rates.HolidayCalendar;
import org.meterguard.core.rates.RatePlan;
import org.meterguard.core.rates.RatePlanInvalid;
import org.meterguard.core.rates.RatePlanYaml;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The rate plans on offer, read once at start: the examples shipped in the jar ({@code rates/plans/*.yaml}, each
 * marked {@code example: true}, no real utility's tariff) and the files of {@code meterguard.rates.plans-directory}.
 * Holiday calendars are the built-in US ones plus any {@code holidays/*.yaml} of that directory. A file that does
 * not read stops the start with a message naming the file and entry, rather than offering a wrong plan.
 */
@Service
public class RatePlans {
    private final Map<String, RatePlan> plans;

    RatePlans(RatesProperties properties) {
        Map<String, HolidayCalendar> calendars = new LinkedHashMap<>(RatePlanYaml.builtInHolidayCalendars());
        Optional<Path> directory = properties.plansDirectory().isBlank()
                ? Optional.empty()
                : Optional.of(Path.of(properties.plansDirectory()));
        directory.map(d -> d.resolve("holidays")).ifPresent(d -> files(d).forEach(file -> {
            HolidayCalendar calendar = read(file, in -> RatePlanYaml.holidayCalendar(in, file.toString()));
            calendars.put(calendar.id(), calendar);
        }));
        Map<String, RatePlan> loaded = new LinkedHashMap<>();
        if (properties.examples()) {
            for (Resource resource : examples()) {
                add(loaded, readResource(resource, calendars));
            }
        }
        directory.ifPresent(d -> files(d).forEach(
                        file -> add(loaded, read(file, in -> RatePlanYaml.plan(in, file.toString(), calendars)))));
        this.plans = Map.copyOf(loaded);
    }

    /** Every plan, by id. */
    public List<RatePlan> all() {
        return plans.values().stream()
                .sorted(Comparator.comparing(RatePlan::id))
                .toList();
    }

    /** The plans offered to {@code customerClass}, by id. */
    public List<RatePlan> offeredTo(CustomerClass customerClass) {
        return all().stream().filter(p -> p.customerClass() == customerClass).toList();
    }

    /** The plan {@code id}, if offered. */
    public Optional<RatePlan> find(String id) {
        return Optional.ofNullable(plans.get(id));
    }

    private static void add(Map<String, RatePlan> plans, RatePlan plan) {
        if (plans.putIfAbsent(plan.id(), plan) != null) {
            throw new RatePlanInvalid("two plan files define plan id " + plan.id());
        }
    }

    private static Resource[] examples() {
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath*:rates/plans/*.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the example rate plans", e);
        }
    }

    private static RatePlan readResource(Resource resource, Map<String, HolidayCalendar> calendars) {
        try (InputStream in = resource.getInputStream()) {
            return RatePlanYaml.plan(in, "rates/plans/" + resource.getFilename(), calendars);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rate plan " + resource.getFilename(), e);
        }
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(directory)) {
            return new ArrayList<>(
                    listing.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                            .sorted()
                            .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list rate plan directory " + directory, e);
        }
    }

    private static <T> T read(Path file, java.util.function.Function<InputStream, T> parser) {
        try (InputStream in = Files.newInputStream(file)) {
            return parser.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
