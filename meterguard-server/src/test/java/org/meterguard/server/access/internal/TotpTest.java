package org.meterguard.server.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TOTP against RFC 6238 Appendix B (the SHA-1 rows) and the acceptance window around the current step. */
class TotpTest {
    /** RFC 6238's SHA-1 seed: the ASCII string "12345678901234567890". */
    private static final TotpSecret RFC_SEED =
            new TotpSecret("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest
    @CsvSource({
        "59, 0000000000000001, 94287082",
        "1111111109, 00000000023523EC, 07081804",
        "1111111111, 00000000023523ED, 14050471",
        "1234567890, 000000000273EF07, 89005924",
        "2000000000, 0000000003F940AA, 69279037",
        "20000000000, 0000000027BC86AA, 65353130"
    })
    void matchesTheRfc6238TestVectors(long unixSeconds, String stepHex, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));

        assertThat(step).isEqualTo(Long.parseLong(stepHex, 16));
        assertThat(new Totp(8).code(RFC_SEED, step)).isEqualTo(expected);
    }

    @Test
    void sixDigitCodesAreTheLastSixDigitsOfTheSameTruncation() {
        assertThat(new Totp(6).code(RFC_SEED, Totp.step(Instant.ofEpochSecond(59))))
                .isEqualTo("287082");
        assertThat(new Totp(6).code(RFC_SEED, Totp.step(Instant.ofEpochSecond(1111111109))))
                .isEqualTo("081804");
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndNoMore() {
        Totp totp = new Totp(6);
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);

        assertThat(totp.matchingStep(RFC_SEED, totp.code(RFC_SEED, step), now)).hasValue(step);
        assertThat(totp.matchingStep(RFC_SEED, totp.code(RFC_SEED, step - 1), now))
                .hasValue(step - 1);
        assertThat(totp.matchingStep(RFC_SEED, totp.code(RFC_SEED, step + 1), now))
                .hasValue(step + 1);
        assertThat(totp.matchingStep(RFC_SEED, totp.code(RFC_SEED, step - 2), now))
                .isEmpty();
        assertThat(totp.matchingStep(RFC_SEED, totp.code(RFC_SEED, step + 2), now))
                .isEmpty();
        assertThat(totp.matchingStep(RFC_SEED, "", now)).isEmpty();
        assertThat(totp.matchingStep(RFC_SEED, null, now)).isEmpty();
    }

    @Test
    void refusesLengthsOutsideSixToEight() {
        assertThatThrownBy(() -> new Totp(5)).hasMessageContaining("invalid TOTP length 5");
        assertThatThrownBy(() -> new Totp(9)).hasMessageContaining("invalid TOTP length 9");
    }

    @Test
    void aSecretNeverShowsItsBytes() {
        assertThat(RFC_SEED.toString()).isEqualTo("TotpSecret[redacted]");
        assertThatThrownBy(() -> new TotpSecret(new byte[10])).hasMessageContaining("invalid TOTP secret size 10");
    }

    @ParameterizedTest
    @CsvSource({"'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void base32MatchesRfc4648WithoutPadding(String plain, String encoded) {
        assertThat(Base32.encode(plain.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
        assertThat(new String(Base32.decode(encoded), StandardCharsets.US_ASCII))
                .isEqualTo(plain);
        assertThat(new String(Base32.decode(encoded.toLowerCase() + "==="), StandardCharsets.US_ASCII))
                .isEqualTo(plain);
    }
}
