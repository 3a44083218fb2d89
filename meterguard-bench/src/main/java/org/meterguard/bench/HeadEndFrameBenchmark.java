package org.meterguard.bench;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.meterguard.dlms.CaptureObject;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.DataNotification;
import org.meterguard.dlms.GeneralGloCiphering;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.LoadProfileCodec;
import org.meterguard.dlms.Obis;
import org.meterguard.dlms.ProfileBuffer;
import org.meterguard.dlms.ProfileLayout;
import org.meterguard.dlms.SecurityControl;
import org.meterguard.dlms.SecuritySuite0;
import org.meterguard.dlms.SystemTitle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the head-end spends on one pushed load profile once its bytes have arrived: parse the
 * general-glo-ciphering APDU, verify and decrypt it (security suite 0), decode the DataNotification and the
 * profile buffer. {@link #decodePlaintext} is the baseline in the same run: the same profile already in the
 * clear, so the difference is the price of AES-128-GCM. Each operation carries {@code rows} intervals of two
 * channels, so readings per second = operations per second × 2 × rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HeadEndFrameBenchmark {
    static final ProfileLayout LAYOUT = new ProfileLayout(
            java.util.List.of(
                    CaptureObject.CLOCK,
                    CaptureObject.register(Obis.ACTIVE_ENERGY_IMPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR),
                    CaptureObject.register(Obis.ACTIVE_ENERGY_EXPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR)),
            Duration.ofMinutes(15));

    /** Intervals per frame: 96 is one day of a 15-minute profile, 4 one hour. */
    @Param({"4", "96"})
    int rows;

    SystemTitle meter;
    CipheringKeys keys;
    byte[] plaintext;
    byte[] cipheredApdu;

    @Setup
    public void frame() {
        SecureRandom random = new SecureRandom();
        meter = new SystemTitle(0x4D47530000000001L);
        keys = CipheringKeys.generate(random);
        ProfileBuffer.Builder buffer = ProfileBuffer.builder(2);
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 1; i <= rows; i++) {
            buffer.add(start.plus(Duration.ofMinutes(15L * i)), 100 + random.nextInt(900), random.nextInt(50));
        }
        plaintext = new DataNotification(1, null, LoadProfileCodec.encodeBody(meter, LAYOUT, buffer.build())).encode();
        byte[] secured = SecuritySuite0.protect(
                SecurityControl.AUTHENTICATED_AND_ENCRYPTED, meter, new InvocationCounter(1), keys, plaintext);
        cipheredApdu = GeneralGloCiphering.encode(meter, secured);
    }

    @Benchmark
    public ProfileBuffer verifyDecryptAndDecode() {
        GeneralGloCiphering apdu = GeneralGloCiphering.decode(cipheredApdu);
        byte[] clear = SecuritySuite0.unprotect(apdu.systemTitle(), keys, apdu.securedContent())
                .plaintext();
        return LoadProfileCodec.decodeBody(DataNotification.decode(clear).body(), LAYOUT);
    }

    @Benchmark
    public ProfileBuffer decodePlaintext() {
        return LoadProfileCodec.decodeBody(DataNotification.decode(plaintext).body(), LAYOUT);
    }
}
