package dev.reel.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The header of a NumPy {@code .npy} file: what the array holds and where its raw bytes start.
 *
 * <p>{@link #read(Path)} and {@link #parse(String, ByteBuffer, long)} accept exactly the files
 * reel can map: format version 1.0, 2.0 or 3.0, a {@linkplain NpyDType supported dtype}, C order,
 * and a file at least as long as the header and the data it promises (trailing bytes are allowed).
 * Everything else is an {@link NpyFormatException} whose message names the file and the problem;
 * no input makes them throw anything else or run for long.
 *
 * <p>The canonical constructor checks only that the values are consistent (non-negative
 * dimensions, sizes that fit in a {@code long}) and throws {@link IllegalArgumentException}
 * otherwise; it does not restrict the version or the order.
 *
 * @param majorVersion the format's major version: 1, 2 or 3 for a header that was read
 * @param minorVersion the format's minor version: 0 for a header that was read
 * @param dtype the element type
 * @param fortranOrder whether the data is in Fortran (column-major) order; always false for a
 *     header that was read, since reel rejects such files
 * @param shape the array's dimensions, outermost first; empty for a scalar; unmodifiable
 * @param dataOffset bytes from the start of the file to the first data byte
 */
public record NpyHeader(
        int majorVersion,
        int minorVersion,
        NpyDType dtype,
        boolean fortranOrder,
        List<Long> shape,
        long dataOffset) {

    /** The longest header dict reel reads, in bytes; longer ones are treated as corrupt. */
    public static final int MAX_HEADER_LENGTH = 1 << 20;

    /** NumPy's own limit on the number of dimensions. */
    private static final int MAX_DIMENSIONS = 64;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Magic and version: enough to know how long the header length field is. */
    private static final int MAGIC_AND_VERSION = MAGIC.length + 2;

    /**
     * Checks the values are consistent and copies the shape.
     *
     * @throws IllegalArgumentException for a negative dimension or offset, or sizes past a long
     */
    public NpyHeader {
        Objects.requireNonNull(dtype, "dtype");
        shape = List.copyOf(shape);
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + shape);
            }
        }
        if (dataOffset < 0) {
            throw new IllegalArgumentException("negative data offset " + dataOffset);
        }
        long length = product(shape, dtype.itemSize());
        if (length < 0 || length > Long.MAX_VALUE - dataOffset) {
            throw new IllegalArgumentException("shape " + shape + " of " + dtype.descr()
                    + " at offset " + dataOffset + " does not fit in a 64-bit file size");
        }
    }

    /**
     * Reads and checks the header of an {@code .npy} file. The file is opened read-only and only
     * its header is read, never its data, so this is cheap however large the file is.
     *
     * @param file the file; error messages name it as given
     * @throws NpyFormatException if the file is not an {@code .npy} file reel can read, or is
     *     shorter than its header promises
     * @throws IOException if the file cannot be opened or read
     */
    public static NpyHeader read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file.toString(), channel);
        }
    }

    /** {@link #read(Path)} on an open channel: reads from position 0, and only the header. */
    static NpyHeader read(String fileName, SeekableByteChannel channel) throws IOException {
        long fileSize = channel.size();
        ByteBuffer start = readStart(fileName, channel, Math.min(fileSize, MAGIC_AND_VERSION));
        int fixedLength = checkMagicAndVersion(fileName, start, fileSize);
        ByteBuffer fixed = readStart(fileName, channel, Math.min(fileSize, fixedLength));
        long prefixLength = prefixLength(fileName, fixed, fileSize, fixedLength);
        return parse(fileName, readStart(fileName, channel, prefixLength), fileSize);
    }

    /**
     * Parses and checks a header from the first bytes of a file.
     *
     * @param fileName the file's name, for error messages
     * @param prefix the file's first bytes, from the buffer's position: at least the whole header
     *     (magic, version, length field and dict), or the whole file if it is shorter; bytes past
     *     the header are ignored; the buffer's position and limit are left unchanged
     * @param fileSize the file's full length in bytes, to check that the data is all there
     * @throws NpyFormatException if the bytes are not an {@code .npy} header reel can read, or
     *     promise more data than {@code fileSize} holds
     * @throws IllegalArgumentException if {@code prefix} holds more than {@code fileSize} bytes,
     *     or less than the header while the file is long enough to hold it
     */
    public static NpyHeader parse(String fileName, ByteBuffer prefix, long fileSize)
            throws NpyFormatException {
        Objects.requireNonNull(fileName, "fileName");
        if (fileSize < prefix.remaining()) {
            throw new IllegalArgumentException("prefix holds " + prefix.remaining()
                    + " bytes but the file size is " + fileSize);
        }
        ByteBuffer bytes = prefix.slice().order(ByteOrder.LITTLE_ENDIAN);
        int fixedLength = checkMagicAndVersion(fileName, bytes, fileSize);
        int dataOffset = Math.toIntExact(prefixLength(fileName, bytes, fileSize, fixedLength));
        requireAvailable(bytes, dataOffset, fileSize);
        int major = bytes.get(MAGIC.length) & 0xff;
        int minor = bytes.get(MAGIC.length + 1) & 0xff;
        String text = decode(fileName, bytes.slice(fixedLength, dataOffset - fixedLength), major);
        HeaderDict dict = new HeaderDict(fileName, text, dataOffset).parse();

        NpyDType dtype = NpyDType.ofDescr(dict.descr).orElseThrow(() -> new NpyFormatException(
                fileName, "unsupported dtype " + quote(dict.descr)
                        + " (supported: " + NpyDType.supportedDescrs() + ")"));
        if (dict.fortranOrder) {
            throw new NpyFormatException(fileName, "Fortran order is not supported; save with C order");
        }
        List<Long> shape = dict.shape;
        long dataLength = product(shape, dtype.itemSize());
        if (dataLength < 0) {
            throw new NpyFormatException(fileName, "shape " + shapeString(shape) + " " + dtype.descr()
                    + " holds more bytes than a 64-bit length can count");
        }
        if (dataLength > fileSize - dataOffset) {
            throw new NpyFormatException(fileName, "file is truncated: shape " + shapeString(shape)
                    + " " + dtype.descr() + " needs " + dataLength + " data bytes after the "
                    + dataOffset + "-byte header (" + (dataOffset + dataLength)
                    + " bytes in all), but the file has " + fileSize + " bytes");
        }
        return new NpyHeader(major, minor, dtype, false, shape, dataOffset);
    }

    /** The number of dimensions: 0 for a scalar. */
    public int ndim() {
        return shape.size();
    }

    /** The number of elements: the product of the dimensions (1 for a scalar). */
    public long elementCount() {
        return product(shape, 1); // cannot overflow: the constructor checked the byte count
    }

    /** The length of the data in bytes: {@link #elementCount()} times the item size. */
    public long dataLength() {
        return elementCount() * dtype.itemSize();
    }

    /** The shape as Python writes a tuple: {@code (480, 1440, 4)}, {@code (5,)} or {@code ()}. */
    public String shapeString() {
        return shapeString(shape);
    }

    /**
     * Checks that the array is a picture as fractalshades writes it to a {@code .postdb}: shape
     * (rows, columns, 3 or 4) of {@code |u1}, with at least one row and one column.
     *
     * @param fileName the file's name, for the error message
     * @return this header
     * @throws NpyFormatException naming the expected and the actual shape and dtype otherwise
     */
    public NpyHeader requirePicture(String fileName) throws NpyFormatException {
        String expected = "expected a (rows, columns, 3 or 4) uint8 picture";
        String got = "got shape " + shapeString() + " " + dtype.descr();
        boolean pictureLike = ndim() == 3 && dtype == NpyDType.UINT8
                && (shape.get(2) == 3 || shape.get(2) == 4);
        if (!pictureLike) {
            throw new NpyFormatException(fileName, expected + ", " + got);
        }
        if (shape.get(0) == 0 || shape.get(1) == 0) {
            throw new NpyFormatException(fileName, expected + " with at least one row and column, " + got);
        }
        return this;
    }

    // ---- the fixed part: magic, version, header length ----

    /** Checks magic and version; returns the length of the fixed part (10 or 12 bytes). */
    private static int checkMagicAndVersion(String fileName, ByteBuffer bytes, long fileSize)
            throws NpyFormatException {
        int available = Math.min(bytes.remaining(), MAGIC.length);
        for (int i = 0; i < available; i++) {
            if (bytes.get(i) != MAGIC[i]) {
                throw new NpyFormatException(fileName, "not a NumPy .npy file (bad magic bytes)");
            }
        }
        if (fileSize < MAGIC_AND_VERSION) {
            throw new NpyFormatException(fileName, "not a NumPy .npy file (only " + fileSize
                    + " bytes, too short for an .npy header)");
        }
        requireAvailable(bytes, MAGIC_AND_VERSION, fileSize);
        int major = bytes.get(MAGIC.length) & 0xff;
        int minor = bytes.get(MAGIC.length + 1) & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new NpyFormatException(fileName, "unsupported .npy format version " + major + "."
                    + minor + " (reel reads 1.0, 2.0 and 3.0)");
        }
        // Version 1 has a uint16 header length; versions 2 and 3 a uint32.
        return major == 1 ? MAGIC_AND_VERSION + 2 : MAGIC_AND_VERSION + 4;
    }

    /** Reads the header length field; returns the offset of the data (the whole prefix length). */
    private static long prefixLength(String fileName, ByteBuffer bytes, long fileSize, int fixedLength)
            throws NpyFormatException {
        if (fileSize < fixedLength) {
            throw new NpyFormatException(fileName, "file is truncated: " + fileSize
                    + " bytes end inside the .npy header length field");
        }
        requireAvailable(bytes, fixedLength, fileSize);
        ByteBuffer le = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = fixedLength == MAGIC_AND_VERSION + 2
                ? Short.toUnsignedLong(le.getShort(MAGIC_AND_VERSION))
                : Integer.toUnsignedLong(le.getInt(MAGIC_AND_VERSION));
        if (headerLength > MAX_HEADER_LENGTH) {
            throw new NpyFormatException(fileName, "header length " + headerLength
                    + " bytes is implausibly large (at most " + MAX_HEADER_LENGTH + " allowed)");
        }
        long prefixLength = fixedLength + headerLength;
        if (prefixLength > fileSize) {
            throw new NpyFormatException(fileName, "header length " + headerLength
                    + " runs past the end of the file (the header needs " + prefixLength
                    + " bytes, the file has " + fileSize + ")");
        }
        return prefixLength;
    }

    /** A prefix shorter than the file and than the header is the caller's mistake, not the file's. */
    private static void requireAvailable(ByteBuffer bytes, long needed, long fileSize) {
        if (bytes.remaining() < needed) {
            throw new IllegalArgumentException("prefix holds " + bytes.remaining() + " bytes of a "
                    + fileSize + "-byte file; the header needs " + needed);
        }
    }

    private static String decode(String fileName, ByteBuffer headerBytes, int major)
            throws NpyFormatException {
        if (major < 3) {
            return StandardCharsets.ISO_8859_1.decode(headerBytes).toString();
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(headerBytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new NpyFormatException(fileName, "version 3.0 header is not valid UTF-8");
        }
    }

    private static ByteBuffer readStart(String fileName, SeekableByteChannel channel, long length)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(length));
        channel.position(0);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new NpyFormatException(fileName, "file ended while its header was read"
                        + " (was it truncated while being opened?)");
            }
        }
        return buffer.flip();
    }

    // ---- sizes and text ----

    /** The product of the dimensions and {@code factor}, or -1 if that overflows a long. */
    private static long product(List<Long> shape, long factor) {
        long count = factor;
        for (long dimension : shape) {
            if (dimension == 0) {
                return 0;
            }
        }
        for (long dimension : shape) {
            if (count > Long.MAX_VALUE / dimension) {
                return -1;
            }
            count *= dimension;
        }
        return count;
    }

    static String shapeString(List<Long> shape) {
        if (shape.size() == 1) {
            return "(" + shape.get(0) + ",)";
        }
        return shape.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }

    /** Header text quoted for a message, cut short so a corrupt header cannot flood it. */
    static String quote(String text) {
        int limit = 40;
        return text.length() <= limit ? "'" + text + "'" : "'" + text.substring(0, limit) + "...'";
    }

    // ---- the dict ----

    /**
     * A strict reader of the header's Python dict literal: quoted keys and strings (no escapes),
     * True/False, and tuples of non-negative decimal integers. One pass, no backtracking, no
     * recursion: every step consumes a character or fails.
     */
    private static final class HeaderDict {
        private static final List<String> KEYS = List.of("descr", "fortran_order", "shape");

        private final String fileName;
        private final String text;
        private final long dataOffset;
        private int pos;

        private String descr;
        private Boolean fortranOrder;
        private List<Long> shape;

        HeaderDict(String fileName, String text, long dataOffset) {
            this.fileName = fileName;
            this.text = text;
            this.dataOffset = dataOffset;
        }

        HeaderDict parse() throws NpyFormatException {
            skipSpace();
            if (pos == text.length()) {
                throw fail("header is empty; expected a dict such as {'descr': '<f4', 'fortran_order': False,"
                        + " 'shape': (2, 3), }");
            }
            if (text.charAt(pos) != '{') {
                throw fail("header is not a dict: it starts with " + found());
            }
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
            } else {
                readEntries();
            }
            checkPadding();
            for (String key : KEYS) {
                if (value(key) == null) {
                    throw fail("header lacks the key '" + key + "'");
                }
            }
            return this;
        }

        /** Entries up to and including the closing brace; a trailing comma is allowed. */
        private void readEntries() throws NpyFormatException {
            while (true) {
                int keyAt = pos;
                if (peek() != '\'' && peek() != '"') {
                    throw fail("expected a quoted key at header offset " + pos + ", found " + found());
                }
                String key = readString();
                if (!KEYS.contains(key)) {
                    throw fail("unexpected key " + quote(key) + " at header offset " + keyAt
                            + " (an .npy header has exactly 'descr', 'fortran_order' and 'shape')");
                }
                if (value(key) != null) {
                    throw fail("duplicate key " + quote(key) + " at header offset " + keyAt);
                }
                skipSpace();
                expect(':', "after the key " + quote(key));
                skipSpace();
                switch (key) {
                    case "descr" -> descr = readDescr();
                    case "fortran_order" -> fortranOrder = readBoolean();
                    default -> shape = readShape();
                }
                skipSpace();
                int separator = peek();
                if (separator != ',' && separator != '}') {
                    throw fail("expected ',' or '}' after the value of " + quote(key) + ", found " + found());
                }
                pos++;
                if (separator == '}') {
                    return;
                }
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    return;
                }
            }
        }

        private Object value(String key) {
            return switch (key) {
                case "descr" -> descr;
                case "fortran_order" -> fortranOrder;
                default -> shape;
            };
        }

        /**
         * After the dict, numpy pads with spaces and ends with a newline at exactly the data
         * offset; anything else means the length field and the dict disagree.
         */
        private void checkPadding() throws NpyFormatException {
            int last = text.length() - 1;
            while (pos < last && text.charAt(pos) == ' ') {
                pos++;
            }
            boolean newlineAtEnd = pos == last && text.charAt(last) == '\n';
            if (pos < last || (pos == last && !newlineAtEnd && text.charAt(last) != ' ')) {
                throw fail("unexpected " + found() + " after the header dict at header offset " + pos
                        + " (the header length field says the data starts at byte " + dataOffset + ")");
            }
            if (!newlineAtEnd) {
                throw fail("header does not end with a newline (the header length field says the data"
                        + " starts at byte " + dataOffset + ")");
            }
        }

        private String readDescr() throws NpyFormatException {
            if (peek() == '[') {
                throw fail("unsupported dtype: structured arrays (a list 'descr') are not supported"
                        + " (supported: " + NpyDType.supportedDescrs() + ")");
            }
            if (peek() != '\'' && peek() != '"') {
                throw fail("expected a quoted dtype such as '<f4' as the value of 'descr', found " + found());
            }
            return readString();
        }

        private boolean readBoolean() throws NpyFormatException {
            int start = pos;
            while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
                pos++;
            }
            String word = text.substring(start, pos);
            if (word.equals("True")) {
                return true;
            }
            if (word.equals("False")) {
                return false;
            }
            pos = start;
            throw fail("expected True or False as the value of 'fortran_order', found " + found());
        }

        private List<Long> readShape() throws NpyFormatException {
            if (peek() != '(') {
                throw fail("expected a tuple such as (480, 1440, 4) as the value of 'shape', found "
                        + found());
            }
            pos++;
            List<Long> dimensions = new ArrayList<>();
            skipSpace();
            if (peek() == ')') {
                pos++;
                return dimensions;
            }
            while (true) {
                dimensions.add(readDimension());
                if (dimensions.size() > MAX_DIMENSIONS) {
                    throw fail("shape has more than " + MAX_DIMENSIONS + " dimensions; NumPy allows at most "
                            + MAX_DIMENSIONS);
                }
                skipSpace();
                int separator = peek();
                if (separator != ',' && separator != ')') {
                    throw fail("expected ',' or ')' in 'shape', found " + found());
                }
                pos++;
                if (separator == ')') {
                    if (dimensions.size() == 1) {
                        long only = dimensions.get(0);
                        throw fail("'shape' (" + only + ") is not a tuple; a 1-d shape is written (" + only + ",)");
                    }
                    return dimensions;
                }
                skipSpace();
                if (peek() == ')') {
                    pos++;
                    return dimensions;
                }
            }
        }

        private long readDimension() throws NpyFormatException {
            if (peek() == '-') {
                throw fail("'shape' has a negative dimension at header offset " + pos);
            }
            if (!isDigit(peek())) {
                throw fail("expected a non-negative integer in 'shape', found " + found());
            }
            int start = pos;
            long value = 0;
            while (isDigit(peek())) {
                int digit = text.charAt(pos) - '0';
                if (value > (Long.MAX_VALUE - digit) / 10) {
                    throw fail("'shape' dimension at header offset " + start + " is too large (more than "
                            + Long.MAX_VALUE + ")");
                }
                value = value * 10 + digit;
                pos++;
            }
            if (text.charAt(start) == '0' && pos - start > 1) {
                throw fail("'shape' dimension " + quote(text.substring(start, pos)) + " has a leading zero");
            }
            return value;
        }

        /** A string in single or double quotes, without escapes; pos is at the opening quote. */
        private String readString() throws NpyFormatException {
            int start = pos;
            char quoteChar = text.charAt(pos++);
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == quoteChar) {
                    pos++;
                    return text.substring(start + 1, pos - 1);
                }
                if (c == '\\') {
                    throw fail("escape sequences in header strings are not supported (at header offset "
                            + pos + ")");
                }
                if (c == '\n' || c == '\r') {
                    break;
                }
                pos++;
            }
            throw fail("unterminated string starting at header offset " + start
                    + " (the header length field says the data starts at byte " + dataOffset + ")");
        }

        private void expect(char wanted, String where) throws NpyFormatException {
            if (peek() != wanted) {
                throw fail("expected '" + wanted + "' " + where + ", found " + found());
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private int peek() {
            return pos < text.length() ? text.charAt(pos) : -1;
        }

        private static boolean isDigit(int c) {
            return c >= '0' && c <= '9';
        }

        /** What is at pos, for a message. */
        private String found() {
            if (pos >= text.length()) {
                return "the end of the header (the header length field says the data starts at byte "
                        + dataOffset + ")";
            }
            char c = text.charAt(pos);
            if (c >= 0x21 && c < 0x7f) {
                return "'" + c + "'";
            }
            return String.format("U+%04X", (int) c);
        }

        private NpyFormatException fail(String problem) {
            return new NpyFormatException(fileName, problem);
        }
    }
}
