package dev.reel.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reel.api.PanView;
import dev.reel.api.Picture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostdbWriterTest {
    @TempDir
    Path dir;

    @Test
    void headerIsTheOneNumpyWrites() {
        for (long[] shape : List.of(new long[] {1, 1, 3}, new long[] {480, 1440, 4}, new long[] {100000, 100000, 4},
                new long[] {7}, new long[] {123456789012L, 2, 3})) {
            assertArrayEquals(NpyWriter.header(1, "|u1", false, shape), PostdbWriter.header(shape));
        }
    }

    @Test
    void rowsWrittenInAnyOrderFromSeveralThreadsReadBack() throws Exception {
        int rows = 37;
        int cols = 23;
        Path file = dir.resolve("rgba.postdb");
        byte[] expected = new byte[rows * cols * 4];
        for (int k = 0; k < expected.length; k++) {
            expected[k] = (byte) (k * 7 + k / 13);
        }
        try (PostdbWriter w = PostdbWriter.create(file, rows, cols, 4)) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Future<?>[] done = new Future<?>[rows];
                for (int r = rows - 1; r >= 0; r -= 2) {
                    int row = r;
                    done[r] = pool.submit(() -> {
                        w.writeRows(row, 1, expected, row * cols * 4);
                        return null;
                    });
                }
                for (Future<?> f : done) {
                    if (f != null) {
                        f.get();
                    }
                }
                // every other row, from the last, is written; now the rest, one by one, from this thread
                for (int r = rows - 2; r >= 1; r -= 2) {
                    w.writeRows(r, 1, expected, r * cols * 4);
                }
            } finally {
                pool.shutdown();
            }
        }
        byte[] all = Files.readAllBytes(file);
        byte[] header = NpyWriter.header(1, "|u1", false, rows, cols, 4);
        assertEquals(header.length + expected.length, all.length);
        byte[] data = java.util.Arrays.copyOfRange(all, header.length, all.length);
        assertArrayEquals(expected, data);
        assertEquals(List.of((long) rows, (long) cols, 4L), NpyHeader.read(file).shape());
    }

    @Test
    void aWrittenPictureIsDrawnBackPixelForPixel() throws Exception {
        // Database 5x9 RGB; a pan view through every node at 9x5 frame pixels is a pass-through.
        int rows = 5;
        int cols = 9;
        byte[] rgb = new byte[rows * cols * 3];
        for (int k = 0; k < rgb.length; k++) {
            rgb[k] = (byte) (k * 5);
        }
        Path file = dir.resolve("rgb.postdb");
        try (PostdbWriter w = PostdbWriter.create(file, rows, cols, 3)) {
            w.writeRows(0, rows, rgb, 0);
        }
        try (PostdbPanSource src = PostdbPanSource.open(file)) {
            Picture p = new Picture(cols, rows);
            src.draw(new PanView(0, 0, 1), p);
            assertArrayEquals(rgb, p.rgb());
        }
    }

    @Test
    void unwrittenRowsAreZeroAndBadArgumentsAreRefused() throws Exception {
        Path file = dir.resolve("holes.postdb");
        try (PostdbWriter w = PostdbWriter.create(file, 4, 2, 4)) {
            w.writeRows(1, 1, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 0);
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                    () -> w.writeRows(3, 2, new byte[16], 0));
            assertEquals("rows 3 to 5 of a picture with 4 rows", e.getMessage());
        }
        byte[] all = Files.readAllBytes(file);
        int h = PostdbWriter.header(4, 2, 4).length;
        assertEquals(h + 32, all.length);
        assertEquals(0, all[h + 7]);
        assertEquals(1, all[h + 8]);
        assertEquals(8, all[h + 15]);
        assertEquals(0, all[h + 16]);
        assertEquals("a .postdb has 3 (RGB) or 4 (RGBA) channels, not 1",
                assertThrows(IllegalArgumentException.class, () -> PostdbWriter.create(file, 2, 2, 1)).getMessage());
        assertEquals("a picture needs at least one row and one column, got 0 rows and 2 columns",
                assertThrows(IllegalArgumentException.class, () -> PostdbWriter.create(file, 0, 2, 3)).getMessage());
    }
}
