package dev.reel.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes YUV4MPEG2 files (a text header, then each frame's raw planes): movies whose every sample the
 * test knows, which FFmpeg reads with its yuv4mpegpipe demuxer and rawvideo decoder.
 */
final class Y4mFile {
    private Y4mFile() {
    }

    /**
     * Writes {@code frames} (each its planes, already in the layout {@code colourSpace} implies) with
     * this header, e.g. {@code W16 H8 F30000:1001 Ip A1:1 C444 XCOLORRANGE=LIMITED}.
     */
    static Path write(Path file, String header, List<byte[][]> frames) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("YUV4MPEG2 " + header + "\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[][] planes : frames) {
            out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
            for (byte[] plane : planes) {
                out.write(plane);
            }
        }
        return Files.write(file, out.toByteArray());
    }

    /** A plane of {@code count} samples of one 8-bit value. */
    static byte[] flat(int count, int value) {
        byte[] plane = new byte[count];
        java.util.Arrays.fill(plane, (byte) value);
        return plane;
    }

    /** A plane of {@code count} samples of one value, in two bytes each, little-endian. */
    static byte[] flat16(int count, int value) {
        byte[] plane = new byte[2 * count];
        for (int i = 0; i < count; i++) {
            plane[2 * i] = (byte) value;
            plane[2 * i + 1] = (byte) (value >> 8);
        }
        return plane;
    }
}
