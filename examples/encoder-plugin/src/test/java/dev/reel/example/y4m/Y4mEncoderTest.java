package dev.reel.example.y4m;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reel.api.Encoder;
import dev.reel.api.EncoderSettings;
import dev.reel.api.Picture;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.UnsupportedSettingException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Y4mEncoderTest {
    // BT.601 video-range YUV of pure red, green and blue, as published in ITU-R BT.601 tables.
    private static final int[] RED = {81, 90, 240};
    private static final int[] BLUE = {41, 240, 110};

    private final Y4mEncoderProvider provider = new Y4mEncoderProvider();

    private static byte[] write(Path file, EncoderSettings settings, VideoFormat format, Picture... frames)
            throws Exception {
        try (Encoder e = new Y4mEncoderProvider().open(file, settings, format)) {
            for (int i = 0; i < frames.length; i++) {
                e.prepare(frames[i], i);
                e.encode(frames[i], i);
            }
        }
        return Files.readAllBytes(file);
    }

    private static byte[] expected(String header, int[]... planes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("FRAME\n".getBytes(StandardCharsets.US_ASCII));
        for (int[] plane : planes) {
            for (int v : plane) {
                out.write(v);
            }
        }
        return out.toByteArray();
    }

    @Test
    void yuv444KeepsEveryPixelsColour(@TempDir Path dir) throws Exception {
        Picture p = new Picture(2, 1);
        p.set(0, 0, 0xff0000);
        p.set(1, 0, 0x0000ff);
        byte[] file = write(dir.resolve("a.y4m"), EncoderSettings.DEFAULTS.withPixelFormat("yuv444p"),
                new VideoFormat(2, 1, 60), p);
        assertArrayEquals(expected("YUV4MPEG2 W2 H1 F60:1 Ip A1:1 C444 XCOLORRANGE=LIMITED\n",
                new int[] {RED[0], BLUE[0]}, new int[] {RED[1], BLUE[1]}, new int[] {RED[2], BLUE[2]}), file);
    }

    @Test
    void yuv420AveragesChromaOverTwoByTwoBlocksAndKeepsOddEdges(@TempDir Path dir) throws Exception {
        // 3x2: the first block holds red and blue columns, the odd last column is red alone.
        Picture p = new Picture(3, 2);
        for (int y = 0; y < 2; y++) {
            p.set(0, y, 0xff0000);
            p.set(1, y, 0x0000ff);
            p.set(2, y, 0xff0000);
        }
        byte[] file = write(dir.resolve("b.y4m"), EncoderSettings.DEFAULTS, new VideoFormat(3, 2, 30000.0 / 1001), p);
        int u = (RED[1] + BLUE[1]) / 2;
        int v = (RED[2] + BLUE[2]) / 2;
        assertArrayEquals(expected("YUV4MPEG2 W3 H2 F30000:1001 Ip A1:1 C420jpeg XCOLORRANGE=LIMITED\n",
                new int[] {RED[0], BLUE[0], RED[0], RED[0], BLUE[0], RED[0]},
                new int[] {u, RED[1]}, new int[] {v, RED[2]}), file);
    }

    @Test
    void frameRatesAreWrittenAsExactFractions() {
        assertEquals("25:1", Y4mEncoder.rate(25));
        assertEquals("24000:1001", Y4mEncoder.rate(24000.0 / 1001));
        assertEquals("29970:1000", Y4mEncoder.rate(29.97));
    }

    @Test
    void settingsItCannotHonourAreRejectedByKey() {
        VideoFormat f = new VideoFormat(4, 4, 25);
        UnsupportedSettingException crf = assertThrows(UnsupportedSettingException.class,
                () -> provider.check(EncoderSettings.DEFAULTS.withCrf(18), f, Path.of("m.y4m")));
        assertEquals("crf", crf.key());
        assertEquals("encoder y4m: encoder.crf does not apply: y4m is uncompressed; remove it", crf.getMessage());
        assertEquals("encoder y4m: encoder.pixel-format must be yuv420p or yuv444p, got 'yuv422p'",
                assertThrows(UnsupportedSettingException.class, () -> provider.check(
                        EncoderSettings.DEFAULTS.withPixelFormat("yuv422p"), f, Path.of("m.y4m"))).getMessage());
        assertEquals("codec", assertThrows(UnsupportedSettingException.class, () -> provider.check(
                EncoderSettings.DEFAULTS.withCodec("prores"), f, Path.of("m.y4m"))).key());
    }
}
