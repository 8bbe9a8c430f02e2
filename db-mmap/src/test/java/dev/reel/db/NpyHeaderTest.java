package dev.reel.db;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpyHeaderTest {
    /** What numpy 2.4 writes for np.save(f, np.zeros((480, 1440, 4), np.uint8)), byte for byte. */
    private static final String NUMPY_PICTURE_HEADER = "\u0093NUMPY\u0001\u0000v\u0000"
            + "{'descr': '|u1', 'fortran_order': False, 'shape': (480, 1440, 4), }"
            + "                                                  \n";

    @TempDir
    Path dir;

    // ---- valid files ----

    @Test
    void readsTheHeaderNumpyWritesForAnRgbaPicture() throws IOException {
        byte[] prefix = NUMPY_PICTURE_HEADER.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(128, prefix.length);
        assertArrayEquals(prefix, NpyWriter.header(1, "|u1", false, 480, 1440, 4), "NpyWriter matches numpy");
        Path file = NpyWriter.writeSparse(dir.resolve("pan.postdb"), prefix, 480L * 1440 * 4);

        NpyHeader header = NpyHeader.read(file);

        assertEquals(new NpyHeader(1, 0, NpyDType.UINT8, false, List.of(480L, 1440L, 4L), 128), header);
        assertEquals(128, header.dataOffset());
        assertEquals(3, header.ndim());
        assertEquals(2_764_800L, header.elementCount());
        assertEquals(2_764_800L, header.dataLength());
        assertEquals("(480, 1440, 4)", header.shapeString());
        assertSame(header, header.requirePicture("pan.postdb"));
    }

    static Stream<Arguments> dtypesAndShapes() {
        List<long[]> shapes = List.of(new long[] {}, new long[] {7}, new long[] {3, 5}, new long[] {2, 3, 4});
        List<Arguments> cases = new ArrayList<>();
        for (NpyDType dtype : NpyDType.values()) {
            for (long[] shape : shapes) {
                cases.add(Arguments.of(dtype, shape));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("dtypesAndShapes")
    void roundTripsEveryDtypeAndRank(NpyDType dtype, long[] shape) throws IOException {
        int count = (int) LongStream.of(shape).reduce(1, Math::multiplyExact);
        byte[] data = NpyWriter.counting(dtype, count);
        Path file = NpyWriter.write(dir.resolve("a.npy"), NpyWriter.header(1, dtype.descr(), false, shape), data);

        NpyHeader header = NpyHeader.read(file);

        assertAll(
                () -> assertEquals(1, header.majorVersion()),
                () -> assertEquals(0, header.minorVersion()),
                () -> assertEquals(dtype, header.dtype()),
                () -> assertFalse(header.fortranOrder()),
                () -> assertEquals(Arrays.stream(shape).boxed().toList(), header.shape()),
                () -> assertEquals(shape.length, header.ndim()),
                () -> assertEquals(128, header.dataOffset()),
                () -> assertEquals(count, header.elementCount()),
                () -> assertEquals((long) count * dtype.itemSize(), header.dataLength()),
                () -> assertEquals(Files.size(file), header.dataOffset() + header.dataLength()));
        assertElementsAreCounting(file, header);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void readsVersion2And3Headers(int major) throws IOException {
        byte[] prefix = NpyWriter.header(major, "<f8", false, 3, 4);
        Path file = NpyWriter.write(dir.resolve("v.npy"), prefix, NpyWriter.counting(NpyDType.FLOAT64_LE, 12));

        NpyHeader header = NpyHeader.read(file);

        assertEquals(new NpyHeader(major, 0, NpyDType.FLOAT64_LE, false, List.of(3L, 4L), 128), header);
        assertElementsAreCounting(file, header);
    }

    @Test
    void readsAVersion2HeaderLongerThanAUint16() throws IOException {
        String dict = NpyWriter.dict(">f4", false, 2, 2) + " ".repeat(70_000);
        byte[] prefix = NpyWriter.wrap(2, dict);
        Path file = NpyWriter.write(dir.resolve("long.npy"), prefix, NpyWriter.counting(NpyDType.FLOAT32_BE, 4));

        NpyHeader header = NpyHeader.read(file);

        assertEquals(prefix.length, header.dataOffset());
        assertTrue(header.dataOffset() > 65_536 && header.dataOffset() % 64 == 0);
        assertEquals(NpyDType.FLOAT32_BE, header.dtype());
        assertElementsAreCounting(file, header);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'shape': (2, 3), 'fortran_order': False, 'descr': '<f4'}",
        "{'fortran_order': False, 'shape': (2, 3), 'descr': '<f4', }",
        "{'shape': (2, 3,), 'descr': '<f4', 'fortran_order': False}",
        "{\"fortran_order\": False, \"descr\": \"<f4\", \"shape\": (2, 3)}",
        "{'descr':'<f4','fortran_order':False,'shape':(2,3)}",
        "{ 'descr' : '<f4' ,\n 'shape' : ( 2 , 3 ) ,\t'fortran_order' : False , }",
        "   {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }",
    })
    void acceptsAnyKeyOrderQuotingAndSpacing(String dict) throws IOException {
        byte[] prefix = NpyWriter.wrap(1, dict);
        Path file = NpyWriter.write(dir.resolve("order.npy"), prefix, NpyWriter.counting(NpyDType.FLOAT32_LE, 6));

        NpyHeader header = NpyHeader.read(file);

        assertEquals(new NpyHeader(1, 0, NpyDType.FLOAT32_LE, false, List.of(2L, 3L), prefix.length), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<u1", ">u1", "<b1", ">b1"})
    void acceptsTheOtherSpellingsOfOneByteTypes(String descr) throws IOException {
        Path file = NpyWriter.write(dir.resolve("b.npy"), NpyWriter.header(1, descr, false, 4), new byte[4]);

        NpyDType dtype = NpyHeader.read(file).dtype();

        assertEquals(descr.endsWith("u1") ? NpyDType.UINT8 : NpyDType.BOOL, dtype);
    }

    @Test
    void allowsTrailingBytesAfterTheData() throws IOException {
        byte[] data = NpyWriter.counting(NpyDType.INT32_LE, 6);
        Path file = NpyWriter.write(dir.resolve("t.npy"), NpyWriter.header(1, "<i4", false, 2, 3),
                Arrays.copyOf(data, data.length + 100));

        NpyHeader header = NpyHeader.read(file);

        assertEquals(24, header.dataLength());
        assertEquals(Files.size(file) - 100, header.dataOffset() + header.dataLength());
    }

    @Test
    void acceptsEmptyArraysAndCountsZeroBytes() throws IOException {
        Path file = NpyWriter.write(dir.resolve("e.npy"), NpyWriter.header(1, "<f4", false, 0, 5), new byte[0]);

        NpyHeader header = NpyHeader.read(file);

        assertEquals(List.of(0L, 5L), header.shape());
        assertEquals(0, header.elementCount());
        assertEquals(0, header.dataLength());
    }

    @Test
    void aScalarHasOneElement() throws IOException {
        Path file = NpyWriter.write(dir.resolve("s.npy"), NpyWriter.header(1, "<f8", false),
                NpyWriter.counting(NpyDType.FLOAT64_LE, 1));

        NpyHeader header = NpyHeader.read(file);

        assertEquals(List.of(), header.shape());
        assertEquals("()", header.shapeString());
        assertEquals(1, header.elementCount());
        assertEquals(8, header.dataLength());
    }

    @Test
    void parseLeavesTheBufferAsItWasAndReadsFromItsPosition() throws IOException {
        byte[] prefix = NpyWriter.header(1, "<i4", false, 5);
        ByteBuffer buffer = ByteBuffer.allocate(prefix.length + 30);
        buffer.position(10).put(prefix).position(10).limit(10 + prefix.length);

        NpyHeader header = NpyHeader.parse("p.npy", buffer, prefix.length + 20);

        assertEquals(List.of(5L), header.shape());
        assertEquals(10, buffer.position());
        assertEquals(10 + prefix.length, buffer.limit());
        assertThrows(IllegalArgumentException.class,
                () -> NpyHeader.parse("p.npy", ByteBuffer.wrap(prefix, 0, 60), 1000),
                "a prefix cut short while the file is long enough is the caller's mistake");
        assertThrows(IllegalArgumentException.class,
                () -> NpyHeader.parse("p.npy", ByteBuffer.wrap(prefix), 10),
                "more prefix than file");
    }

    // ---- the value ----

    @Test
    void isAValueWithAnUnmodifiableShape() {
        List<Long> shape = new ArrayList<>(List.of(2L, 3L));
        NpyHeader a = new NpyHeader(1, 0, NpyDType.FLOAT32_LE, false, shape, 128);
        shape.set(0, 99L);

        assertEquals(List.of(2L, 3L), a.shape());
        assertThrows(UnsupportedOperationException.class, () -> a.shape().set(0, 1L));
        assertEquals(new NpyHeader(1, 0, NpyDType.FLOAT32_LE, false, List.of(2L, 3L), 128), a);
        assertEquals(new NpyHeader(1, 0, NpyDType.FLOAT32_LE, false, List.of(2L, 3L), 128).hashCode(), a.hashCode());
        assertNotEquals(new NpyHeader(1, 0, NpyDType.FLOAT32_LE, false, List.of(3L, 2L), 128), a);
        assertEquals("NpyHeader[majorVersion=1, minorVersion=0, dtype=FLOAT32_LE, fortranOrder=false,"
                + " shape=[2, 3], dataOffset=128]", a.toString());
        assertEquals("(2,)", new NpyHeader(1, 0, NpyDType.UINT8, false, List.of(2L), 0).shapeString());
    }

    @Test
    void constructorRejectsInconsistentValues() {
        assertThrows(IllegalArgumentException.class,
                () -> new NpyHeader(1, 0, NpyDType.UINT8, false, List.of(-1L), 128));
        assertThrows(IllegalArgumentException.class,
                () -> new NpyHeader(1, 0, NpyDType.UINT8, false, List.of(1L), -1));
        assertThrows(IllegalArgumentException.class,
                () -> new NpyHeader(1, 0, NpyDType.FLOAT64_LE, false, List.of(1L << 32, 1L << 29), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new NpyHeader(1, 0, NpyDType.UINT8, false, List.of(Long.MAX_VALUE), 128));
        assertThrows(NullPointerException.class, () -> new NpyHeader(1, 0, null, false, List.of(), 0));
    }

    @Test
    void dtypesKnowTheirSizeOrderAndSpelling() {
        assertEquals(ByteOrder.BIG_ENDIAN, NpyDType.FLOAT32_BE.byteOrder());
        assertEquals(ByteOrder.LITTLE_ENDIAN, NpyDType.INT32_LE.byteOrder());
        assertEquals(8, NpyDType.FLOAT64_LE.itemSize());
        assertEquals(1, NpyDType.BOOL.itemSize());
        assertEquals("float32", NpyDType.FLOAT32_BE.typeName());
        assertEquals("|u1, |b1, <i4, <f4, >f4, <f8", NpyDType.supportedDescrs());
        for (NpyDType dtype : NpyDType.values()) {
            assertEquals(dtype, NpyDType.ofDescr(dtype.descr()).orElseThrow());
        }
        for (String unsupported : List.of("=f4", "f4", "|i1", "<i8", ">i4", "<f2", "<U5", "|O", "<c16", "", "|u1 ")) {
            assertTrue(NpyDType.ofDescr(unsupported).isEmpty(), unsupported);
        }
    }

    // ---- pictures ----

    @Test
    void requirePictureNamesTheShapeAndDtypeItGot() {
        NpyHeader db = new NpyHeader(1, 0, NpyDType.FLOAT32_LE, false, List.of(3L, 480L, 1440L), 128);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> db.requirePicture("layers.db"));
        assertEquals("layers.db: expected a (rows, columns, 3 or 4) uint8 picture, got shape (3, 480, 1440) <f4",
                e.getMessage());

        for (List<Long> shape : List.of(List.of(480L, 1440L), List.of(480L, 1440L, 2L), List.of(480L, 1440L, 5L),
                List.of(1L, 480L, 1440L, 4L))) {
            NpyHeader header = new NpyHeader(1, 0, NpyDType.UINT8, false, shape, 128);
            NpyFormatException bad = assertThrows(NpyFormatException.class, () -> header.requirePicture("x.postdb"));
            assertTrue(bad.getMessage().startsWith("x.postdb: expected a (rows, columns, 3 or 4) uint8 picture,"
                    + " got shape " + header.shapeString() + " |u1"), bad.getMessage());
        }
        NpyHeader empty = new NpyHeader(1, 0, NpyDType.UINT8, false, List.of(0L, 1440L, 3L), 128);
        NpyFormatException e2 = assertThrows(NpyFormatException.class, () -> empty.requirePicture("x.postdb"));
        assertTrue(e2.getMessage().contains("at least one row and column, got shape (0, 1440, 3) |u1"));

        NpyHeader rgb = new NpyHeader(1, 0, NpyDType.UINT8, false, List.of(1L, 1L, 3L), 128);
        assertSame(rgb, assertDoesNotThrow(() -> rgb.requirePicture("rgb.postdb")));
    }

    // ---- bad files ----

    @Test
    void rejectsFilesThatAreNotNpy() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertRejected(png, "not a NumPy .npy file (bad magic bytes)");
        assertRejected("hello, this is text and not an array\n".getBytes(StandardCharsets.US_ASCII),
                "not a NumPy .npy file (bad magic bytes)");
        assertRejected(new byte[0], "not a NumPy .npy file (only 0 bytes, too short for an .npy header)");
        assertRejected(Arrays.copyOf(NpyWriter.MAGIC, 4), "only 4 bytes");
        assertRejected(Arrays.copyOf(NpyWriter.MAGIC, 7), "only 7 bytes");
        assertRejected(Arrays.copyOf(valid(), 9), "9 bytes end inside the .npy header length field");
        assertRejected(Arrays.copyOf(NpyWriter.header(2, "<f4", false, 2, 3), 11), "length field");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.0", "1.1", "0.0", "2.5", "255.255"})
    void rejectsUnsupportedVersions(String version) throws IOException {
        byte[] bytes = valid();
        bytes[6] = (byte) Integer.parseInt(version.substring(0, version.indexOf('.')));
        bytes[7] = (byte) Integer.parseInt(version.substring(version.indexOf('.') + 1));
        assertRejected(bytes, "unsupported .npy format version " + version + " (reel reads 1.0, 2.0 and 3.0)");
    }

    @Test
    void rejectsHeaderLengthsPastTheFileOrAbsurd() throws IOException {
        byte[] pastEnd = valid();
        pastEnd[8] = (byte) 0xff;
        pastEnd[9] = (byte) 0xff;
        assertRejected(pastEnd, "header length 65535 runs past the end of the file"
                + " (the header needs 65545 bytes, the file has 152)");

        byte[] huge = concat(NpyWriter.header(2, "<f4", false, 2, 3), new byte[24]);
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0xFFFF_FFF0);
        assertRejected(huge, "header length 4294967280 bytes is implausibly large (at most 1048576 allowed)");

        byte[] justOver = NpyWriter.header(3, "<f4", false, 2, 3);
        ByteBuffer.wrap(justOver).order(ByteOrder.LITTLE_ENDIAN).putInt(8, NpyHeader.MAX_HEADER_LENGTH + 1);
        assertRejected(justOver, "implausibly large");
    }

    @Test
    void rejectsHeadersThatAreNotADict() throws IOException {
        assertRejected(withDict("[1, 2, 3]"), "header is not a dict: it starts with '['");
        assertRejected(withDict("descr: <f4"), "header is not a dict: it starts with 'd'");
        assertRejected(withDict(""), "header is empty");
        assertRejected(withDict("\u0000{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"),
                "header is not a dict: it starts with U+0000");
    }

    static Stream<Arguments> malformedDicts() {
        return Stream.of(
                Arguments.of("{'descr' '<f4', 'fortran_order': False, 'shape': (2, 3), }",
                        "expected ':' after the key 'descr', found '''"),
                Arguments.of("{'descr': '<f4, 'fortran_order': False, 'shape': (2, 3), }",
                        "expected ',' or '}' after the value of 'descr', found 'f'"),
                Arguments.of("{'descr': '<f4", "unterminated string starting at header offset 10"),
                Arguments.of("{descr: '<f4', 'fortran_order': False, 'shape': (2, 3), }",
                        "expected a quoted key at header offset 1, found 'd'"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, }", "header lacks the key 'shape'"),
                Arguments.of("{'fortran_order': False, 'shape': (2, 3)}", "header lacks the key 'descr'"),
                Arguments.of("{}", "header lacks the key 'descr'"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), 'extra': 1, }",
                        "unexpected key 'extra' at header offset 58"),
                Arguments.of("{'descr': '<f4', 'shape': (2, 3), 'fortran_order': False, 'shape': (2, 3), }",
                        "duplicate key 'shape'"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (5), }",
                        "'shape' (5) is not a tuple; a 1-d shape is written (5,)"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (-1, 3), }",
                        "'shape' has a negative dimension"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999, 3), }",
                        "'shape' dimension at header offset 51 is too large"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (02, 3), }",
                        "'shape' dimension '02' has a leading zero"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (2 3), }",
                        "expected ',' or ')' in 'shape', found '3'"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': [2, 3], }",
                        "expected a tuple such as (480, 1440, 4) as the value of 'shape', found '['"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (2, None), }",
                        "expected a non-negative integer in 'shape', found 'N'"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (2L, 3L), }",
                        "expected ',' or ')' in 'shape', found 'L'"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (" + "1, ".repeat(65) + "), }",
                        "shape has more than 64 dimensions"),
                Arguments.of("{'descr': '<f4', 'fortran_order': 0, 'shape': (2, 3), }",
                        "expected True or False as the value of 'fortran_order', found '0'"),
                Arguments.of("{'descr': '<f4', 'fortran_order': false, 'shape': (2, 3), }",
                        "expected True or False as the value of 'fortran_order', found 'f'"),
                Arguments.of("{'descr': 5, 'fortran_order': False, 'shape': (2, 3), }",
                        "expected a quoted dtype such as '<f4' as the value of 'descr', found '5'"),
                Arguments.of("{'descr': '<f\\x34', 'fortran_order': False, 'shape': (2, 3), }",
                        "escape sequences in header strings are not supported"),
                Arguments.of("{'descr': [('r', '|u1'), ('g', '|u1')], 'fortran_order': False, 'shape': (2,), }",
                        "unsupported dtype: structured arrays (a list 'descr') are not supported"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3)",
                        "expected ',' or '}' after the value of 'shape', found the end of the header"
                                + " (the header length field says the data starts at byte 128)"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), } x",
                        "unexpected 'x' after the header dict at header offset 60"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}",
                        "unexpected '}' after the header dict"));
    }

    @ParameterizedTest
    @MethodSource("malformedDicts")
    void rejectsMalformedDictsSaying(String dict, String phrase) throws IOException {
        assertRejected(withDict(dict), phrase);
    }

    @Test
    void rejectsFortranOrder() throws IOException {
        byte[] bytes = concat(NpyWriter.header(1, "<f4", true, 2, 3), new byte[24]);
        NpyFormatException e = assertRejected(bytes, "Fortran order is not supported; save with C order");
        assertEquals("bad.npy: Fortran order is not supported; save with C order",
                parseFailure(bytes).getMessage());
        assertTrue(e.getMessage().endsWith("bad.npy: Fortran order is not supported; save with C order"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<i8", "=f4", "f4", "|i1", "<f2", ">i4", "<U10", "|O", "<c8", "|V16", ""})
    void rejectsUnsupportedDtypesListingTheSupportedOnes(String descr) throws IOException {
        assertRejected(concat(NpyWriter.header(1, descr, false, 2, 3), new byte[64]),
                "unsupported dtype '" + descr + "' (supported: |u1, |b1, <i4, <f4, >f4, <f8)");
    }

    @Test
    void rejectsShapesWhoseSizeOverflows() throws IOException {
        assertRejected(concat(NpyWriter.header(1, "<f4", false, 1L << 32, 1L << 32), new byte[8]),
                "shape (4294967296, 4294967296) <f4 holds more bytes than a 64-bit length can count");
        assertRejected(concat(NpyWriter.header(1, "|u1", false, Long.MAX_VALUE, 2), new byte[8]),
                "holds more bytes than a 64-bit length can count");
        assertRejected(concat(NpyWriter.header(1, "<f8", false, Long.MAX_VALUE / 8 + 1), new byte[8]),
                "holds more bytes than a 64-bit length can count");
    }

    @Test
    void rejectsAHeaderLengthThatMisplacesTheData() throws IOException {
        byte[] oneShort = valid();
        oneShort[8]--;
        assertRejected(oneShort, "header does not end with a newline"
                + " (the header length field says the data starts at byte 127)");

        byte[] oneLong = valid();
        oneLong[8]++;
        assertRejected(oneLong, "unexpected U+000A after the header dict at header offset 117"
                + " (the header length field says the data starts at byte 129)");

        byte[] alignedButWrong = valid();
        alignedButWrong[8] -= 64;
        assertRejected(alignedButWrong, "expected a non-negative integer in 'shape', found the end of the header"
                + " (the header length field says the data starts at byte 64)");
    }

    @Test
    void rejectsFilesShorterThanTheirData() throws IOException {
        byte[] truncated = Arrays.copyOf(valid(), 148);
        assertRejected(truncated, "file is truncated: shape (2, 3) <f4 needs 24 data bytes after the 128-byte header"
                + " (152 bytes in all), but the file has 148 bytes");
        assertRejected(Arrays.copyOf(valid(), 128), "needs 24 data bytes", "the file has 128 bytes");
        assertRejected(Arrays.copyOf(valid(), 100), "header length 118 runs past the end of the file"
                + " (the header needs 128 bytes, the file has 100)");
    }

    @Test
    void decodesVersion3AsUtf8AndVersions1And2AsLatin1() throws IOException {
        byte[] v3 = concat(NpyWriter.header(3, "<f\u00e9", false, 2), new byte[8]);
        assertRejected(v3, "unsupported dtype '<f\u00e9'");
        int accent = indexOf(v3, (byte) 0xc3);
        v3[accent + 1] = (byte) 0x28; // breaks the two-byte sequence
        assertRejected(v3, "version 3.0 header is not valid UTF-8");

        byte[] v1 = concat(NpyWriter.header(1, "<f\u00ff", false, 2), new byte[8]);
        assertRejected(v1, "unsupported dtype '<f\u00ff'");
    }

    @Test
    void exceptionMessagesStayOnOneLine() {
        NpyFormatException e = new NpyFormatException("odd\nname.npy", "unsupported dtype '\r\t'");
        assertEquals("odd\\x0aname.npy: unsupported dtype '\\x0d\\x09'", e.getMessage());
        assertEquals("odd\nname.npy", e.fileName());
        assertEquals("unsupported dtype '\r\t'", e.problem());
    }

    @Test
    void aLongBogusDtypeIsCutShortInTheMessage() throws IOException {
        String descr = "x".repeat(500);
        NpyFormatException e = assertRejected(concat(NpyWriter.header(1, descr, false, 2), new byte[8]),
                "unsupported dtype '" + "x".repeat(40) + "...'");
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }

    // ---- helpers ----

    /** A valid file: numpy's header for (2, 3) <f4, 128 bytes, then 24 data bytes. */
    private static byte[] valid() {
        return concat(NpyWriter.header(1, "<f4", false, 2, 3), NpyWriter.counting(NpyDType.FLOAT32_LE, 6));
    }

    /** A file with this dict as its header text, aligned and terminated as numpy would, and 64 data bytes. */
    private static byte[] withDict(String dict) {
        return concat(NpyWriter.wrap(1, dict), new byte[64]);
    }

    /**
     * Checks that both read(Path) and parse(...) reject the bytes with the same one-line message
     * that starts with the file name and contains every phrase.
     */
    private NpyFormatException assertRejected(byte[] fileBytes, String... phrases) throws IOException {
        Path file = Files.write(dir.resolve("bad.npy"), fileBytes);
        NpyFormatException viaFile = assertThrows(NpyFormatException.class, () -> NpyHeader.read(file));
        NpyFormatException viaBytes = parseFailure(fileBytes);
        String message = viaFile.getMessage();
        assertTrue(message.startsWith(file + ": "), message);
        assertEquals(file.toString(), viaFile.fileName());
        assertEquals(viaFile.problem(), viaBytes.problem(), "read and parse agree");
        assertFalse(message.contains("\n") || message.contains("\r"), message);
        for (String phrase : phrases) {
            assertTrue(message.contains(phrase), () -> "expected '" + phrase + "' in: " + message);
        }
        return viaFile;
    }

    private static NpyFormatException parseFailure(byte[] fileBytes) {
        return assertThrows(NpyFormatException.class,
                () -> NpyHeader.parse("bad.npy", ByteBuffer.wrap(fileBytes), fileBytes.length));
    }

    /** Decodes every element at the header's offset and compares it with NpyWriter.counting. */
    private static void assertElementsAreCounting(Path file, NpyHeader header) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer data = ByteBuffer.wrap(bytes, (int) header.dataOffset(), (int) header.dataLength())
                .slice().order(header.dtype().byteOrder());
        for (int i = 0; i < header.elementCount(); i++) {
            int index = i;
            switch (header.dtype()) {
                case UINT8 -> assertEquals(i & 0xff, Byte.toUnsignedInt(data.get(i)));
                case BOOL -> assertEquals(i % 2, data.get(i));
                case INT32_LE -> assertEquals(i - 7, data.getInt(4 * i));
                case FLOAT32_LE, FLOAT32_BE -> assertEquals(i + 0.25f, data.getFloat(4 * i), () -> "element " + index);
                case FLOAT64_LE -> assertEquals(i + 0.125, data.getDouble(8 * i), () -> "element " + index);
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new AssertionError("byte not found");
    }
}
