package org.meterguard.server.portal.web;

import org.meterguard.core.usage.UsageSeries;
import org.meterguard.server.portal.AccountUsage;

/**
 * The dashboard's data as JSON: bucket starts (epoch seconds) and, per channel, the sums, intervals measured and
 * intervals estimated per bucket, as parallel arrays (a meter-year of quarter-hours is 35,040 buckets).
 */
public record UsageResponse(
        String accountId,
        String zone,
        String resolution,
        String from,
        String to,
        String unit,
        long[] starts,
        ChannelSeries imported,
        ChannelSeries exported,
        Previous previous) {

    /** One channel's buckets. */
    public record ChannelSeries(long[] values, int[] intervals, int[] estimated, long total, int estimatedIntervals) {
        static ChannelSeries of(UsageSeries series) {
            return new ChannelSeries(
                    series.values(),
                    series.intervals(),
                    series.estimated(),
                    series.total(),
                    series.estimatedIntervals());
        }
    }

    /** The period before, for comparison. */
    public record Previous(String from, String to, long[] starts, ChannelSeries imported, ChannelSeries exported) {}

    /** The answer for {@code usage}. */
    public static UsageResponse of(AccountUsage usage) {
        UsageSeries imported = usage.imported();
        UsageSeries before = usage.previousImported();
        return new UsageResponse(
                usage.accountId(),
                imported.period().zone().getId(),
                imported.period().resolution().name(),
                imported.period().first().toString(),
                imported.period().end().toString(),
                "Wh",
                imported.startSeconds(),
                ChannelSeries.of(imported),
                ChannelSeries.of(usage.exported()),
                new Previous(
                        before.period().first().toString(),
                        before.period().end().toString(),
                        before.startSeconds(),
                        ChannelSeries.of(before),
                        ChannelSeries.of(usage.previousExported())));
    }
}
