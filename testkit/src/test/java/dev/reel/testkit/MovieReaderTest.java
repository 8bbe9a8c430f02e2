package dev.reel.testkit;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.testkit.MovieReader.Frame;
import dev.reel.testkit.MovieReader.Info;
import dev.reel.testkit.MovieReader.Movie;
import dev.reel.testkit.MovieReader.Rational;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader on files whose every sample the test knows (YUV4MPEG2, written here) and on a real
 * coded H.264 stream (made here with libx264), intact and damaged.
 */
class MovieReaderTest {
    // Y'CbCr 8-bit limited range: {Y, Cb, Cr} of one flat frame each.
    private static final int[][] YCBCR = {{81, 90, 240}, {145, 54, 34}, {41, 240, 110}, {235, 128, 128}, {16, 128, 128}};

    @TempDir
    Path dir;

    @Test
    void rawYuv444FramesComeBackSampleForSampleWithTheirStreamInfo() throws IOException {
        int w = 16;
        int h = 8;
        List<byte[][]> frames = new ArrayList<>();
        for (int[] c : YCBCR) {
            frames.add(new byte[][] {Y4mFile.flat(w * h, c[0]), Y4mFile.flat(w * h, c[1]), Y4mFile.flat(w * h, c[2])});
        }
        Path file = Y4mFile.write(dir.resolve("flat.y4m"), "W16 H8 F30000:1001 Ip A1:1 C444 XCOLORRANGE=LIMITED", frames);

        Movie movie = MovieReader.read(file);
        Info info = movie.info();
        assertAll(
                () -> assertEquals("yuv4mpegpipe", info.container()),
                () -> assertEquals("rawvideo", info.codec()),
                () -> assertEquals(16, info.width()),
                () -> assertEquals(8, info.height()),
                () -> assertEquals(new Rational(30000, 1001), info.frameRate()),
                () -> assertEquals("30000/1001", info.frameRate().toString()),
                () -> assertEquals(new Rational(1001, 30000), info.timeBase()),
                () -> assertEquals(5 * 1001 / 30000.0, info.duration(), 1e-6),
                () -> assertEquals("yuv444p", info.pixelFormat()),
                () -> assertEquals("tv", info.colorRange()),
                () -> assertEquals("unknown", info.colorSpace()),
                () -> assertEquals(0, info.videoDelay()),
                () -> assertEquals(List.of(), movie.warnings()),
                () -> assertEquals(5, movie.frameCount()),
                () -> assertEquals(List.of(0, 1, 2, 3, 4), movie.keyFrames()),
                () -> assertEquals(Files.size(file), movie.bytes()));
        for (int i = 0; i < YCBCR.length; i++) {
            Frame frame = movie.frames().get(i);
            assertEquals(i, frame.pts());
            assertTrue(frame.keyFrame(), "frame " + i);
            assertEquals("yuv444p", frame.pixelFormat());
            assertEquals(8, frame.bitDepth());
            for (int p = 0; p < 3; p++) {
                assertArrayEquals(frames.get(i)[p], frame.planes()[p], "frame " + i + " plane " + p);
                assertEquals(YCBCR[i][p], frame.sample(p, w - 1, h - 1));
            }
            // Untagged: read as BT.601, limited range, as FFmpeg does.
            int[] rgb = bt601LimitedToRgb(YCBCR[i]);
            for (int s = 0; s < w * h; s++) {
                for (int ch = 0; ch < 3; ch++) {
                    int got = frame.rgb()[3 * s + ch] & 0xff;
                    assertTrue(Math.abs(got - rgb[ch]) <= 2, "frame " + i + " channel " + ch + ": " + got + ", not " + rgb[ch]);
                }
            }
        }
    }

    @Test
    void fullRangeIsReadAsFullRange() throws IOException {
        Path file = Y4mFile.write(dir.resolve("full.y4m"), "W8 H8 F25:1 C444 XCOLORRANGE=FULL",
                List.of(new byte[][] {Y4mFile.flat(64, 255), Y4mFile.flat(64, 128), Y4mFile.flat(64, 128)},
                        new byte[][] {Y4mFile.flat(64, 0), Y4mFile.flat(64, 128), Y4mFile.flat(64, 128)}));
        Movie movie = MovieReader.read(file);
        assertEquals("pc", movie.info().colorRange());
        assertEquals(new Rational(25, 1), movie.info().frameRate());
        assertArrayEquals(Y4mFile.flat(3 * 64, 255), movie.frames().get(0).rgb());
        assertArrayEquals(Y4mFile.flat(3 * 64, 0), movie.frames().get(1).rgb());
    }

