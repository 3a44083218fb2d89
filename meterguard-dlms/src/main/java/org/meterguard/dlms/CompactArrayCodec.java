package org.meterguard.dlms;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes compact-array (tag 0x13) contents: the {@link TypeDescription}, then an octet-string holding the
 * elements one after another without tags (package-private).
 */
final class CompactArrayCodec {
    private CompactArrayCodec() {}

    static void encode(AxdrWriter writer, TypeDescription description, List<DataValue> elements) {
        AxdrWriter contents = new AxdrWriter();
        for (DataValue element : elements) {
            writeUntagged(contents, element);
        }
        writer.rawUint8(DataType.COMPACT_ARRAY.tag());
        description.encode(writer);
        writer.length(contents.size()).rawBytes(contents.toByteArray());
    }

    private static void writeUntagged(AxdrWriter out, DataValue value) {
        if (value instanceof DataValue.Array a) {
            a.elements().forEach(e -> writeUntagged(out, e));
        } else if (value instanceof DataValue.Structure s) {
            s.elements().forEach(e -> writeUntagged(out, e));
        } else if (!(value instanceof DataValue.NullData)) {
            // the tagged form minus its tag byte: write it to a scratch writer and drop the first byte
            byte[] tagged = value.toBytes();
            out.rawBytes(tagged, 1, tagged.length - 1);
        }
    }

    static DataValue.CompactArray decode(AxdrReader reader, int depth) {
        int offset = reader.position();
        if (reader.readRawUint8() != DataType.COMPACT_ARRAY.tag()) {
            throw reader.malformed(offset, "expected " + DataType.COMPACT_ARRAY.describe());
        }
        TypeDescription description = readDescription(reader, depth);
        int lengthOffset = reader.position();
        int length = reader.readLength();
        if (length > reader.remaining()) {
            throw reader.malformed(
                    lengthOffset,
                    "compact-array contents of " + length + " bytes overrun the " + reader.remaining()
                            + " remaining bytes");
        }
        if (length > 0 && description.occupiesNoBytes()) {
            throw reader.malformed(offset, "compact-array elements of no bytes cannot fill " + length + " bytes");
        }
        int end = reader.position() + length;
        List<DataValue> elements = new ArrayList<>();
        while (reader.position() < end) {
            int elementOffset = reader.position();
            DataValue element = readUntagged(reader, description, end);
            if (reader.position() > end) {
                throw reader.malformed(
                        elementOffset,
                        "compact-array element " + elements.size() + " runs past the end of the contents at offset "
                                + end);
            }
            elements.add(element);
        }
        return new DataValue.CompactArray(description, elements);
    }

    private static TypeDescription readDescription(AxdrReader reader, int depth) {
        int offset = reader.position();
        if (depth >= DataValue.MAX_DEPTH) {
            throw reader.malformed(offset, "type description nested deeper than " + DataValue.MAX_DEPTH + " levels");
        }
        int tag = reader.readRawUint8();
        DataType type = DataType.fromTag(tag);
        if (type == DataType.ARRAY) {
            int length = reader.readRawUint16();
            return TypeDescription.array(length, readDescription(reader, depth + 1));
        }
        if (type == DataType.STRUCTURE) {
            int countOffset = reader.position();
            int count = reader.readLength();
            if (count > reader.remaining()) {
                throw reader.malformed(
                        countOffset,
                        "structure description of " + count + " elements overruns the " + reader.remaining()
                                + " remaining bytes");
            }
            List<TypeDescription> elements = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                elements.add(readDescription(reader, depth + 1));
            }
            return new TypeDescription(DataType.STRUCTURE, 0, elements);
        }
        if (type == null || !TypeDescription.isSimple(type)) {
            throw reader.malformed(
                    offset, "type description " + DataType.describeTag(tag) + " is not supported in a compact-array");
        }
        return TypeDescription.simple(type);
    }

    private static DataValue readUntagged(AxdrReader reader, TypeDescription description, int end) {
        DataType type = description.type();
        if (type == DataType.ARRAY || type == DataType.STRUCTURE) {
            List<DataValue> elements = new ArrayList<>();
            int count = type == DataType.ARRAY
                    ? description.arrayLength()
                    : description.elements().size();
            for (int i = 0; i < count; i++) {
                if (reader.position() >= end && !description.occupiesNoBytes()) {
                    throw reader.malformed(
                            reader.position(),
                            "compact-array element truncated at the end of its" + " contents (" + type.dlmsName()
                                    + " element " + i + " of " + count + ")");
                }
                TypeDescription element = type == DataType.ARRAY
                        ? description.elements().get(0)
                        : description.elements().get(i);
                elements.add(readUntagged(reader, element, end));
            }
            return type == DataType.ARRAY ? new DataValue.Array(elements) : new DataValue.Structure(elements);
        }
        return reader.readUntagged(type);
    }
}
