package org.meterguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The canonical encoding is what the Merkle tree commits to, so it must be injective (two different events never
 * share bytes), stable, and exactly inverted by {@link AuditEvent#fromCanonicalBytes}, which must refuse anything
 * else with an {@link IllegalArgumentException}.
 */
class AuditEventTest {
    private static final Instant AT = Instant.parse("2025-03-14T09:26:53.589793238Z");
    private static final List<String> FIELD_NAMES = List.of(
            "actor",
            "role",
            "action",
            "resource",
            "subject",
            "purpose",
            "basis",
            "decision",
            "clientAddress",
            "detail");
    private static final String[] FIELDS = {
        "alice",
        "ANALYST",
        "READ",
        "meter/42/readings",
        "customer 7",
        "BILLING",
        "contract 7-2024",
        "PERMIT",
        "2001:db8::1",
        "Z\u00e4hlerstand M\u00e4rz \uD83D\uDD0C"
    };

    private static AuditEvent event(Instant at, String... f) {
        return new AuditEvent(at, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]);
    }

    private static String[] with(String[] fields, int index, String value) {
        String[] copy = fields.clone();
        copy[index] = value;
        return copy;
    }

    private static AuditEvent sample() {
        return event(AT, FIELDS);
    }

    // ---- round trip ----------------------------------------------------------------------------------------------

    @Test
    void canonicalBytesRoundTripForOrdinaryAndExtremeEvents() {
        String[] empty = new String[10];
        Arrays.fill(empty, "");
        String[] long100k = with(FIELDS, 9, "x".repeat(100_000));
        List<AuditEvent> events = List.of(
                sample(),
                event(Instant.EPOCH, empty),
                event(Instant.MIN, FIELDS),
                event(Instant.MAX, FIELDS),
                event(Instant.parse("1969-12-31T23:59:59.999999999Z"), FIELDS),
                event(AT, long100k),
                event(AT, with(FIELDS, 0, "\u0000\uFFFF\uFFFE\uDBFF\uDFFF")));
        for (AuditEvent event : events) {
            byte[] bytes = event.canonicalBytes();
            AuditEvent back = AuditEvent.fromCanonicalBytes(bytes);
            assertThat(back).isEqualTo(event);
            assertThat(back.canonicalBytes()).isEqualTo(bytes);
        }
    }

    /** The bytes are persisted and hashed into the log: this pins the layout the class comment describes. */
    @Test
    void theLayoutIsTheDocumentedOne() {
        String[] fields = new String[10];
        Arrays.fill(fields, "");
        fields[0] = "a";
        fields[9] = "\u00e9";
        byte[] bytes = event(Instant.ofEpochSecond(1, 2), fields).canonicalBytes();
        String expected =
                "01" + "0000000000000001" + "00000002" + "00000001" + "61" + "00000000".repeat(8) + "00000002" + "c3a9";
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(expected);
    }

    // ---- injectivity ---------------------------------------------------------------------------------------------

    @Test
    void changingAnyFieldChangesTheBytes() {
        byte[] original = sample().canonicalBytes();
        for (int i = 0; i < FIELDS.length; i++) {
            for (String changed : new String[] {FIELDS[i] + "x", "", FIELDS[i].toUpperCase() + "!", " " + FIELDS[i]}) {
                AuditEvent other = event(AT, with(FIELDS, i, changed));
                assertThat(other.canonicalBytes())
                        .as("%s changed to '%s'", FIELD_NAMES.get(i), changed)
                        .isNotEqualTo(original);
            }
        }
        for (Instant at : new Instant[] {AT.plusNanos(1), AT.minusNanos(1), AT.plusSeconds(1), Instant.EPOCH}) {
            assertThat(event(at, FIELDS).canonicalBytes()).as("at %s", at).isNotEqualTo(original);
        }
    }

    @Test
    void movingCharactersBetweenAdjacentFieldsChangesTheBytes() {
        assertThat(event(AT, with(with(FIELDS, 0, "ab"), 1, "c")).canonicalBytes())
                .isNotEqualTo(event(AT, with(with(FIELDS, 0, "a"), 1, "bc")).canonicalBytes());
        for (int i = 0; i + 1 < FIELDS.length; i++) {
            String[][] splits = {{"ab", "c"}, {"a", "bc"}, {"abc", ""}, {"", "abc"}};
            for (int s = 0; s < splits.length; s++) {
                for (int t = s + 1; t < splits.length; t++) {
                    AuditEvent one = event(AT, with(with(FIELDS, i, splits[s][0]), i + 1, splits[s][1]));
                    AuditEvent two = event(AT, with(with(FIELDS, i, splits[t][0]), i + 1, splits[t][1]));
                    assertThat(one.canonicalBytes())
                            .as(
                                    "%s/%s: %s vs %s",
                                    FIELD_NAMES.get(i),
                                    FIELD_NAMES.get(i + 1),
                                    Arrays.toString(splits[s]),
                                    Arrays.toString(splits[t]))
                            .isNotEqualTo(two.canonicalBytes());
                }
            }
        }
    }

    /**
     * UTF-8 cannot encode an unpaired surrogate; String.getBytes would write '?', so that an actor of U+D800 alone
     * and an actor of "?" would be logged alike. The event replaces it by U+FFFD instead, visibly.
     */
    @Test
    void unpairedSurrogatesBecomeReplacementCharactersAndStayDistinctFromQuestionMarks() {
        AuditEvent lone = event(AT, with(FIELDS, 0, "x\uD800y"));
        AuditEvent question = event(AT, with(FIELDS, 0, "x?y"));
        assertThat(lone.actor()).isEqualTo("x\uFFFDy");
        assertThat(lone.canonicalBytes()).isNotEqualTo(question.canonicalBytes());
        assertThat(AuditEvent.fromCanonicalBytes(lone.canonicalBytes())).isEqualTo(lone);

        assertThat(event(AT, with(FIELDS, 9, "\uDD0C\uD83D")).detail()).isEqualTo("\uFFFD\uFFFD");
        assertThat(event(AT, with(FIELDS, 9, "a\uD83D")).detail()).isEqualTo("a\uFFFD");
        assertThat(event(AT, with(FIELDS, 9, "\uDD0Ca")).detail()).isEqualTo("\uFFFDa");
        assertThat(event(AT, with(FIELDS, 9, "\uD83D\uD83D\uDD0C")).detail()).isEqualTo("\uFFFD\uD83D\uDD0C");
        String wellFormed = FIELDS[9];
        assertThat(event(AT, FIELDS).detail()).isSameAs(wellFormed);
    }

    // ---- nulls ---------------------------------------------------------------------------------------------------

    @Test
    void nullsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> event(null, FIELDS))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("at");
        for (int i = 0; i < FIELDS.length; i++) {
            String[] fields = with(FIELDS, i, null);
            assertThatThrownBy(() -> event(AT, fields))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage(FIELD_NAMES.get(i) + " may be empty but not null");
        }
        assertThatThrownBy(() -> AuditEvent.fromCanonicalBytes(null)).isInstanceOf(NullPointerException.class);
    }

    // ---- decoding anything else ----------------------------------------------------------------------------------

    @Test
    void everyTruncationIsRefused() {
        byte[] bytes = sample().canonicalBytes();
        assertThatThrownBy(() -> AuditEvent.fromCanonicalBytes(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("audit entry is truncated at byte 0");
        for (int length = 1; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> AuditEvent.fromCanonicalBytes(prefix))
                    .as("the first %d bytes", length)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("audit entry ");
        }
    }

    @Test
    void malformedEntriesAreRefusedWithTheReason() {
        byte[] good = sample().canonicalBytes();

        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertIllegal(trailing, "audit entry has 1 bytes after its fields");

        for (byte version : new byte[] {0, 2, (byte) 0xff}) {
            byte[] other = good.clone();
            other[0] = version;
            assertIllegal(other, "unknown audit entry version " + version);
        }

        assertIllegal(withInt(good, 9, 1_000_000_000), "audit entry nanoseconds 1000000000 are not in [0, 999999999]");
        assertIllegal(withInt(good, 9, -1), "audit entry nanoseconds -1 are not in [0, 999999999]");

        byte[] farFuture = good.clone();
        ByteBuffer.wrap(farFuture).putLong(1, Long.MAX_VALUE);
        assertIllegal(farFuture, "audit entry time " + Long.MAX_VALUE + " s is out of range");

        assertIllegal(withInt(good, 13, -1), "audit entry field actor claims -1 bytes");
        assertIllegal(withInt(good, 13, Integer.MAX_VALUE), "audit entry field actor claims 2147483647 bytes");
        assertIllegal(withInt(good, 13, good.length), "audit entry field actor claims " + good.length + " bytes");
    }

    @Test
    void malformedUtf8IsRefusedRatherThanReplaced() {
        String[] fields = new String[10];
        Arrays.fill(fields, "");
        fields[0] = "ab";
        byte[] good = event(AT, fields).canonicalBytes();
        int actorBytes = 1 + 8 + 4 + 4;
        byte[][] malformed = {
            {(byte) 0xc3, 0x28}, // a lead byte without its continuation
            {(byte) 0x80, 0x61}, // a continuation byte without a lead
            {(byte) 0xc0, (byte) 0xaf}, // an overlong '/'
            {(byte) 0xed, (byte) 0xa0}, // the start of an encoded surrogate
            {(byte) 0xff, 0x61}, // never valid in UTF-8
        };
        for (byte[] utf8 : malformed) {
            byte[] bad = good.clone();
            System.arraycopy(utf8, 0, bad, actorBytes, 2);
            assertIllegal(bad, "audit entry field actor is not well-formed UTF-8");
        }
        byte[] surrogate = {(byte) 0xed, (byte) 0xa0, (byte) 0x80};
        fields[0] = "abc";
        byte[] three = event(AT, fields).canonicalBytes();
        System.arraycopy(surrogate, 0, three, actorBytes, 3);
        assertIllegal(three, "audit entry field actor is not well-formed UTF-8");
    }

    /** Whatever the bytes, decoding either refuses them or returns the event whose encoding they exactly are. */
    @Test
    void garbageIsRefusedOrIsExactlyACanonicalEncoding() {
        Random random = new Random(20250314);
        byte[] good = sample().canonicalBytes();
        int accepted = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes;
            switch (round % 4) {
                case 0 -> {
                    bytes = good.clone();
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
                case 1 -> {
                    bytes = good.clone();
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
                }
                case 2 -> {
                    int cut = random.nextInt(good.length);
                    bytes = new byte[good.length - 1];
                    System.arraycopy(good, 0, bytes, 0, cut);
                    System.arraycopy(good, cut + 1, bytes, cut, good.length - cut - 1);
                }
                default -> {
                    bytes = new byte[random.nextInt(60)];
                    random.nextBytes(bytes);
                    if (bytes.length > 0) {
                        bytes[0] = 1;
                    }
                }
            }
            byte[] input = bytes;
            Throwable thrown = catchThrowable(() -> {
                AuditEvent event = AuditEvent.fromCanonicalBytes(input);
                assertThat(event.canonicalBytes()).isEqualTo(input);
            });
            if (thrown == null) {
                accepted++;
            } else {
                assertThat(thrown)
                        .as("decoding %s", HexFormat.of().formatHex(input))
                        .isExactlyInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThat(accepted)
                .as("some mutations still decode (e.g. a changed letter)")
                .isPositive();
    }

    private static byte[] withInt(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).putInt(offset, value);
        return copy;
    }

    private static void assertIllegal(byte[] bytes, String message) {
        assertThatThrownBy(() -> AuditEvent.fromCanonicalBytes(bytes))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