    @Test
    void subsampledAndDeepPlanesHaveTheirOwnSizes() throws IOException {
        // 4:2:0 with chroma sited at the centre, and 10-bit samples in two bytes.
        Path jpeg = Y4mFile.write(dir.resolve("420.y4m"), "W8 H6 F25:1 C420jpeg",
                List.<byte[][]>of(new byte[][] {Y4mFile.flat(48, 100), Y4mFile.flat(12, 60), Y4mFile.flat(12, 200)}));
        Frame frame = MovieReader.read(jpeg).frames().get(0);
        assertEquals("center", MovieReader.read(jpeg).info().chromaLocation());
        assertEquals("yuv420p", frame.pixelFormat());
        assertArrayEquals(new int[] {8, 4, 4}, frame.lineBytes());
        assertEquals(12, frame.planes()[1].length);
        assertEquals(200, frame.sample(2, 3, 2));

        assertEquals("left", MovieReader.read(Y4mFile.write(dir.resolve("mpeg2.y4m"), "W8 H6 F25:1 C420mpeg2",
                List.<byte[][]>of(new byte[][] {Y4mFile.flat(48, 100), Y4mFile.flat(12, 60), Y4mFile.flat(12, 200)})))
                .info().chromaLocation());

        Path deep = Y4mFile.write(dir.resolve("10bit.y4m"), "W8 H6 F25:1 C420p10",
                List.<byte[][]>of(new byte[][] {Y4mFile.flat16(48, 940), Y4mFile.flat16(12, 64), Y4mFile.flat16(12, 960)}));
        Frame ten = MovieReader.read(deep).frames().get(0);
        assertEquals("yuv420p10le", ten.pixelFormat());
        assertEquals(10, ten.bitDepth());
        assertArrayEquals(new int[] {16, 8, 8}, ten.lineBytes());
        assertEquals(940, ten.sample(0, 7, 5));
        assertEquals(64, ten.sample(1, 3, 2));
        assertEquals(960, ten.sample(2, 0, 0));
    }

    @Test
    void aCodedStreamGivesItsGroupsPictureTypesAndCleanFrames() throws IOException {
        X264Stream stream = X264Stream.write(dir.resolve("clean.h264"), 64, 48, 12, 5);
        Movie movie = MovieReader.read(stream.file());
        Info info = movie.info();
        assertAll(
                () -> assertEquals("h264", info.container()),
                () -> assertEquals("h264", info.codec()),
                () -> assertEquals("Constrained Baseline", info.profile(), "ultrafast uses no Main or High tool"),
                () -> assertEquals(10, info.level(), "12 macroblocks at 25 fps: level 1.0"),
                () -> assertEquals(64, info.width()),
                () -> assertEquals(48, info.height()),
                () -> assertEquals("yuv420p", info.pixelFormat()),
                () -> assertEquals(List.of(), movie.warnings()),
                () -> assertEquals(12, movie.frameCount()),
                () -> assertEquals(List.of(0, 5, 10), movie.keyFrames()));
        List<Character> types = new ArrayList<>();
        List<Boolean> keys = new ArrayList<>();
        for (Frame f : movie.frames()) {
            types.add(f.pictureType());
            keys.add(f.keyFrame());
        }
        assertEquals(List.of('I', 'P', 'P', 'P', 'P', 'I', 'P', 'P', 'P', 'P', 'I', 'P'), types);
        assertEquals(List.of(true, false, false, false, false, true, false, false, false, false, true, false), keys);
        List<byte[]> decodedLuma = movie.frames().stream().map(f -> f.planes()[0]).toList();
        double psnr = Psnr.of(stream.luma(), decodedLuma);
        assertTrue(psnr > 30, "luma PSNR " + psnr);
    }

    @Test
    void aGroupDecodedAloneGivesTheSameFramesAsTheWholeStream() throws IOException {
        X264Stream stream = X264Stream.write(dir.resolve("groups.h264"), 64, 48, 12, 5);
        Movie whole = MovieReader.read(stream.file());
        Movie group = MovieReader.readGroup(stream.file(), 1);
        assertEquals(5, group.frameCount());
        assertEquals(List.of(0), group.keyFrames());
        assertEquals(List.of(), group.warnings());
        assertEquals(Double.POSITIVE_INFINITY, Psnr.of(whole.rgb().subList(5, 10), group.rgb()));
        assertEquals(2, MovieReader.readGroup(stream.file(), 2).frameCount());

        IOException e = assertThrows(IOException.class, () -> MovieReader.readGroup(stream.file(), 3));
        assertEquals(stream.file() + ": no group of pictures 3 (it has 3)", e.getMessage());
    }

