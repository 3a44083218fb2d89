package org.meterguard.bench;

import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.Security;
import gurux.dlms.secure.GXDLMSSecureClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.meterguard.dlms.CaptureObject;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.DataNotification;
import org.meterguard.dlms.DecodedPush;
import org.meterguard.dlms.GeneralGloCiphering;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.LoadProfileCodec;
import org.meterguard.dlms.MeterModel;
import org.meterguard.dlms.Obis;
import org.meterguard.dlms.ProfileBuffer;
import org.meterguard.dlms.ProfileLayout;
import org.meterguard.dlms.PushDecoder;
import org.meterguard.dlms.PushEncoder;
import org.meterguard.dlms.SecurityControl;
import org.meterguard.dlms.SecuritySuite0;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.dlms.WrapperDescriptor;
import org.meterguard.dlms.WrapperFrame;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One meter-day push (96 quarter-hours of import and export energy) as a WRAPPER frame carrying a general-glo-ciphered
 * DataNotification (security suite 0, authenticated and encrypted), decoded four ways in the same run:
 *
 * <ul>
 *   <li>{@link #pushDecoderPlaintext}: {@link PushDecoder} on the plaintext APDU, no AES (the speed of the decoder);
 *   <li>{@link #dataValueTreePlaintext}: the {@link DataNotification} / {@link LoadProfileCodec} tree path, no AES;
 *   <li>{@link #meterguardFrame}: wrapper, general-glo-ciphering, AES-GCM verify and decrypt, {@link PushDecoder}, the
 *       way the head-end reads a frame: headers checked where they lie, the plaintext decrypted into one reused
 *       buffer and decoded from there;
 *   <li>{@link #meterguardFrameCopying}: the same through the copying API ({@link WrapperFrame#decode},
 *       {@link GeneralGloCiphering#decode}, {@link SecuritySuite0#unprotect(SystemTitle, CipheringKeys, byte[])}), which
 *       copies the payload, the secured content and the plaintext;
 *   <li>{@link #aesGcmOnly}: only the AES-GCM verify and decrypt of {@link #meterguardFrame} (the JDK's cipher), the
 *       floor under it;
 *   <li>{@link #guruxFrame}: Gurux DLMS 4.0.47 doing the same: {@code GXDLMSSecureClient.getData} on the same frame,
 *       which parses the wrapper, decrypts and builds its value tree.
 * </ul>
 *
 * Every frame of the set carries its own invocation counter, so a decoder that cached anything per frame would not
 * profit. Gurux does not refuse a repeated counter, so the same frames can be fed to it again and again.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeComparisonBenchmark {
    static final ProfileLayout LAYOUT = ProfileLayout.of(
            Duration.ofMinutes(15),
            CaptureObject.register(Obis.ACTIVE_ENERGY_IMPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR),
            CaptureObject.register(Obis.ACTIVE_ENERGY_EXPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR));
    static final MeterModel MODEL = new MeterModel("MG-1", LAYOUT, Set.of(), List.of());
    static final int FRAMES = 64;
    /** 0xDB, 0x08, system title, length 0x82 and two bytes: the secured content of a meter-day push follows. */
    static final int GLO_HEADER_LENGTH = 2 + 8 + 3;

    SystemTitle meter;
    CipheringKeys keys;
    byte[][] plaintexts = new byte[FRAMES][];
    byte[][] frames = new byte[FRAMES][];
    /** The reused plaintext buffer of this thread, as the head-end keeps one per network thread. */
    byte[] plaintext = new byte[4096];

    GXDLMSSecureClient gurux;
    int next;

    @Setup
    public void frames() {
        Random random = new Random(2026);
        meter = new SystemTitle(0x4D47530000000001L);
        byte[] ek = new byte[16];
        byte[] ak = new byte[16];
        random.nextBytes(ek);
        random.nextBytes(ak);
        keys = CipheringKeys.of(ek, ak);
        for (int f = 0; f < FRAMES; f++) {
            ProfileBuffer.Builder buffer = ProfileBuffer.builder(2);
            Instant day = Instant.parse("2026-11-01T00:00:00Z").plus(Duration.ofDays(f));
            for (int i = 1; i <= 96; i++) {
                buffer.add(day.plus(Duration.ofMinutes(15L * i)), random.nextInt(2_000), random.nextInt(500));
            }
            plaintexts[f] = PushEncoder.loadProfile(f, meter, LAYOUT, buffer.build());
            byte[] secured = SecuritySuite0.protect(
                    SecurityControl.AUTHENTICATED_AND_ENCRYPTED,
                    meter,
                    new InvocationCounter(f + 1),
                    keys,
                    plaintexts[f]);
            frames[f] = new WrapperFrame(1, 1, GeneralGloCiphering.encode(meter, secured)).encode();
        }
        GeneralGloCiphering.Located glo =
                GeneralGloCiphering.locate(frames[0], WrapperDescriptor.HEADER_LENGTH, frames[0].length - 8);
        if (glo.contentOffset() != WrapperDescriptor.HEADER_LENGTH + GLO_HEADER_LENGTH) {
            throw new IllegalStateException("secured content at " + glo.contentOffset());
        }
        gurux = new GXDLMSSecureClient(true, 1, 1, Authentication.NONE, null, InterfaceType.WRAPPER);
        gurux.getCiphering().setSecurity(Security.AUTHENTICATION_ENCRYPTION);
        gurux.getCiphering().setSystemTitle(new byte[] {'M', 'G', 'H', 0, 0, 0, 0, 1});
        gurux.getCiphering().setBlockCipherKey(ek);
        gurux.getCiphering().setAuthenticationKey(ak);
    }

    private int nextFrame() {
        next = (next + 1) % FRAMES;
        return next;
    }

    @Benchmark
    public DecodedPush pushDecoderPlaintext() {
        return PushDecoder.decode(plaintexts[nextFrame()], MODEL);
    }

    @Benchmark
    public ProfileBuffer dataValueTreePlaintext() {
        return LoadProfileCodec.decodeBody(
                DataNotification.decode(plaintexts[nextFrame()]).body(), LAYOUT);
    }

    @Benchmark
    public DecodedPush meterguardFrame() {
        byte[] frame = frames[nextFrame()];
        int apduLength = WrapperFrame.payloadLength(frame);
        GeneralGloCiphering.Located glo =
                GeneralGloCiphering.locate(frame, WrapperDescriptor.HEADER_LENGTH, apduLength);
        int length = SecuritySuite0.unprotect(
                glo.systemTitle(), keys, frame, glo.contentOffset(), glo.contentLength(), plaintext, 0);
        return PushDecoder.decode(plaintext, 0, length, MODEL);
    }

    @Benchmark
    public int aesGcmOnly() {
        byte[] frame = frames[nextFrame()];
        int offset = WrapperDescriptor.HEADER_LENGTH + GLO_HEADER_LENGTH;
        return SecuritySuite0.unprotect(meter, keys, frame, offset, frame.length - offset, plaintext, 0);
    }

    @Benchmark
    public DecodedPush meterguardFrameCopying() {
        byte[] payload = WrapperFrame.decode(frames[nextFrame()]).payload();
        GeneralGloCiphering glo = GeneralGloCiphering.decode(payload);
        byte[] plaintext = SecuritySuite0.unprotect(glo.systemTitle(), keys, glo.securedContent())
                .plaintext();
        return PushDecoder.decode(plaintext, MODEL);
    }

    @Benchmark
    public Object guruxFrame() throws Exception {
        GXReplyData reply = new GXReplyData();
        GXReplyData notification = new GXReplyData();
        gurux.getData(frames[nextFrame()], reply, notification);
        if (!notification.isComplete()) {
            throw new IllegalStateException("Gurux did not complete the notification");
        }
        return notification.getValue();
    }
}
