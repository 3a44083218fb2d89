package org.meterguard.greenbutton;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text stream ({@code \n} or {@code \r\n}), each refused once it grows past a limit, so one endless line
 * cannot fill the heap as {@link java.io.BufferedReader#readLine()} would let it.
 */
final class CsvLines {
    private final Reader reader;
    private final int maxLength;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private int number;

    CsvLines(Reader reader, int maxLength) {
        this.reader = reader;
        this.maxLength = maxLength;
    }

    /** The 1-based number of the line last returned. */
    int number() {
        return number;
    }

    /** The next line without its terminator, or null at the end of the stream. */
    String next() throws IOException {
        line.setLength(0);
        while (true) {
            if (position == limit && !fill()) {
                return line.length() == 0 ? null : finish();
            }
            char c = buffer[position++];
            if (c == '\n') {
                return finish();
            }
            if (line.length() == maxLength) {
                throw new ImportRejected(number + 1, maxLength + 1, "line is longer than " + maxLength + " characters");
            }
            line.append(c);
        }
    }

    private String finish() {
        number++;
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    private boolean fill() throws IOException {
        int read = reader.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
