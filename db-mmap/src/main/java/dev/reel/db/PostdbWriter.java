package dev.reel.db;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a {@code .postdb}: a (rows, columns, channels) uint8 NumPy array, RGB or RGBA, rows top
 * to bottom, with the header {@code numpy.save} writes, so that fractalshades, NumPy and reel all
 * read it.
 *
 * <p>{@link #create} writes the header and sizes the file; rows are then written in any order,
 * from any number of threads at once, with {@link #writeRows}. Rows never written read as zero.
 * The file is written in place: write to a temporary name and move it if readers may look at it
 * while it is being written.
 */
public final class PostdbWriter implements Closeable {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy leaves room for the first axis to grow to this many digits without moving the data. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final int ARRAY_ALIGN = 64;

    private final Path file;
    private final FileChannel channel;
    private final int rows;
    private final int columns;
    private final int channels;
    private final long dataOffset;

    private PostdbWriter(Path file, FileChannel channel, int rows, int columns, int channels, long dataOffset) {
        this.file = file;
        this.channel = channel;
        this.rows = rows;
        this.columns = columns;
        this.channels = channels;
        this.dataOffset = dataOffset;
    }

    /**
     * Creates (or replaces) {@code file} as a picture of {@code rows} x {@code columns} pixels.
     *
     * @param channels 3 for RGB, 4 for RGBA
     * @throws IllegalArgumentException for a size below 1x1 or other channel counts
     */
    public static PostdbWriter create(Path file, int rows, int columns, int channels) throws IOException {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("a picture needs at least one row and one column, got "
                    + rows + " rows and " + columns + " columns");
        }
        if (channels != 3 && channels != 4) {
            throw new IllegalArgumentException("a .postdb has 3 (RGB) or 4 (RGBA) channels, not " + channels);
        }
        byte[] header = header(rows, columns, channels);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            writeFully(channel, ByteBuffer.wrap(header), 0);
            long end = header.length + (long) rows * columns * channels;
            // One byte at the end gives the file its full length; the rows before it stay holes
            // (zeros) until written.
            writeFully(channel, ByteBuffer.wrap(new byte[1]), end - 1);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new PostdbWriter(file, channel, rows, columns, channels, header.length);
    }

    /**
     * Writes {@code count} whole rows starting at row {@code firstRow}, taken from {@code pixels}
     * at {@code offset} (row-major, {@code channels} bytes a pixel). Thread-safe.
     */
    public void writeRows(int firstRow, int count, byte[] pixels, int offset) throws IOException {
        if (firstRow < 0 || count < 0 || firstRow + count > rows) {
            throw new IndexOutOfBoundsException("rows " + firstRow + " to " + (firstRow + count)
                    + " of a picture with " + rows + " rows");
        }
        long rowBytes = (long) columns * channels;
        writeFully(channel, ByteBuffer.wrap(pixels, offset, Math.toIntExact(count * rowBytes)),
                dataOffset + firstRow * rowBytes);
    }

    private static void writeFully(FileChannel channel, ByteBuffer data, long position) throws IOException {
        long at = position;
        while (data.hasRemaining()) {
            at += channel.write(data, at);
        }
    }

    /** The length in bytes of the file {@link #create} makes for this size: header and pixels. */
    public static long fileLength(int rows, int columns, int channels) {
        return header(rows, columns, channels).length + (long) rows * columns * channels;
    }

    public Path file() {
        return file;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int channels() {
        return channels;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * The prefix {@code numpy.save} writes (format 1.0) for a C-order uint8 array of this shape:
     * magic, version, header length, the dict with room for the first axis to grow, spaces up to a
     * 64-byte aligned data offset, and a newline.
     */
    static byte[] header(long... shape) {
        StringBuilder tuple = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            tuple.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        tuple.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '|u1', 'fortran_order': False, 'shape': " + tuple + ", }"
                + " ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length());
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        int fixed = MAGIC.length + 2 + 2;
        int padding = ARRAY_ALIGN - ((fixed + text.length + 1) % ARRAY_ALIGN);
        int headerLength = text.length + padding + 1;
        ByteBuffer out = ByteBuffer.allocate(fixed + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerLength).put(text);
        for (int i = 0; i < padding; i++) {
            out.put((byte) ' ');
        }
        return out.put((byte) '\n').array();
    }

    @Override
    public String toString() {
        return "PostdbWriter[" + file + ", " + rows + "x" + columns + "x" + channels + "]";
    }
}
