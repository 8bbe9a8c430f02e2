package dev.reel.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyArrayTest {
    @TempDir
    Path dir;

    @Test
    void everyByteIsReadableAcrossOverlappingChunks() throws IOException {
        int n = 10_000;
        Path file = NpyWriter.write(dir.resolve("bytes.npy"), NpyWriter.header(1, "|u1", false, n),
                NpyWriter.counting(NpyDType.UINT8, n));
        try (NpyArray a = NpyArray.open(file, 100, 1024)) {
            assertEquals(n, a.byteLength());
            for (long i = 0; i < n; i++) {
                assertEquals(i % 256, a.unsignedByte(i));
            }
            // Any range of up to 100 bytes lies whole in the chunk chunkFor gives.
            for (long from = 0; from + 100 <= n; from += 7) {
                ByteBuffer chunk = a.chunkFor(from, 100);
                int at = a.chunkOffset(from);
                for (int k = 0; k < 100; k++) {
                    assertEquals((from + k) % 256, chunk.get(at + k) & 0xff, "byte " + (from + k));
                }
            }
            assertThrows(IllegalArgumentException.class, () -> a.chunkFor(0, 101));
            assertThrows(IndexOutOfBoundsException.class, () -> a.unsignedByte(n));
        }
    }

    @Test
    void theFileIsOpenedReadOnlyAndNeverChanged() throws IOException {
        Path file = NpyWriter.write(dir.resolve("ro.postdb"), NpyWriter.header(1, "|u1", false, 2, 2, 3),
                NpyWriter.counting(NpyDType.UINT8, 12));
        byte[] before = Files.readAllBytes(file);
        try (NpyArray a = NpyArray.open(file, 12)) {
            ByteBuffer chunk = a.chunkFor(0, 12);
            assertEquals(true, chunk.isReadOnly());
        }
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(Files.readAllBytes(file)));
    }

    /** A sparse 4 GiB picture: opening maps it without reading it; bytes past 2 GiB and 4 GiB are there. */
    @Test
    void filesLargerThanTwoGiBAreMappedInSeveralBuffers() throws IOException {
        long rows = 32_768;
        long cols = 32_768;
        long length = rows * cols * 4;
        Path file = NpyWriter.writeSparse(dir.resolve("big.postdb"), NpyWriter.header(1, "|u1", false, rows, cols, 4), length);
        long dataOffset = NpyHeader.read(file).dataOffset();
        long[] probes = {0, (1L << 31) - 1, 1L << 31, 3L << 30, length - 1};
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            for (int k = 0; k < probes.length; k++) {
                raf.seek(dataOffset + probes[k]);
                raf.write(k + 1);
            }
        }
        try (NpyArray a = NpyArray.open(file, cols * 4)) {
            assertEquals(length, a.byteLength());
            for (int k = 0; k < probes.length; k++) {
                assertEquals(k + 1, a.unsignedByte(probes[k]), "byte " + probes[k]);
            }
            assertEquals(0, a.unsignedByte(length - 2));
            // The last row lies whole in the last chunk.
            long lastRow = length - cols * 4;
            ByteBuffer chunk = a.chunkFor(lastRow, cols * 4);
            assertSame(chunk, a.chunkFor(length - 1, 1));
            assertEquals(5, chunk.get(a.chunkOffset(length - 1)));
        }
    }
}
