package org.meterguard.greenbutton;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Green Button reference material in {@code shared/data/greenbutton}, a sibling of the repository root, found by
 * walking up from the working directory (Maven runs tests in the module directory). Tests that need it are skipped,
 * not failed, where it is missing. Its files are read in place, never copied into the repository.
 */
final class SharedSamples {
    private static final Pattern INTERVAL_READING_TAG =
            Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?IntervalReading[\\s>]");

    private SharedSamples() {}

    static Path sample(String name) {
        Path dir = null;
        for (Path at = Path.of("").toAbsolutePath(); at != null && dir == null; at = at.getParent()) {
            Path candidate = at.resolve("shared/data/greenbutton/samples");
            dir = Files.isDirectory(candidate) ? candidate : null;
        }
        assumeTrue(
                dir != null,
                "shared material missing: no shared/data/greenbutton/samples above "
                        + Path.of("").toAbsolutePath() + "; Green Button sample tests skipped");
        Path file = dir.resolve(name);
        assumeTrue(Files.isRegularFile(file), "shared material missing: " + file + "; test skipped");
        return file;
    }

    /** Counts IntervalReading start tags with a plain pattern, independently of the reader under test. */
    static long countIntervalReadingTags(Path file) throws IOException {
        Matcher matcher = INTERVAL_READING_TAG.matcher(Files.readString(file, StandardCharsets.UTF_8));
        long count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
