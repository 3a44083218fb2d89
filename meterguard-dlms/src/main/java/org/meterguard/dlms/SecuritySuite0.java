package org.meterguard.dlms;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * DLMS security suite 0 (DLMS UA 1000-2, the Green Book): AES-128-GCM with a 12-byte tag, the global unicast
 * encryption key EK as the cipher key and
 *
 * <pre>
 * IV  = system title (8) ‖ invocation counter (4, big-endian)
 * AAD = SC ‖ AK               authenticated and encrypted (0x30)
 * AAD = SC ‖ AK ‖ plaintext   authenticated only (0x10)
 * </pre>
 *
 * The "secured content" this class produces and consumes is
 *
 * <pre>
 * +----+----------+-------------------------+------------+
 * | SC | IC (4)   | ciphertext | plaintext  | tag (12)   |  tag absent for encryption only (0x20)
 * +----+----------+-------------------------+------------+
 * </pre>
 *
 * All methods are stateless and thread-safe; replay protection (comparing the invocation counter with the last
 * accepted one) is the caller's job, helped by {@link #peekInvocationCounter} and {@link #peekSecurityControl}, which
 * cost no AES.
 */
public final class SecuritySuite0 {
    /** Length of SC ‖ IC. */
    public static final int HEADER_LENGTH = 5;
    /** Length of the truncated GCM tag. */
    public static final int TAG_LENGTH = Gcm.TAG_LENGTH;

    private SecuritySuite0() {}

