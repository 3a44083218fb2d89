package org.meterguard.dlms;

import java.util.Arrays;
import java.util.Objects;

/**
 * The general-glo-ciphering APDU (tag 0xDB) that carries a secured APDU together with the sender's system title:
 *
 * <pre>
 * +------+------+------------------+-------------------+------------------------------------+
 * | 0xDB | 0x08 | system title (8) | length (A-XDR)    | secured content: SC ‖ IC ‖ ... ‖ tag |
 * +------+------+------------------+-------------------+------------------------------------+
 * </pre>
 *
 * The secured content is produced and verified by {@link SecuritySuite0}. Instances are immutable; the content is
 * copied in and out.
 */
public final class GeneralGloCiphering {
    /** The APDU tag. */
    public static final int TAG = 0xDB;

    private final SystemTitle systemTitle;
    private final byte[] securedContent;

    private GeneralGloCiphering(SystemTitle systemTitle, byte[] securedContent) {
        this.systemTitle = systemTitle;
        this.securedContent = securedContent;
    }

    /** The APDU carrying {@code securedContent} (at most 65535 bytes) from {@code systemTitle}. */
    public static byte[] encode(SystemTitle systemTitle, byte[] securedContent) {
        byte[] header = header(systemTitle, securedContent.length);
        byte[] apdu = Arrays.copyOf(header, header.length + securedContent.length);
        System.arraycopy(securedContent, 0, apdu, header.length, securedContent.length);
        return apdu;
    }

    /**
     * What precedes {@code contentLength} bytes of secured content in the APDU (tag, system title, length), for a
     * sender that writes the content straight after it.
     */
    public static byte[] header(SystemTitle systemTitle, int contentLength) {
        Objects.requireNonNull(systemTitle, "systemTitle");
        return new AxdrWriter(16)
                .rawUint8(TAG)
                .length(SystemTitle.LENGTH)
                .rawBytes(systemTitle.toBytes())
                .length(contentLength)
                .toByteArray();
    }

    /**
     * Decodes a complete APDU; the length must cover exactly the rest of the input.
     *
     * @throws MalformedApdu naming the offset, tag or lengths that are wrong
     */
    public static GeneralGloCiphering decode(byte[] apdu) {
        Located located = locate(Objects.requireNonNull(apdu, "apdu"), 0, apdu.length);
        int from = located.contentOffset();
        return new GeneralGloCiphering(
                located.systemTitle(), Arrays.copyOfRange(apdu, from, from + located.contentLength()));
    }

    /**
     * Finds the parts of the complete APDU in {@code apdu[offset, offset + length)} with the checks of
     * {@link #decode(byte[])}, copying nothing: for a receiver that verifies the secured content where it lies, with
     * {@link SecuritySuite0#unprotect(SystemTitle, CipheringKeys, byte[], int, int, byte[], int)}. Offsets in errors
     * count from {@code offset}.
     *
     * @throws MalformedApdu naming the offset, tag or lengths that are wrong
     * @throws IndexOutOfBoundsException when the range is not inside {@code apdu}
     */
    public static Located locate(byte[] apdu, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(apdu, "apdu").length);
        Reader reader = new Reader(apdu, offset, offset + length);
        int tag = reader.u8();
        if (tag != TAG) {
            throw new MalformedApdu(0, "expected general-glo-ciphering tag 0xDB, found " + Hex.byteHex(tag));
        }
        int titleOffset = reader.position - offset;
        int titleLength = reader.length();
        if (titleLength != SystemTitle.LENGTH) {
            throw new MalformedApdu(titleOffset, "system title length " + titleLength + "; expected 8");
        }
        long title = reader.u64();
        int lengthOffset = reader.position - offset;
        int contentLength = reader.length();
        if (contentLength != reader.remaining()) {
            throw new MalformedApdu(
                    lengthOffset,
                    "secured content length " + contentLength + " but " + reader.remaining() + " bytes follow");
        }
        return new Located(new SystemTitle(title), reader.position, contentLength);
    }

    /**
     * Where the parts of an APDU lie, as {@link #locate} found them; holds no bytes.
     *
     * @param systemTitle the sender's system title
     * @param contentOffset offset of the secured content (SC ‖ IC ‖ ... ‖ tag) in the array given to {@link #locate}
     * @param contentLength its length: it runs to the end of the APDU
     */
    public record Located(SystemTitle systemTitle, int contentOffset, int contentLength) {
        public Located {
            Objects.requireNonNull(systemTitle, "systemTitle");
        }
    }

    /** The untagged header fields, read with the truncation messages of {@link AxdrReader}. */
    private static final class Reader {
        private final byte[] bytes;
        private final int start;
        private final int end;
        private int position;

        Reader(byte[] bytes, int start, int end) {
            this.bytes = bytes;
            this.start = start;
            this.end = end;
            this.position = start;
        }

        int remaining() {
            return end - position;
        }

        int u8() {
            require(1, "1 byte");
            return bytes[position++] & 0xFF;
        }

        long u64() {
            require(8, "8 bytes");
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (bytes[position++] & 0xFF);
            }
            return value;
        }

        int length() {
            int at = position;
            int first = u8();
            if (first < 0x80) {
                return first;
            }
            if (first == 0x81) {
                return u8();
            }
            if (first == 0x82) {
                require(2, "2 bytes");
                return (u8() << 8) | u8();
            }
            throw new MalformedApdu(at - start, "unsupported A-XDR length form " + Hex.byteHex(first));
        }

        private void require(int count, String what) {
            if (count > remaining()) {
                throw new MalformedApdu(
                        position - start, "truncated: need " + what + ", " + remaining() + " bytes remain");
            }
        }
    }

    /** The sender's system title. */
    public SystemTitle systemTitle() {
        return systemTitle;
    }

    /** A copy of the secured content, SC ‖ IC ‖ ... ‖ tag. */
    public byte[] securedContent() {
        return securedContent.clone();
    }

    @Override
    public String toString() {
        return "GeneralGloCiphering[" + systemTitle + ", " + securedContent.length + " bytes]";
    }
}