    @Test
    void whatTheDecoderSaysAboutADamagedStreamIsCaptured() throws IOException {
        X264Stream stream = X264Stream.write(dir.resolve("source.h264"), 64, 48, 12, 5);
        byte[] bytes = Files.readAllBytes(stream.file());
        // Garble the start of the slice data of frame 7, a P picture (no start code can appear).
        int start = stream.packetOffsets().get(7);
        for (int i = start + 8; i < start + 16; i++) {
            bytes[i] = (byte) (bytes[i] ^ 0x7f);
        }
        Path damaged = Files.write(dir.resolve("damaged.h264"), bytes);

        Movie movie = MovieReader.read(damaged);
        assertFalse(movie.warnings().isEmpty(), "no warning for a damaged stream");
        assertTrue(movie.warnings().stream().anyMatch(w -> w.startsWith("[h264] ")), movie.warnings().toString());
        assertTrue(movie.warnings().stream().noneMatch(w -> w.contains(" @ 0x")), movie.warnings().toString());
        // The reader's own finding: the decoder flagged the frame it concealed errors in.
        assertTrue(movie.warnings().stream().anyMatch(w -> w.startsWith("frame 7 was decoded with errors")),
                movie.warnings().toString());
        assertEquals(12, movie.frameCount(), "errors are concealed, frames not dropped");
        // The undamaged stream said nothing: the lines are about this file, not left over.
        assertEquals(List.of(), MovieReader.read(stream.file()).warnings());
    }

    @Test
    void theLogCallbackInstalledBeforeIsRestoredAndGetsNothingFromTheRead() throws IOException {
        X264Stream stream = X264Stream.write(dir.resolve("clean.h264"), 64, 48, 6, 5);
        byte[] bytes = Files.readAllBytes(stream.file());
        bytes[stream.packetOffsets().get(3) + 8] ^= 0x7f;
        Path damaged = Files.write(dir.resolve("damaged.h264"), bytes);
        Recorder.LINES.clear();
        setLogCallback(Recorder.INSTANCE);

        assertFalse(MovieReader.read(damaged).warnings().isEmpty());
        assertEquals(List.of(), Recorder.LINES, "the read's lines went to the capture only");
        av_log(null, AV_LOG_WARNING, "after the read\n");
        assertEquals(List.of("after the read\n"), Recorder.LINES);
    }

    @Test
    void aBrokenFrameInTheContainerIsAnErrorNamingTheFile() throws IOException {
        Path file = Y4mFile.write(dir.resolve("broken.y4m"), "W8 H8 F25:1 C444",
                List.of(new byte[][] {Y4mFile.flat(64, 1), Y4mFile.flat(64, 2), Y4mFile.flat(64, 3)},
                        new byte[][] {Y4mFile.flat(64, 1), Y4mFile.flat(64, 2), Y4mFile.flat(64, 3)}));
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int second = text.indexOf("FRAME", text.indexOf("FRAME") + 1);
        bytes[second + 4] = 'X';
        Files.write(file, bytes);
        IOException e = assertThrows(IOException.class, () -> MovieReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": FFmpeg cannot read the packet after packet 0: "), e.getMessage());
    }

    @Test
    void aMissingOrForeignFileIsAnErrorNamingIt() throws IOException {
        Path missing = dir.resolve("missing.mp4");
        IOException e = assertThrows(IOException.class, () -> MovieReader.read(missing));
        assertEquals(missing + ": FFmpeg cannot open the file: No such file or directory", e.getMessage());

        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a movie\n".repeat(100));
        IOException f = assertThrows(IOException.class, () -> MovieReader.read(text));
        assertTrue(f.getMessage().startsWith(text + ": FFmpeg cannot open the file: "), f.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MovieReader.readGroup(text, -1));
    }

    /** BT.601 limited-range Y'CbCr to 8-bit RGB by the ITU formulas, rounded and clipped. */
    private static int[] bt601LimitedToRgb(int[] ycbcr) {
        double kr = 0.299;
        double kb = 0.114;
        double y = (ycbcr[0] - 16) / 219.0;
        double pb = (ycbcr[1] - 128) / 224.0;
        double pr = (ycbcr[2] - 128) / 224.0;
        double r = y + 2 * (1 - kr) * pr;
        double b = y + 2 * (1 - kb) * pb;
        double g = (y - kr * r - kb * b) / (1 - kr - kb);
        return new int[] {clip(r), clip(g), clip(b)};
    }

    private static int clip(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(255 * v)));
    }

    /** A log callback like the ffmpeg encoder's own: records what FFmpeg hands it. */
    private static final class Recorder extends LogCallback {
        // Reachable for the JVM's life: FFmpeg may still hold its address after this test.
        static final Recorder INSTANCE = new Recorder();
        static final List<String> LINES = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void call(int level, BytePointer message) {
            if (level <= AV_LOG_INFO) {
                LINES.add(message.getString());
            }
        }
    }
}
