package org.meterguard.dlms;

/**
 * A well-known A-XDR data type this codec deliberately does not decode (compact-array, bcd, date, time and the delta
 * types). The message names the type, its tag and the offset.
 */
public final class UnsupportedDataType extends DlmsException {
    /**
     * @param offset zero-based offset of the tag byte
     * @param type the unsupported type
     */
    public UnsupportedDataType(int offset, DataType type) {
        super("unsupported data type " + type.dlmsName() + " (tag " + Hex.byteHex(type.tag()) + ") at offset "
                + offset);
    }
}
