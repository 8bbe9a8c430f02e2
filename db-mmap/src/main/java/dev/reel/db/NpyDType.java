package dev.reel.db;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The NumPy element types reel reads: what fractalshades writes for {@code .postdb} pictures
 * ({@code |u1}), {@code .db} fields ({@code <f4}) and one-channel final-render backups
 * ({@code |b1}, {@code <i4}), plus the other byte order and double precision for files written by
 * other tools.
 *
 * <p>Each constant knows its {@linkplain #descr() canonical descr} (the string {@code numpy}
 * writes), its {@linkplain #itemSize() size} and its {@linkplain #byteOrder() byte order}.
 * {@link #ofDescr(String)} also accepts the spellings that NumPy treats as the same type
 * ({@code <u1} for {@code |u1}, for example). Anything else, including native order {@code =},
 * structured types and {@code |i1}, is unsupported.
 */
public enum NpyDType {
    /** {@code |u1}: unsigned 8-bit integer, the type of RGB(A) pictures. */
    UINT8("|u1", "uint8", 1, ByteOrder.LITTLE_ENDIAN, "<u1", ">u1"),
    /** {@code |b1}: NumPy bool, one byte holding 0 or 1. */
    BOOL("|b1", "bool", 1, ByteOrder.LITTLE_ENDIAN, "<b1", ">b1"),
    /** {@code <i4}: little-endian signed 32-bit integer. */
    INT32_LE("<i4", "int32", 4, ByteOrder.LITTLE_ENDIAN),
    /** {@code <f4}: little-endian 32-bit float, the type of fractalshades {@code .db} fields. */
    FLOAT32_LE("<f4", "float32", 4, ByteOrder.LITTLE_ENDIAN),
    /** {@code >f4}: big-endian 32-bit float. */
    FLOAT32_BE(">f4", "float32", 4, ByteOrder.BIG_ENDIAN),
    /** {@code <f8}: little-endian 64-bit float. */
    FLOAT64_LE("<f8", "float64", 8, ByteOrder.LITTLE_ENDIAN);

    private final String descr;
    private final String typeName;
    private final int itemSize;
    private final ByteOrder byteOrder;
    private final List<String> aliases;

    NpyDType(String descr, String typeName, int itemSize, ByteOrder byteOrder, String... aliases) {
        this.descr = descr;
        this.typeName = typeName;
        this.itemSize = itemSize;
        this.byteOrder = byteOrder;
        this.aliases = List.of(aliases);
    }

    /** The descr string NumPy writes for this type, such as {@code <f4}. */
    public String descr() {
        return descr;
    }

    /** NumPy's name for the type without its byte order, such as {@code float32}. */
    public String typeName() {
        return typeName;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /**
     * The order of the bytes of one element. One-byte types have no order; they report
     * {@link ByteOrder#LITTLE_ENDIAN} so a buffer can be set to it without a special case.
     */
    public ByteOrder byteOrder() {
        return byteOrder;
    }

    /**
     * The type a header's {@code descr} names, or empty when reel does not support it. Matching is
     * exact: {@code <f4} and {@code >f4} are different types, {@code =f4} and {@code f4} are
     * unsupported.
     *
     * @param descr the {@code descr} value of an {@code .npy} header
     */
    public static Optional<NpyDType> ofDescr(String descr) {
        for (NpyDType type : values()) {
            if (type.descr.equals(descr) || type.aliases.contains(descr)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The canonical descr strings of all supported types, comma separated, for error messages. */
    static String supportedDescrs() {
        return Arrays.stream(values()).map(NpyDType::descr).collect(Collectors.joining(", "));
    }
}
