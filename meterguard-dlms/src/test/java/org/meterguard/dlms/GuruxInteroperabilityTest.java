package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.Security;
import gurux.dlms.secure.GXCiphering;
import gurux.dlms.secure.GXDLMSSecureClient;
import gurux.dlms.secure.GXDLMSSecureNotify;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with Gurux DLMS for Java (GPL-2.0, test scope only): a load-profile push ciphered by Gurux with
 * security suite 0 (authenticated and encrypted, general-glo-ciphering, WRAPPER framing) is read by our codec, and
 * ours by Gurux, with the Green Book's example keys.
 */
class GuruxInteroperabilityTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final SystemTitle METER = SystemTitle.parse("4D4D4D0000BC614E");
    private static final byte[] HEAD_END_TITLE = HEX.parseHex("4D47530000000001");
    private static final byte[] EK = HEX.parseHex("000102030405060708090A0B0C0D0E0F");
    private static final byte[] AK = HEX.parseHex("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
    private static final CipheringKeys KEYS = CipheringKeys.of(EK, AK);
    private static final ProfileLayout LAYOUT = ProfileLayout.of(
            Duration.ofMinutes(15),
            CaptureObject.register(Obis.ACTIVE_ENERGY_IMPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR),
            CaptureObject.register(Obis.ACTIVE_ENERGY_EXPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR));
    private static final MeterModel MODEL = new MeterModel("MG-1", LAYOUT, Set.of(), List.of());

    private static ProfileBuffer day() {
        Random random = new Random(96);
        ProfileBuffer.Builder buffer = ProfileBuffer.builder(2);
        for (int i = 1; i <= 96; i++) {
            buffer.add(
                    Instant.parse("2024-05-01T00:00:00Z").plus(Duration.ofMinutes(15L * i)),
                    random.nextInt(2_000),
                    random.nextInt(500));
        }
        return buffer.build();
    }

    /** A WRAPPER frame ciphered by Gurux's notify side, carrying our load-profile body. */
    static byte[] guruxFrame(ProfileBuffer profile, long invocationCounter) throws Exception {
        byte[] apdu = PushEncoder.loadProfile(0, METER, LAYOUT, profile);
        byte[] body = Arrays.copyOfRange(apdu, 6, apdu.length); // after tag, invoke id and absent date-time
        GXDLMSSecureNotify notify = new GXDLMSSecureNotify(true, 1, 1, InterfaceType.WRAPPER);
        configure(notify.getCiphering(), METER.toBytes());
        notify.getCiphering().setInvocationCounter(invocationCounter);
        byte[][] frames = notify.generateDataNotificationMessages(null, new GXByteBuffer(body));
        assertThat(frames.length).isEqualTo(1);
        return frames[0];
    }

    private static void configure(GXCiphering ciphering, byte[] ownTitle) {
        ciphering.setSecurity(Security.AUTHENTICATION_ENCRYPTION);
        ciphering.setSystemTitle(ownTitle);
        ciphering.setBlockCipherKey(EK.clone());
        ciphering.setAuthenticationKey(AK.clone());
    }

    /** Gurux's head-end side: parses a WRAPPER frame and returns the decrypted notification body, or null. */
    static Object guruxRead(GXDLMSSecureClient client, byte[] frame) throws Exception {
        GXReplyData reply = new GXReplyData();
        GXReplyData notification = new GXReplyData();
        client.getData(frame, reply, notification);
        return notification.isComplete() ? notification.getValue() : null;
    }

    static GXDLMSSecureClient guruxClient() {
        GXDLMSSecureClient client =
                new GXDLMSSecureClient(true, 1, 1, Authentication.NONE, null, InterfaceType.WRAPPER);
        configure(client.getCiphering(), HEAD_END_TITLE);
        return client;
    }

    /**
     * Our head-end side, both ways, which must agree: wrapper, general-glo-ciphering, suite 0 and push decoder read in
     * place (the plaintext into a reused buffer), and the same through the copying API.
     */
    private static DecodedPush ourRead(byte[] frame) {
        DecodedPush inPlace = ourReadInPlace(frame, new byte[4096]);
        assertThat(ourReadCopying(frame)).isEqualTo(inPlace);
        return inPlace;
    }

    private static DecodedPush ourReadInPlace(byte[] frame, byte[] plaintext) {
        GeneralGloCiphering.Located glo =
                GeneralGloCiphering.locate(frame, WrapperDescriptor.HEADER_LENGTH, WrapperFrame.payloadLength(frame));
        int length = SecuritySuite0.unprotect(
                glo.systemTitle(), KEYS, frame, glo.contentOffset(), glo.contentLength(), plaintext, 0);
        return PushDecoder.decode(plaintext, 0, length, MODEL);
    }

    private static DecodedPush ourReadCopying(byte[] frame) {
        GeneralGloCiphering glo =
                GeneralGloCiphering.decode(WrapperFrame.decode(frame).payload());
        SecuritySuite0.Unprotected clear = SecuritySuite0.unprotect(glo.systemTitle(), KEYS, glo.securedContent());
        assertThat(clear.securityControl()).isEqualTo(SecurityControl.AUTHENTICATED_AND_ENCRYPTED);
        return PushDecoder.decode(clear.plaintext(), MODEL);
    }

    /** Our meter side: push, suite 0, general-glo-ciphering, wrapper (client 1, server 1 as Gurux uses). */
    private static byte[] ourFrame(ProfileBuffer profile, long invocationCounter) {
        byte[] apdu = PushEncoder.loadProfile(0, METER, LAYOUT, profile);
        byte[] secured = SecuritySuite0.protect(
                SecurityControl.AUTHENTICATED_AND_ENCRYPTED,
                METER,
                new InvocationCounter(invocationCounter),
                KEYS,
                apdu);
        return new WrapperFrame(1, 1, GeneralGloCiphering.encode(METER, secured)).encode();
    }

    @Test
    void readsAPushCipheredByGurux() throws Exception {
        byte[] frame = guruxFrame(day(), 5);

        DecodedPush push = ourRead(frame);

        assertThat(push).isEqualTo(new DecodedPush.LoadProfilePush(METER, day()));
        GeneralGloCiphering glo =
                GeneralGloCiphering.decode(WrapperFrame.decode(frame).payload());
        assertThat(SecuritySuite0.peekInvocationCounter(glo.securedContent())).isEqualTo(new InvocationCounter(5));
    }

    @Test
    void guruxReadsAPushWeCiphered() throws Exception {
        ProfileBuffer profile = day();

        Object body = guruxRead(guruxClient(), ourFrame(profile, 6));

        assertThat(body).isInstanceOf(List.class);
        List<?> elements = (List<?>) body;
        assertThat((byte[]) elements.get(0)).isEqualTo(METER.toBytes());
        assertThat((byte[]) elements.get(1)).isEqualTo(Obis.LOAD_PROFILE_1.toBytes());
        List<?> rows = (List<?>) elements.get(2);
        assertThat(rows).hasSize(profile.size());
        for (int row = 0; row < rows.size(); row++) {
            List<?> cells = (List<?>) rows.get(row);
            assertThat(CosemDateTime.read((byte[]) cells.get(0)).toInstant()).isEqualTo(profile.capturedAt(row));
            assertThat(((Number) cells.get(1)).longValue()).isEqualTo(profile.value(row, 0));
            assertThat(((Number) cells.get(2)).longValue()).isEqualTo(profile.value(row, 1));
        }
    }

    @Test
    void refusesAGuruxFrameWithAnyBitFlippedInTheSecuredContent() throws Exception {
        byte[] frame = guruxFrame(day(), 7);
        int securedStart = WrapperDescriptor.HEADER_LENGTH + 1 + 1 + SystemTitle.LENGTH + 3; // 0xDB, title, length
        for (int i = securedStart; i < frame.length; i++) {
            byte[] flipped = frame.clone();
            flipped[i] ^= 0x01;
            assertThatThrownBy(() -> ourReadCopying(flipped)).as("byte %d", i).isInstanceOf(DlmsException.class);
            byte[] plaintext = new byte[4096];
            assertThatThrownBy(() -> ourReadInPlace(flipped, plaintext))
                    .as("byte %d in place", i)
                    .isInstanceOf(DlmsException.class);
            assertThat(plaintext).as("byte %d: no unverified plaintext left", i).containsOnly(0);
        }
    }

    @Test
    void guruxAcceptsTheSameFrameTwiceWhereTheInvocationCounterRuleRefusesIt() throws Exception {
        byte[] frame = guruxFrame(day(), 8);
        GXDLMSSecureClient gurux = guruxClient();

        assertThat(guruxRead(gurux, frame)).isNotNull();
        assertThat(guruxRead(gurux, frame))
                .as("Gurux has no replay refusal for notifications")
                .isNotNull();

        InvocationCounter last = InvocationCounter.ZERO;
        int accepted = 0;
        for (int copy = 0; copy < 2; copy++) {
            GeneralGloCiphering glo =
                    GeneralGloCiphering.decode(WrapperFrame.decode(frame).payload());
            InvocationCounter ic = SecuritySuite0.peekInvocationCounter(glo.securedContent());
            if (ic.isAfter(last)) {
                ourRead(frame);
                last = ic;
                accepted++;
            }
        }
        assertThat(accepted).as("a head-end accepting only rising counters").isEqualTo(1);
    }
}
