package org.meterguard.audit;

/**
 * Layout of an export: everything an offline verifier needs, in one file. A header,
 *
 * <pre>
 *  0                      8              12             16                      24
 *  +----------------------+--------------+--------------+-----------------------+
 *  | magic "MGAUDEXP"     | version = 1  | reserved = 0 | first entry index = 0 |
 *  | 8 ASCII bytes        | uint32       | uint32       | uint64                |
 *  +----------------------+--------------+--------------+-----------------------+
 * </pre>
 *
 * then the journal's records from entry 0 on, exactly as {@link JournalDescriptor} frames them (entries and every
 * signed tree head, in the order the log wrote them), then one {@link JournalDescriptor#TYPE_EXPORT_END} record whose
 * payload is a signed tree head covering every entry of the export, and nothing after it.
 *
 * <p>The end record is what makes a cut-off export visible: a file cut anywhere lacks it. It cannot make a cleverly
 * shortened export visible, one cut right after an earlier signed head and closed with a forged end record around
 * that genuine head; no unsigned marker can. Against that, compare the export with a tree head obtained separately
 * (from the log's API, a witness, an earlier audit): {@link ExportVerifier#verify(java.nio.file.Path,
 * SignedTreeHead)}, {@code --head} on the command line.
 */
public final class ExportDescriptor {
    /** The export magic, "MGAUDEXP" in ASCII. */
    public static final long MAGIC = 0x4d47_4155_4445_5850L;
    /** The export format version. */
    public static final int VERSION = 1;
    /** Length of the header. */
    public static final int HEADER_LENGTH = 24;
    /** Offset of the version in the header. */
    public static final int VERSION_OFFSET = 8;
    /** Offset of the reserved field in the header. */
    public static final int RESERVED_OFFSET = 12;
    /** Offset of the first entry index in the header. */
    public static final int FIRST_INDEX_OFFSET = 16;

    private ExportDescriptor() {}
}
