package org.meterguard.dlms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The configured layout of a meter model's load profile (profile generic buffer): the clock followed by K value
 * columns, captured every {@code capturePeriod}.
 *
 * @param captureObjects the clock first, then at least one value column; copied immutably
 * @param capturePeriod positive, whole seconds
 */
public record ProfileLayout(List<CaptureObject> captureObjects, Duration capturePeriod) {
    public ProfileLayout {
        captureObjects = List.copyOf(Objects.requireNonNull(captureObjects, "captureObjects"));
        Objects.requireNonNull(capturePeriod, "capturePeriod");
        if (captureObjects.size() < 2 || !captureObjects.get(0).isClock()) {
            throw new IllegalArgumentException("a profile layout needs the clock (class 8, 0.0.1.0.0.255, attribute 2)"
                    + " first and at least one value column; got " + captureObjects);
        }
        if (capturePeriod.isNegative() || capturePeriod.isZero() || capturePeriod.getNano() != 0) {
            throw new IllegalArgumentException(
                    "capture period " + capturePeriod + " must be a positive number of seconds");
        }
    }

    /** The clock followed by {@code values}. */
    public static ProfileLayout of(Duration capturePeriod, CaptureObject... values) {
        List<CaptureObject> objects = new ArrayList<>(values.length + 1);
        objects.add(CaptureObject.CLOCK);
        objects.addAll(List.of(values));
        return new ProfileLayout(objects, capturePeriod);
    }

    /** Number of value columns K (capture objects after the clock). */
    public int valueColumns() {
        return captureObjects.size() - 1;
    }

    /** The capture object of value column {@code column} (0-based, the clock excluded). */
    public CaptureObject valueColumn(int column) {
        Objects.checkIndex(column, valueColumns());
        return captureObjects.get(column + 1);
    }
}
