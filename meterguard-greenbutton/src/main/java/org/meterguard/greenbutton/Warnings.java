package org.meterguard.greenbutton;

import java.util.ArrayList;
import java.util.List;

/** Collects the warnings of one read and passes each to the sink as it arises. */
final class Warnings {
    private final GreenButtonSink sink;
    private final List<GreenButtonWarning> all = new ArrayList<>();

    Warnings(GreenButtonSink sink) {
        this.sink = sink;
    }

    void add(int line, String message) {
        GreenButtonWarning warning = new GreenButtonWarning(line, message);
        all.add(warning);
        sink.warning(warning);
    }

    List<GreenButtonWarning> all() {
        return all;
    }
}
