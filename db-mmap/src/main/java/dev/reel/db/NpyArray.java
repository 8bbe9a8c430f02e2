package dev.reel.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * The data of an {@code .npy} file, mapped read-only into memory: any size, paged in by the
 * operating system as frames touch it, never loaded and never modified.
 *
 * <p>A Java buffer holds at most 2 GiB, so the data is mapped as a sequence of chunks of
 * {@link #CHUNK_BYTES} bytes each, every chunk extended by an {@code overlap} into the next one.
 * Any byte range no longer than the overlap therefore lies whole in one chunk
 * ({@link #chunkFor}), so that a sampler reads a whole row (or two) from one buffer with plain
 * absolute gets, whatever their position in a file of many gigabytes.
 *
 * <p>Opening reads the header only. Thread-safe: the buffers are only read with absolute gets.
 */
public final class NpyArray implements AutoCloseable {
    /** Bytes between the starts of consecutive chunks: 1 GiB. */
    public static final long CHUNK_BYTES = 1L << 30;

    private final Path file;
    private final NpyHeader header;
    private final long chunkBytes;
    private final long overlap;
    private final ByteBuffer[] chunks;

    private NpyArray(Path file, NpyHeader header, long chunkBytes, long overlap, ByteBuffer[] chunks) {
        this.file = file;
        this.header = header;
        this.chunkBytes = chunkBytes;
        this.overlap = overlap;
        this.chunks = chunks;
    }

    /**
     * Opens a file: reads and checks its header, and maps its data read-only.
     *
     * @param overlap the longest byte range that must lie in one chunk (for a picture sampler, the
     *     rows it reads at once)
     * @throws NpyFormatException if the file is not an {@code .npy} file reel can read
     * @throws IOException if it cannot be opened or mapped
     */
    public static NpyArray open(Path file, long overlap) throws IOException {
        return open(file, overlap, CHUNK_BYTES);
    }

    /** {@link #open(Path, long)} with another chunk size, so tests can cross chunk boundaries in small files. */
    static NpyArray open(Path file, long overlap, long chunkBytes) throws IOException {
        Objects.requireNonNull(file, "file");
        if (overlap < 0 || overlap > chunkBytes || chunkBytes + overlap > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("overlap " + overlap + " does not fit chunks of " + chunkBytes + " bytes");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            NpyHeader header = NpyHeader.read(file.toString(), channel);
            long length = header.dataLength();
            int count = (int) Math.max(1, (length + chunkBytes - 1) / chunkBytes);
            ByteBuffer[] chunks = new ByteBuffer[count];
            for (int i = 0; i < count; i++) {
                long start = i * chunkBytes;
                long size = Math.min(chunkBytes + overlap, length - start);
                chunks[i] = channel.map(FileChannel.MapMode.READ_ONLY, header.dataOffset() + start, Math.max(0, size))
                        .order(header.dtype().byteOrder());
            }
            // The mappings stay valid after the channel is closed.
            return new NpyArray(file, header, chunkBytes, overlap, chunks);
        }
    }

    public Path file() {
        return file;
    }

    public NpyHeader header() {
        return header;
    }

    /** The number of data bytes. */
    public long byteLength() {
        return header.dataLength();
    }

    /**
     * The chunk that holds the data bytes {@code [from, from + length)} whole; read byte
     * {@code from + k} at index {@code chunkOffset(from) + k} of it.
     *
     * @throws IllegalArgumentException if {@code length} exceeds the overlap the array was opened with
     */
    public ByteBuffer chunkFor(long from, long length) {
        if (length > overlap) {
            throw new IllegalArgumentException(length + " bytes may straddle two chunks: the array was opened with an overlap of "
                    + overlap + " bytes");
        }
        return chunks[(int) (from / chunkBytes)];
    }

    /** The index of data byte {@code from} in {@link #chunkFor chunkFor(from, ...)}. */
    public int chunkOffset(long from) {
        return (int) (from % chunkBytes);
    }

    /** Data byte {@code offset} as an unsigned value; for tests and occasional reads, not for loops. */
    public int unsignedByte(long offset) {
        Objects.checkIndex(offset, byteLength());
        return chunks[(int) (offset / chunkBytes)].get((int) (offset % chunkBytes)) & 0xff;
    }

    /** Releases the mappings (the operating system unmaps them once they are unreachable). */
    @Override
    public void close() {
        Arrays.fill(chunks, null);
    }

    @Override
    public String toString() {
        return file + " " + header.shapeString() + " " + header.dtype().descr();
    }
}