    /**
     * Protects an xDLMS APDU.
     *
     * @return SC ‖ IC ‖ (ciphertext | plaintext) ‖ tag, the tag absent for {@link SecurityControl#ENCRYPTED_ONLY}
     */
    public static byte[] protect(
            SecurityControl sc, SystemTitle st, InvocationCounter ic, CipheringKeys keys, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] out = new byte[protectedLength(sc, plaintext.length)];
        protect(sc, st, ic, keys, plaintext, out, 0);
        return out;
    }

    /** The length of what {@link #protect} makes of {@code plaintextLength} bytes under {@code sc}. */
    public static int protectedLength(SecurityControl sc, int plaintextLength) {
        Objects.requireNonNull(sc, "sc");
        return HEADER_LENGTH + plaintextLength + (sc == SecurityControl.ENCRYPTED_ONLY ? 0 : TAG_LENGTH);
    }

    /**
     * As {@link #protect(SecurityControl, SystemTitle, InvocationCounter, CipheringKeys, byte[])}, writing the
     * secured content into {@code out} from {@code offset} ({@link #protectedLength} bytes), so that a sender can
     * cipher straight into the frame it sends. Authenticated and encrypted content is sealed in place.
     */
    public static void protect(
            SecurityControl sc,
            SystemTitle st,
            InvocationCounter ic,
            CipheringKeys keys,
            byte[] plaintext,
            byte[] out,
            int offset) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.checkFromIndexSize(offset, protectedLength(sc, plaintext.length), out.length);
        byte[] iv = iv(st, ic);
        byte[] scByte = {(byte) sc.toByte()};
        out[offset] = scByte[0];
        System.arraycopy(iv, SystemTitle.LENGTH, out, offset + 1, 4);
        if (sc == SecurityControl.AUTHENTICATED_AND_ENCRYPTED) {
            Gcm.sealInto(
                    keys.encryptionKeySpec(),
                    iv,
                    plaintext,
                    out,
                    offset + HEADER_LENGTH,
                    scByte,
                    keys.authenticationKeyView());
            return;
        }
        byte[] body = protectedBody(sc, iv, keys, scByte, plaintext);
        System.arraycopy(body, 0, out, offset + HEADER_LENGTH, body.length);
    }

    private static byte[] protectedBody(
            SecurityControl sc, byte[] iv, CipheringKeys keys, byte[] scByte, byte[] plaintext) {
        byte[] ak = keys.authenticationKeyView();
        switch (sc) {
            case AUTHENTICATED_AND_ENCRYPTED:
                return Gcm.seal(keys.encryptionKeySpec(), iv, plaintext, scByte, ak);
            case ENCRYPTED_ONLY:
                // GCM without its tag: the ciphertext does not depend on the (absent) additional data
                return Arrays.copyOf(Gcm.seal(keys.encryptionKeySpec(), iv, plaintext), plaintext.length);
            default:
                byte[] tag = Gcm.seal(keys.encryptionKeySpec(), iv, new byte[0], scByte, ak, plaintext);
                return concat(plaintext, tag);
        }
    }

    /**
     * Verifies and decrypts secured content. Only authenticated content is accepted: an encryption-only frame carries
     * no integrity and is refused like a forged one. No replay check is made.
     *
     * @param st the system title of the sender, which is part of the IV
     * @throws MalformedApdu when the content is shorter than the 5-byte SC ‖ IC header
     * @throws DecryptionFailed on every other failure (unsupported or unauthenticated SC, missing or wrong tag, wrong
     *     keys or system title), always with the message {@value DecryptionFailed#MESSAGE}
     */
    public static Unprotected unprotect(SystemTitle st, CipheringKeys keys, byte[] securedContent) {
        Objects.requireNonNull(keys, "keys");
        InvocationCounter ic = peekInvocationCounter(securedContent);
        SecurityControl sc = authenticatedControl(securedContent);
        byte[] iv = iv(st, ic);
        byte[] scByte = {securedContent[0]};
        byte[] ak = keys.authenticationKeyView();
        int bodyLength = securedContent.length - HEADER_LENGTH;
        byte[] plaintext;
        if (sc.encrypted()) {
            plaintext = Gcm.open(keys.encryptionKeySpec(), iv, securedContent, HEADER_LENGTH, bodyLength, scByte, ak);
        } else {
            int tagOffset = securedContent.length - TAG_LENGTH;
            plaintext = Arrays.copyOfRange(securedContent, HEADER_LENGTH, tagOffset);
            Gcm.open(keys.encryptionKeySpec(), iv, securedContent, tagOffset, TAG_LENGTH, scByte, ak, plaintext);
        }
        return new Unprotected(sc, ic, plaintext);
    }

    /**
     * Verifies and decrypts the secured content in {@code in[offset, offset + length)} straight into {@code out} at
     * {@code outOffset}, without the copies {@link #unprotect(SystemTitle, CipheringKeys, byte[])} makes: for a
     * receiver that decodes each plaintext at once from one reused buffer (as
     * {@link PushDecoder#decode(byte[], int, int, MeterModel)} does). Same checks and failures as that method, and no
     * replay check either. The caller decodes the plaintext only after this method has returned; when it fails, the
     * range the plaintext would have taken in {@code out} is zeroed, so no unverified byte is left behind.
     *
     * @param st the system title of the sender, which is part of the IV
     * @return the plaintext length, {@code length - HEADER_LENGTH - TAG_LENGTH}
     * @throws MalformedApdu when the content is shorter than the 5-byte SC ‖ IC header
     * @throws DecryptionFailed on every other failure, as {@link #unprotect(SystemTitle, CipheringKeys, byte[])}
     * @throws IllegalArgumentException when {@code out} is {@code in} or cannot hold the plaintext at {@code outOffset}
     * @throws IndexOutOfBoundsException when the input range is not inside {@code in}
     */
    public static int unprotect(
            SystemTitle st, CipheringKeys keys, byte[] in, int offset, int length, byte[] out, int outOffset) {
        Objects.requireNonNull(st, "st");
        Objects.requireNonNull(keys, "keys");
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(in, "in").length);
        checkHeader(length);
        int plaintextLength = Math.max(0, length - HEADER_LENGTH - TAG_LENGTH);
        if (Objects.requireNonNull(out, "out") == in) {
            throw new IllegalArgumentException("the plaintext must go to another array than the secured content");
        }
        if (outOffset < 0 || outOffset > out.length - plaintextLength) {
            throw new IllegalArgumentException("the plaintext of " + plaintextLength + " bytes does not fit at offset "
                    + outOffset + " of an output of " + out.length + " bytes");
        }
        try {
            return unprotectInto(st, keys, in, offset, length, out, outOffset);
        } catch (DecryptionFailed e) {
            Arrays.fill(out, outOffset, outOffset + plaintextLength, (byte) 0);
            throw e;
        }
    }

    private static int unprotectInto(
            SystemTitle st, CipheringKeys keys, byte[] in, int offset, int length, byte[] out, int outOffset) {
        SecurityControl sc = authenticatedControl(in[offset], length);
        byte[] iv = iv(st, in, offset + 1);
        byte[] scByte = {in[offset]};
        byte[] ak = keys.authenticationKeyView();
        if (sc.encrypted()) {
            return Gcm.openInto(
                    keys.encryptionKeySpec(),
                    iv,
                    in,
                    offset + HEADER_LENGTH,
                    length - HEADER_LENGTH,
                    scByte,
                    ak,
                    out,
                    outOffset);
        }
        int tagOffset = offset + length - TAG_LENGTH;
        byte[] plaintext = Arrays.copyOfRange(in, offset + HEADER_LENGTH, tagOffset);
        Gcm.open(keys.encryptionKeySpec(), iv, in, tagOffset, TAG_LENGTH, scByte, ak, plaintext);
        System.arraycopy(plaintext, 0, out, outOffset, plaintext.length);
        return plaintext.length;
    }

    private static SecurityControl authenticatedControl(byte[] securedContent) {
        return authenticatedControl(securedContent[0], securedContent.length);
    }

    private static SecurityControl authenticatedControl(byte scByte, int length) {
        SecurityControl sc;
        try {
            sc = SecurityControl.fromByte(scByte & 0xFF);
        } catch (MalformedApdu unsupported) {
            throw new DecryptionFailed();
        }
        if (!sc.authenticated() || length < HEADER_LENGTH + TAG_LENGTH) {
            throw new DecryptionFailed();
        }
        return sc;
    }

    /**
     * The GMAC used by HLS authentication mechanism 5: the 12-byte GCM tag with SC = 0x10, AAD = SC ‖ AK ‖ challenge and
     * an empty plaintext, under IV = st ‖ ic.
     *
     * @param st the system title of the party computing the tag
     * @param challenge the other party's challenge (StoC or CtoS)
     */
    public static byte[] gmac(SystemTitle st, InvocationCounter ic, CipheringKeys keys, byte[] challenge) {
        Objects.requireNonNull(challenge, "challenge");
        byte[] scByte = {(byte) SecurityControl.AUTHENTICATED_ONLY.toByte()};
        return Gcm.seal(
                keys.encryptionKeySpec(), iv(st, ic), new byte[0], scByte, keys.authenticationKeyView(), challenge);
    }

    /** Whether {@code tag} equals {@link #gmac}, compared in constant time. */
    public static boolean verifyGmac(
            SystemTitle st, InvocationCounter ic, CipheringKeys keys, byte[] challenge, byte[] tag) {
        Objects.requireNonNull(tag, "tag");
        return MessageDigest.isEqual(gmac(st, ic, keys, challenge), tag);
    }

    /**
     * The clear-text invocation counter of secured content, for replay checks before any AES.
     *
     * @throws MalformedApdu when the content is shorter than the 5-byte header
     */
    public static InvocationCounter peekInvocationCounter(byte[] securedContent) {
        return peekInvocationCounter(securedContent, 0, securedContent.length);
    }

    /**
     * {@link #peekInvocationCounter(byte[])} of the secured content in {@code bytes[offset, offset + length)}, where it
     * lies (as {@link GeneralGloCiphering#locate} finds it), copying nothing.
     */
    public static InvocationCounter peekInvocationCounter(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        checkHeader(length);
        long ic = 0;
        for (int i = 1; i < HEADER_LENGTH; i++) {
            ic = (ic << 8) | (bytes[offset + i] & 0xFF);
        }
        return new InvocationCounter(ic);
    }

    /**
     * The clear-text security control of secured content, to refuse unauthenticated frames before any AES.
     *
     * @throws MalformedApdu when the content is shorter than the header or the byte is unsupported
     */
    public static SecurityControl peekSecurityControl(byte[] securedContent) {
        return peekSecurityControl(securedContent, 0, securedContent.length);
    }

    /** {@link #peekSecurityControl(byte[])} of the secured content in {@code bytes[offset, offset + length)}. */
    public static SecurityControl peekSecurityControl(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        checkHeader(length);
        return SecurityControl.fromByte(bytes[offset] & 0xFF);
    }

    private static void checkHeader(int length) {
        if (length < HEADER_LENGTH) {
            throw new MalformedApdu(
                    length,
                    "secured content of " + length
                            + " bytes is shorter than the 5-byte SC and invocation counter header");
        }
    }

    /** IV = system title ‖ invocation counter. */
    static byte[] iv(SystemTitle st, InvocationCounter ic) {
        Objects.requireNonNull(st, "st");
        Objects.requireNonNull(ic, "ic");
        return concat(st.toBytes(), ic.toBytes());
    }

    /** IV = system title ‖ the 4 counter bytes at {@code in[at]}. */
    private static byte[] iv(SystemTitle st, byte[] in, int at) {
        long title = st.value();
        byte[] iv = new byte[SystemTitle.LENGTH + 4];
        for (int i = 0; i < SystemTitle.LENGTH; i++) {
            iv[i] = (byte) (title >>> (56 - 8 * i));
        }
        System.arraycopy(in, at, iv, SystemTitle.LENGTH, 4);
        return iv;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * The verified content of a secured APDU: its security control, invocation counter and plaintext. The plaintext is
     * copied out on every call and never shown by {@code toString}.
     */
    public static final class Unprotected {
        private final SecurityControl securityControl;
        private final InvocationCounter invocationCounter;
        private final byte[] plaintext;

        Unprotected(SecurityControl securityControl, InvocationCounter invocationCounter, byte[] plaintext) {
            this.securityControl = securityControl;
            this.invocationCounter = invocationCounter;
            this.plaintext = plaintext;
        }

        public SecurityControl securityControl() {
            return securityControl;
        }

        public InvocationCounter invocationCounter() {
            return invocationCounter;
        }

        /** A copy of the verified plaintext APDU. */
        public byte[] plaintext() {
            return plaintext.clone();
        }

        @Override
        public String toString() {
            return "Unprotected[" + securityControl + ", ic=" + invocationCounter.value() + ", " + plaintext.length
                    + " plaintext bytes]";
        }
    }
}
