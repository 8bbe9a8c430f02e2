package dev.reel.bench;

import dev.reel.db.PostdbWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The databases the benchmarks draw from, written once and reused by later runs. */
final class BenchData {
    private BenchData() {
    }

    /** Writes a real RGB(A) picture .postdb with smooth, varied content, unless it exists already. */
    static Path picture(Path file, int rows, int cols, int channels) throws IOException {
        long size = PostdbWriter.fileLength(rows, cols, channels);
        if (Files.exists(file) && Files.size(file) == size) {
            return file;
        }
        try (PostdbWriter w = PostdbWriter.create(file, rows, cols, channels)) {
            byte[] row = new byte[cols * channels];
            for (int j = 0; j < rows; j++) {
                for (int i = 0, o = 0; i < cols; i++) {
                    // Smooth bands plus a little texture, like a coloured fractal.
                    double s = Math.sin(i * 0.013 + j * 0.007) + Math.cos(i * 0.002 - j * 0.011);
                    int t = (i * 31 + j * 17) & 15;
                    row[o++] = (byte) (128 + 60 * s + t);
                    row[o++] = (byte) (128 + 50 * Math.sin(s * 3) + t);
                    row[o++] = (byte) (128 - 60 * s + t);
                    if (channels == 4) {
                        row[o++] = (byte) 255;
                    }
                }
                w.writeRows(j, 1, row, 0);
            }
        }
        return file;
    }
}
