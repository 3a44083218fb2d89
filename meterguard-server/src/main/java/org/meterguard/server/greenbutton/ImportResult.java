package org.meterguard.server.greenbutton;

import java.util.List;

/**
 * What an import stored.
 *
 * @param readings readings read from the file
 * @param newDays day rows created
 * @param changedDays stored day rows that gained values
 * @param conflicts readings that differed from a stored value, which was kept (see {@code interval_conflict})
 * @param warnings the lenient choices the reader made, each naming its line
 */
public record ImportResult(long readings, long newDays, long changedDays, long conflicts, List<String> warnings) {
    public ImportResult {
        warnings = List.copyOf(warnings);
    }
}
