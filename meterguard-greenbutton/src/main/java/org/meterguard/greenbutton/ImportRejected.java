package org.meterguard.greenbutton;

/**
 * A Green Button or interval CSV file that cannot be imported. The message starts with the line ({@code "line 412:
 * IntervalReading value 'abc' is not an integer"}; a problem of the whole file has line 0 and no prefix) and names
 * the element or column and the bad value, abbreviated; it never quotes names or addresses from the file. Readings a
 * sink received before this was thrown belong to a file that is rejected as a whole: the caller must discard them
 * (import each file in one transaction).
 */
public final class ImportRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /**
     * @param line the 1-based line the problem was found on, or 0 where the file has no usable position
     * @param column the 1-based column, or 0 where unknown
     * @param problem what is wrong, naming the element or column and the bad value
     */
    public ImportRejected(int line, int column, String problem) {
        super(prefix(line) + problem);
        this.line = line;
        this.column = column;
    }

    ImportRejected(int line, int column, String problem, Throwable cause) {
        super(prefix(line) + problem, cause);
        this.line = line;
        this.column = column;
    }

    private static String prefix(int line) {
        return line > 0 ? "line " + line + ": " : "";
    }

    /** The 1-based line of the problem; 0 where the file has no usable position. */
    public int line() {
        return line;
    }

    /**
     * The 1-based column: in XML where the parser stood (the end of the offending start tag or value), in CSV where
     * the offending field starts; 0 where unknown.
     */
    public int column() {
        return column;
    }

    /** A file value for a message: at most 64 characters, control characters replaced, so messages stay short. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), 65) + 2).append('\'');
        int n = Math.min(value.length(), 64);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.append(value.length() > 64 ? "…'" : "'").toString();
    }
}
