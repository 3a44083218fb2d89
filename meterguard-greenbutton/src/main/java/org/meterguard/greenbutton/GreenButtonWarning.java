package org.meterguard.greenbutton;

import java.util.Objects;

/**
 * A lenient choice the reader made about a file that departs from ESPI or leaves out something it needed, such as a
 * ReadingType without flowDirection read as forward. The import goes on; an operator should see the warning before
 * accepting the file.
 *
 * @param line the 1-based line the choice concerns
 * @param message what was found and what the reader did about it
 */
public record GreenButtonWarning(int line, String message) {
    public GreenButtonWarning {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
