package org.meterguard.server.greenbutton;

/** Told how an import advances: the pass (1 checks the whole file, 2 stores it) and readings so far. */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (pass, readings) -> {};

    void advanced(int pass, long readings);
}
