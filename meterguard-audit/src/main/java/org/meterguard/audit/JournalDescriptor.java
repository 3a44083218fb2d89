package org.meterguard.audit;

/**
 * Layout of the journal's segment files and of the records in them; exports use the same records (see
 * {@link ExportDescriptor}).
 *
 * <p>A journal is a directory of segment files named by the index of their first entry, as 20 decimal digits, with
 * the suffix {@value #SEGMENT_SUFFIX} ({@code 00000000000001048576.mgaudit}). Each starts with a header:
 *
 * <pre>
 *  0                      8              12             16                      24
 *  +----------------------+--------------+--------------+-----------------------+
 *  | magic "MGAUDSEG"     | version = 1  | reserved = 0 | first entry index     |
 *  | 8 ASCII bytes        | uint32       | uint32       | uint64                |
 *  +----------------------+--------------+--------------+-----------------------+
 * </pre>
 *
 * followed by records, each framed as:
 *
 * <pre>
 *  0            4                    12     13                          13+n       17+n
 *  +------------+--------------------+------+---------------------------+----------+
 *  | length n   | position           | type | payload                   | crc32c   |
 *  | uint32     | uint64             | u8   | n bytes                   | uint32   |
 *  +------------+--------------------+------+---------------------------+----------+
 * </pre>
 *
 * <ul>
 *   <li>{@code position} is the number of entries before the record in the log: an entry's leaf index, or a tree
 *       head's tree size. A deleted, repeated or moved record therefore shows at once.
 *   <li>{@code type} {@value #TYPE_ENTRY} is an entry, whose payload is the entry's bytes. The type byte is the RFC
 *       9162 leaf prefix, so bytes 12 to 13+n are exactly the input of the entry's leaf hash; it is stored rather than
 *       implied so that hashing an entry is one digest call over the record. {@value #TYPE_TREE_HEAD} is a signed
 *       tree head ({@link TreeHeadDescriptor}, 146 bytes) for the entries before it. {@value #TYPE_EXPORT_END} ends
 *       an export. 0x01, the node prefix, is never a type.
 *   <li>{@code crc32c} (Castagnoli, as {@link java.util.zip.CRC32C}) covers bytes 0 to 13+n. It finds torn writes and
 *       damage, not tampering: anyone can recompute it, and only the signed heads bind the content.
 * </ul>
 *
 * All integers are big-endian; a length above {@link #MAX_PAYLOAD} is never valid.
 */
public final class JournalDescriptor {
    /** The segment file name suffix. */
    public static final String SEGMENT_SUFFIX = ".mgaudit";
    /** The segment magic, "MGAUDSEG" in ASCII. */
    public static final long SEGMENT_MAGIC = 0x4d47_4155_4453_4547L;
    /** The segment format version. */
    public static final int SEGMENT_VERSION = 1;
    /** Offset of the first entry index in the segment header. */
    public static final int SEGMENT_FIRST_INDEX_OFFSET = 16;
    /** Length of the segment header. */
    public static final int SEGMENT_HEADER_LENGTH = 24;

    /** Offset of the payload length in a record. */
    public static final int LENGTH_OFFSET = 0;
    /** Offset of the position in a record. */
    public static final int POSITION_OFFSET = 4;
    /** Offset of the type in a record. */
    public static final int TYPE_OFFSET = 12;
    /** Offset of the payload in a record. */
    public static final int PAYLOAD_OFFSET = 13;
    /** Length of the CRC after the payload. */
    public static final int CRC_LENGTH = 4;
    /** Bytes a record adds to its payload. */
    public static final int FRAMING_LENGTH = PAYLOAD_OFFSET + CRC_LENGTH;

    /** An entry; equal to the RFC 9162 leaf hash prefix. */
    public static final byte TYPE_ENTRY = 0x00;
    /** A signed tree head. */
    public static final byte TYPE_TREE_HEAD = 0x02;
    /** The end of an export, with the signed tree head that covers the whole export. */
    public static final byte TYPE_EXPORT_END = 0x03;

    /** The largest entry, 1 MiB. */
    public static final int MAX_ENTRY_LENGTH = 1 << 20;
    /** The largest payload of any record. */
    public static final int MAX_PAYLOAD = MAX_ENTRY_LENGTH;
    /** The largest record. */
    public static final int MAX_RECORD_LENGTH = MAX_PAYLOAD + FRAMING_LENGTH;

    private JournalDescriptor() {}

    /** The length of the record carrying {@code payloadLength} bytes. */
    public static int recordLength(int payloadLength) {
        return FRAMING_LENGTH + payloadLength;
    }
}
