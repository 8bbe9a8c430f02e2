package dev.reel.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header reader touches only the header, however large the data behind it. */
class NpyHeaderLargeFileTest {
    /** A 32768 x 32768 RGBA picture: 4 GiB of data, past every int-sized limit. */
    private static final long[] SHAPE = {32_768, 32_768, 4};
    private static final long DATA_LENGTH = 4L << 30;

    @TempDir
    Path dir;

    @Test
    void opensASparse4GiBPictureWithoutReadingItsData() throws IOException {
        byte[] prefix = NpyWriter.header(1, "|u1", false, SHAPE);
        Path file = NpyWriter.writeSparse(dir.resolve("huge.postdb"), prefix, DATA_LENGTH);
        try {
            NpyHeader header = NpyHeader.read(file);

            assertEquals(new NpyHeader(1, 0, NpyDType.UINT8, false, List.of(32_768L, 32_768L, 4L), 128), header);
            assertEquals(DATA_LENGTH, header.dataLength());
            assertEquals(Files.size(file), header.dataOffset() + header.dataLength());
            header.requirePicture(file.toString());

            try (RecordingChannel channel = new RecordingChannel(FileChannel.open(file, StandardOpenOption.READ))) {
                assertEquals(header, NpyHeader.read(file.toString(), channel));
                assertEquals(header.dataOffset(), channel.furthestByteRead, "read exactly the header, no data");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void reportsASparseFileOneByteShortOfItsData() throws IOException {
        byte[] prefix = NpyWriter.header(1, "|u1", false, SHAPE);
        Path file = NpyWriter.writeSparse(dir.resolve("short.postdb"), prefix, DATA_LENGTH - 1);
        try {
            NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyHeader.read(file));
            assertEquals(file + ": file is truncated: shape (32768, 32768, 4) |u1 needs 4294967296 data bytes"
                    + " after the 128-byte header (4294967424 bytes in all), but the file has 4294967423 bytes",
                    e.getMessage());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void readsNoDataOfASmallFileEither() throws IOException {
        Path file = NpyWriter.write(dir.resolve("small.npy"), NpyWriter.header(3, "<f4", false, 2, 3),
                NpyWriter.counting(NpyDType.FLOAT32_LE, 6));
        try (RecordingChannel channel = new RecordingChannel(FileChannel.open(file, StandardOpenOption.READ))) {
            NpyHeader header = NpyHeader.read("small.npy", channel);
            assertEquals(128, header.dataOffset());
            assertEquals(128, channel.furthestByteRead);
            assertTrue(Files.size(file) > channel.furthestByteRead);
        }
    }

    /** Passes reads through and remembers the furthest byte any read reached. */
    private static final class RecordingChannel implements SeekableByteChannel {
        private final SeekableByteChannel delegate;
        long furthestByteRead;

        RecordingChannel(SeekableByteChannel delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = delegate.read(dst);
            furthestByteRead = Math.max(furthestByteRead, delegate.position());
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public long position() throws IOException {
            return delegate.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            delegate.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
