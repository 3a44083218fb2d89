package org.meterguard.greenbutton;

import java.util.ArrayList;
import java.util.List;
import org.meterguard.core.ReadingQuality;

/** Keeps everything a read delivers, for assertions on small files. */
final class RecordingSink implements GreenButtonSink {
    record Row(MeterReading series, long start, int duration, long value, ReadingQuality quality) {}

    final List<Row> rows = new ArrayList<>();
    final List<GreenButtonWarning> warnings = new ArrayList<>();
    GreenButtonFeed feed;
    int begins;

    @Override
    public void begin(GreenButtonFeed feed) {
        this.feed = feed;
        begins++;
    }

    @Override
    public void reading(MeterReading series, long start, int durationSeconds, long value, ReadingQuality quality) {
        rows.add(new Row(series, start, durationSeconds, value, quality));
    }

    @Override
    public void warning(GreenButtonWarning warning) {
        warnings.add(warning);
    }

    long sum() {
        return rows.stream().mapToLong(Row::value).sum();
    }
}
