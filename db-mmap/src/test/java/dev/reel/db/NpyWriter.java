package dev.reel.db;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes {@code .npy} files the way {@code numpy.save} / {@code numpy.lib.format.write_array} do
 * (numpy 2.x): the dict with sorted keys, 21-digit growth room after the dict, spaces up to a
 * 64-byte aligned data offset and a final newline. Test-only.
 */
final class NpyWriter {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** numpy leaves room for the growth axis to reach this many digits without moving the data. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final int ARRAY_ALIGN = 64;

    private NpyWriter() {
    }

    /** The dict numpy writes, e.g. {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}. */
    static String dict(String descr, boolean fortranOrder, long... shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': " + tuple(shape) + ", }";
    }

    /** A Python tuple: {@code ()}, {@code (5,)}, {@code (2, 3)}. */
    static String tuple(long... shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.stream(shape).mapToObj(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }

    /** The whole prefix numpy writes for this array: magic, version, length, dict, padding. */
    static byte[] header(int major, String descr, boolean fortranOrder, long... shape) {
        String dict = dict(descr, fortranOrder, shape);
        if (shape.length > 0) {
            long growthAxis = fortranOrder ? shape[shape.length - 1] : shape[0];
            dict += " ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(growthAxis).length());
        }
        return wrap(major, dict);
    }

    /**
     * numpy's {@code _wrap_header}: the header text padded with spaces (1 to 64 of them) so the data
     * starts on a multiple of 64, then a newline; latin1 for versions 1 and 2, UTF-8 for 3.
     */
    static byte[] wrap(int major, String headerText) {
        byte[] text = headerText.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int lengthField = major == 1 ? 2 : 4;
        int fixed = MAGIC.length + 2 + lengthField;
        int padding = ARRAY_ALIGN - ((fixed + text.length + 1) % ARRAY_ALIGN);
        int headerLength = text.length + padding + 1;
        ByteBuffer out = ByteBuffer.allocate(fixed + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            out.putShort((short) headerLength);
        } else {
            out.putInt(headerLength);
        }
        out.put(text);
        for (int i = 0; i < padding; i++) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n');
        return out.array();
    }

    /** The elements 0, 1, 2, ... (mod 256 for bytes, 0/1 for bool) encoded as {@code dtype}. */
    static byte[] counting(NpyDType dtype, int count) {
        ByteBuffer out = ByteBuffer.allocate(count * dtype.itemSize()).order(dtype.byteOrder());
        for (int i = 0; i < count; i++) {
            switch (dtype) {
                case UINT8 -> out.put((byte) i);
                case BOOL -> out.put((byte) (i % 2));
                case INT32_LE -> out.putInt(i - 7);
                case FLOAT32_LE, FLOAT32_BE -> out.putFloat(i + 0.25f);
                case FLOAT64_LE -> out.putDouble(i + 0.125);
            }
        }
        return out.array();
    }

    /** Writes prefix then data. */
    static Path write(Path file, byte[] prefix, byte[] data) throws IOException {
        byte[] all = Arrays.copyOf(prefix, prefix.length + data.length);
        System.arraycopy(data, 0, all, prefix.length, data.length);
        return Files.write(file, all);
    }

    /** Writes prefix then {@code dataLength} zero bytes as a sparse hole: takes no disk space. */
    static Path writeSparse(Path file, byte[] prefix, long dataLength) throws IOException {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(prefix);
            out.setLength(prefix.length + dataLength);
        }
        return file;
    }

    /** A real (rows, columns, 4) uint8 .postdb whose bytes count 0, 1, 2, ... (mod 256). */
    static Path rgbaPicture(Path file, int rows, int columns) throws IOException {
        return write(file, header(1, "|u1", false, rows, columns, 4), counting(NpyDType.UINT8, rows * columns * 4));
    }
}
