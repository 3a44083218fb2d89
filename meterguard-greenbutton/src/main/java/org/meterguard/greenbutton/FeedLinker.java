package org.meterguard.greenbutton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meterguard.core.Channel;
import org.meterguard.core.ReadingQuality;

/**
 * Resolves the Atom links the metadata pass found, whatever order the entries came in: IntervalBlock → MeterReading
 * → UsagePoint through {@code up} links, MeterReading → ReadingType and UsagePoint → LocalTimeParameters through
 * {@code related} links. A child's {@code up} link names its parent's collection, so it matches the parent's
 * {@code related} link to that collection, or else the parent's {@code self} link once its last segment is dropped.
 * Links compare as exact strings.
 */
final class FeedLinker {
    private final List<Entry> entries;
    private final Warnings warnings;
    private final ReadingQuality unstatedQuality;
    private final Map<String, Entry> meterReadingsByRelated = new HashMap<>();
    private final Map<String, Entry> meterReadingsBySelf = new HashMap<>();
    private final Map<String, Entry> usagePointsByRelated = new HashMap<>();
    private final Map<String, Entry> usagePointsBySelf = new HashMap<>();
    private final Map<String, Entry> readingTypesBySelf = new HashMap<>();
    private final Map<String, LocalTimeParameters> localTimesBySelf = new HashMap<>();
    private final List<LocalTimeParameters> localTimes = new ArrayList<>();
    private final Map<Entry, UsagePoint> usagePoints = new LinkedHashMap<>();

    /** The result: the feed, and for each entry index the rules of the series its IntervalBlocks belong to. */
    record Linked(GreenButtonFeed feed, SeriesRules[] seriesByEntry) {}

    private FeedLinker(List<Entry> entries, Warnings warnings, ReadingQuality unstatedQuality) {
        this.entries = entries;
        this.warnings = warnings;
        this.unstatedQuality = unstatedQuality;
    }

    static Linked link(List<Entry> entries, Warnings warnings, ReadingQuality unstatedQuality) {
        FeedLinker linker = new FeedLinker(entries, warnings, unstatedQuality);
        linker.index();
        return linker.resolve();
    }

    private void index() {
        for (Entry entry : entries) {
            switch (entry.resource) {
                case METER_READING -> index(entry, meterReadingsBySelf, meterReadingsByRelated);
                case USAGE_POINT -> index(entry, usagePointsBySelf, usagePointsByRelated);
                case READING_TYPE -> {
                    if (!entry.self.isEmpty()) {
                        readingTypesBySelf.putIfAbsent(entry.self, entry);
                    }
                }
                case LOCAL_TIME_PARAMETERS -> {
                    if (entry.localTimeParameters != null) {
                        localTimes.add(entry.localTimeParameters);
                        localTimesBySelf.putIfAbsent(entry.self, entry.localTimeParameters);
                    }
                }
                default -> {}
            }
        }
        for (Entry entry : entries) {
            if (entry.resource == Entry.Resource.USAGE_POINT) {
                usagePoints.put(entry, usagePoint(entry));
            }
        }
    }

    private static void index(Entry entry, Map<String, Entry> bySelf, Map<String, Entry> byRelated) {
        if (!entry.self.isEmpty()) {
            bySelf.putIfAbsent(entry.self, entry);
        }
        for (String related : entry.related) {
            byRelated.putIfAbsent(related, entry);
        }
    }

    private UsagePoint usagePoint(Entry entry) {
        LocalTimeParameters local = entry.related.stream()
                .map(localTimesBySelf::get)
                .filter(found -> found != null)
                .findFirst()
                .orElse(null);
        if (local == null && localTimes.size() == 1) {
            local = localTimes.get(0);
        }
        return new UsagePoint(
                entry.self, entry.atomId, entry.serviceKind, Optional.ofNullable(local), entry.resourceLine);
    }

    private Linked resolve() {
        SeriesRules[] byEntry = new SeriesRules[entries.size()];
        Map<Entry, SeriesRules> series = new LinkedHashMap<>();
        for (Entry block : entries) {
            if (block.resource != Entry.Resource.INTERVAL_BLOCK) {
                continue;
            }
            Entry meterReading = parent(block, meterReadingsByRelated, meterReadingsBySelf);
            if (meterReading == null) {
                throw new ImportRejected(block.upLineOrEntry(), 0, unresolved(block, "IntervalBlock", "MeterReading"));
            }
            byEntry[block.index] = series.computeIfAbsent(meterReading, this::series);
        }
        List<MeterReading> meterReadings = new ArrayList<>();
        entries.stream().filter(series::containsKey).forEach(entry -> meterReadings.add(series.get(entry).series));
        return new Linked(new GreenButtonFeed(List.copyOf(usagePoints.values()), meterReadings), byEntry);
    }

    private SeriesRules series(Entry meterReading) {
        ReadingType type = readingType(meterReading);
        UsagePoint usagePoint = usagePointOf(meterReading);
        Channel channel = ChannelMapping.channelOf(type, warnings);
        MeterReading series = new MeterReading(meterReading.self, usagePoint, type, channel, meterReading.resourceLine);
        return new SeriesRules(series, unstatedQuality);
    }

    private ReadingType readingType(Entry meterReading) {
        for (String related : meterReading.related) {
            Entry type = readingTypesBySelf.get(related);
            if (type != null && type.readingType != null) {
                return type.readingType.withHref(type.self);
            }
        }
        if (meterReading.readingType != null) {
            return meterReading.readingType;
        }
        throw new ImportRejected(
                meterReading.resourceLine,
                0,
                "MeterReading has interval data but no ReadingType:"
                        + " none of its related links matches the self link of a ReadingType entry in this file");
    }

    private UsagePoint usagePointOf(Entry meterReading) {
        Entry parent = parent(meterReading, usagePointsByRelated, usagePointsBySelf);
        if (parent != null) {
            return usagePoints.get(parent);
        }
        if (usagePoints.size() == 1) {
            UsagePoint only = usagePoints.values().iterator().next();
            warnings.add(
                    meterReading.upLineOrEntry(),
                    "MeterReading's up link matches no UsagePoint; it is taken to"
                            + " belong to the file's only UsagePoint (line " + only.line() + ")");
            return only;
        }
        throw new ImportRejected(
                meterReading.upLineOrEntry(),
                0,
                unresolved(meterReading, "MeterReading", "UsagePoint")
                        + (usagePoints.isEmpty() ? "; the file has no UsagePoint" : ""));
    }

    private static Entry parent(Entry child, Map<String, Entry> byRelated, Map<String, Entry> bySelf) {
        if (child.up.isEmpty()) {
            return null;
        }
        Entry parent = byRelated.get(child.up);
        if (parent == null) {
            String up = child.up.endsWith("/") ? child.up.substring(0, child.up.length() - 1) : child.up;
            int slash = up.lastIndexOf('/');
            parent = slash > 0 ? bySelf.get(up.substring(0, slash)) : null;
        }
        return parent;
    }

    private static String unresolved(Entry child, String what, String parent) {
        if (child.up.isEmpty()) {
            return what + " entry has no up link, so the " + parent + " it belongs to is unknown";
        }
        return what + " entry's up link matches no " + parent + " in this file (neither a " + parent
                + "'s related link nor its self link without the last segment)";
    }
}
