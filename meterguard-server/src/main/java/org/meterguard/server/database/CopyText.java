package org.meterguard.server.database;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format, built in memory and sent in one call: the
 * fastest way to put many rows into a table. Fields are tab-separated, rows end with a newline, NULL is
 * {@code \N}; text is escaped, arrays are written as array literals and bytea as {@code \\x…} hex.
 */
public final class CopyText {
    private static final HexFormat HEX = HexFormat.of();

    private final StringBuilder text;
    private boolean rowStarted;
    private int rows;

    public CopyText(int expectedRows) {
        text = new StringBuilder(Math.max(16, expectedRows) * 64);
    }

    /** Appends a text field, escaped. */
    public CopyText text(String value) {
        separate();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    /** Appends an integer field. */
    public CopyText number(long value) {
        separate();
        text.append(value);
        return this;
    }

    /** Appends a bytea field. */
    public CopyText bytea(byte[] value) {
        separate();
        text.append("\\\\x").append(HEX.formatHex(value));
        return this;
    }

    /** Appends an integer array field; slots whose {@code present} flag is false are NULL. */
    public CopyText array(long[] values, boolean[] present) {
        separate();
        text.append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            if (present[i]) {
                text.append(values[i]);
            } else {
                text.append("NULL");
            }
        }
        text.append('}');
        return this;
    }

    /** Appends a smallint array field; slots whose {@code present} flag is false are NULL. */
    public CopyText array(short[] values, boolean[] present) {
        separate();
        text.append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            if (present[i]) {
                text.append(values[i]);
            } else {
                text.append("NULL");
            }
        }
        text.append('}');
        return this;
    }

    /** Ends the current row. */
    public CopyText endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    /** Rows ended so far. */
    public int rows() {
        return rows;
    }

    /**
     * Sends the rows with {@code copySql} (e.g. {@code COPY t (a, b) FROM STDIN}) on {@code connection}, which
     * must be (or wrap) a pgjdbc connection; returns the number of rows copied.
     */
    public long copyInto(Connection connection, String copySql) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            return connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(copySql, new ByteArrayInputStream(bytes), 1 << 16);
        } catch (IOException e) {
            throw new SQLException("COPY failed while reading its own buffer", e);
        }
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }
}
