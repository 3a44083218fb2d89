package org.meterguard.dlms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Recursive A-XDR decoding of {@link DataValue} trees with a depth limit (package-private). */
final class DataValueCodec {
    private DataValueCodec() {}

    static DataValue decode(AxdrReader reader, int depth) {
        int offset = reader.position();
        int tag = reader.peekTag();
        DataType type = DataType.fromTag(tag);
        if (type == null) {
            throw reader.malformed(offset, "unknown data type tag " + Hex.byteHex(tag));
        }
        return switch (type) {
            case NULL_DATA -> {
                reader.readNullData();
                yield new DataValue.NullData();
            }
            case ARRAY -> {
                checkDepth(reader, offset, depth);
                yield new DataValue.Array(elements(reader, reader.readArray(), depth));
            }
            case STRUCTURE -> {
                checkDepth(reader, offset, depth);
                yield new DataValue.Structure(elements(reader, reader.readStructure(), depth));
            }
            case BOOLEAN -> new DataValue.Bool(reader.readBoolean());
            case BIT_STRING -> reader.readBitString();
            case OCTET_STRING -> new DataValue.OctetString(reader.readOctetString());
            case VISIBLE_STRING -> new DataValue.VisibleString(reader.readVisibleString());
            case UTF8_STRING -> new DataValue.Utf8String(reader.readUtf8String());
            case FLOAT32 -> new DataValue.Float32(reader.readFloat32());
            case FLOAT64 -> new DataValue.Float64(reader.readFloat64());
            case DATE_TIME -> new DataValue.DateTime(reader.readDateTime());
            case COMPACT_ARRAY -> {
                checkDepth(reader, offset, depth);
                yield CompactArrayCodec.decode(reader, depth + 1);
            }
            default -> scalar(reader, offset, type);
        };
    }

    private static DataValue scalar(AxdrReader reader, int offset, DataType type) {
        if (type.width() == 0) {
            throw new UnsupportedDataType(offset, type);
        }
        return new DataValue.IntegerValue(type, reader.readIntegerOf(type));
    }

    private static void checkDepth(AxdrReader reader, int offset, int depth) {
        if (depth >= DataValue.MAX_DEPTH) {
            throw reader.malformed(offset, "data nested deeper than " + DataValue.MAX_DEPTH + " levels");
        }
    }

    private static List<DataValue> elements(AxdrReader reader, int count, int depth) {
        // count never exceeds the remaining bytes, so this allocation is bounded by the input size
        List<DataValue> elements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            elements.add(decode(reader, depth + 1));
        }
        return elements;
    }

    static List<DataValue> checkedElements(List<DataValue> elements, String what) {
        List<DataValue> copy = List.copyOf(Objects.requireNonNull(elements, what));
        if (copy.size() > AxdrWriter.MAX_LENGTH) {
            throw new IllegalArgumentException(what + " of " + copy.size() + " elements exceeds 65535");
        }
        return copy;
    }
}
