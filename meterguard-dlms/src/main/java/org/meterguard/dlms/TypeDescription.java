package org.meterguard.dlms;

import java.util.List;
import java.util.Objects;

/**
 * The type description of an A-XDR compact-array (DLMS Blue Book, "TypeDescription"): a simple type named by its tag,
 * an array of a fixed number of elements of one description, or a structure of descriptions. On the wire:
 *
 * <pre>
 * simple     tag (1)
 * array      0x01 ‖ number of elements (2, big-endian) ‖ element description
 * structure  0x02 ‖ count (A-XDR length) ‖ element descriptions
 * </pre>
 *
 * @param type the described type: {@link DataType#ARRAY}, {@link DataType#STRUCTURE} or a simple type this codec reads
 * @param arrayLength the number of elements of an array, 0..65535; 0 for every other type
 * @param elements the single element description of an array, the descriptions of a structure, else empty; copied
 */
public record TypeDescription(DataType type, int arrayLength, List<TypeDescription> elements) {
    public TypeDescription {
        Objects.requireNonNull(type, "type");
        elements = List.copyOf(Objects.requireNonNull(elements, "elements"));
        if (type == DataType.ARRAY) {
            if (elements.size() != 1 || arrayLength < 0 || arrayLength > AxdrWriter.MAX_LENGTH) {
                throw new IllegalArgumentException("an array description needs one element description and 0..65535"
                        + " elements; got " + elements.size() + " descriptions and " + arrayLength + " elements");
            }
        } else if (type == DataType.STRUCTURE) {
            if (arrayLength != 0 || elements.size() > AxdrWriter.MAX_LENGTH) {
                throw new IllegalArgumentException("a structure description has at most 65535 elements and no length");
            }
        } else if (!isSimple(type) || arrayLength != 0 || !elements.isEmpty()) {
            throw new IllegalArgumentException(type.dlmsName() + " cannot be described inside a compact-array here");
        }
    }

    /** A simple type, for example {@code simple(DataType.LONG_UNSIGNED)}. */
    public static TypeDescription simple(DataType type) {
        return new TypeDescription(type, 0, List.of());
    }

    /** An array of {@code length} elements described by {@code element}. */
    public static TypeDescription array(int length, TypeDescription element) {
        return new TypeDescription(DataType.ARRAY, length, List.of(element));
    }

    /** A structure of these element descriptions. */
    public static TypeDescription structure(TypeDescription... elements) {
        return new TypeDescription(DataType.STRUCTURE, 0, List.of(elements));
    }

    /** Whether {@code type} is a simple type whose value this codec can carry in a compact-array. */
    static boolean isSimple(DataType type) {
        return switch (type) {
            case NULL_DATA,
                    BOOLEAN,
                    BIT_STRING,
                    OCTET_STRING,
                    VISIBLE_STRING,
                    UTF8_STRING,
                    FLOAT32,
                    FLOAT64,
                    DATE_TIME -> true;
            default -> type.width() > 0;
        };
    }

    /** Whether {@code value} has the shape this description describes (types, counts, nested). */
    public boolean describes(DataValue value) {
        if (value.type() != type) {
            return false;
        }
        if (value instanceof DataValue.Array array) {
            return array.elements().size() == arrayLength
                    && array.elements().stream().allMatch(e -> elements.get(0).describes(e));
        }
        if (value instanceof DataValue.Structure structure) {
            if (structure.elements().size() != elements.size()) {
                return false;
            }
            for (int i = 0; i < elements.size(); i++) {
                if (!elements.get(i).describes(structure.elements().get(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether every value of this description encodes to no bytes at all (null-data and containers of it). */
    boolean occupiesNoBytes() {
        return switch (type) {
            case NULL_DATA -> true;
            case ARRAY -> arrayLength == 0 || elements.get(0).occupiesNoBytes();
            case STRUCTURE -> elements.stream().allMatch(TypeDescription::occupiesNoBytes);
            default -> false;
        };
    }

    /** Writes the description. */
    void encode(AxdrWriter writer) {
        writer.rawUint8(type.tag());
        if (type == DataType.ARRAY) {
            writer.rawUint16(arrayLength);
            elements.get(0).encode(writer);
        } else if (type == DataType.STRUCTURE) {
            writer.length(elements.size());
            elements.forEach(e -> e.encode(writer));
        }
    }
}
