package org.meterguard.dlms;

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
        Objects.requireNonNull(systemTitle, "systemTitle");
        AxdrWriter writer = new AxdrWriter(securedContent.length + 16);
        return writer.rawUint8(TAG)
                .length(SystemTitle.LENGTH)
                .rawBytes(systemTitle.toBytes())
                .length(securedContent.length)
                .rawBytes(securedContent)
                .toByteArray();
    }

    /**
     * Decodes a complete APDU; the length must cover exactly the rest of the input.
     *
     * @throws MalformedApdu naming the offset, tag or lengths that are wrong
     */
    public static GeneralGloCiphering decode(byte[] apdu) {
        AxdrReader reader = new AxdrReader(apdu);
        int tag = reader.readRawUint8();
        if (tag != TAG) {
            throw reader.malformed(0, "expected general-glo-ciphering tag 0xDB, found " + Hex.byteHex(tag));
        }
        int titleOffset = reader.position();
        int titleLength = reader.readLength();
        if (titleLength != SystemTitle.LENGTH) {
            throw reader.malformed(titleOffset, "system title length " + titleLength + "; expected 8");
        }
        SystemTitle title = SystemTitle.of(reader.readRawBytes(SystemTitle.LENGTH));
        int lengthOffset = reader.position();
        int length = reader.readLength();
        if (length != reader.remaining()) {
            throw reader.malformed(
                    lengthOffset, "secured content length " + length + " but " + reader.remaining() + " bytes follow");
        }
        return new GeneralGloCiphering(title, reader.readRawBytes(length));
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
