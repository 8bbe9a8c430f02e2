package dev.reel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.Encoder;
import dev.reel.api.EncoderSettings;
import dev.reel.api.Picture;
import dev.reel.api.Registry;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.Availability;
import dev.reel.api.spi.EncoderProvider;
import dev.reel.db.NpyHeader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reel demo} with the real sequences, sources and script loading: its databases, its script
 * and every frame of its movie (as checksums, written by an encoder that keeps only those).
 */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void theDemoWritesItsDatabasesAndScriptAndRendersEveryFrame() throws Exception {
        Path out = dir.resolve("demo");
        Checksums checksums = new Checksums();
        CommandEnvironment env = new CommandEnvironment(plugins -> Registry.builder()
                .addClassLoader(Registry.class.getClassLoader(), "built-in").add("test", checksums).build(),
                new TimingDecorator(), new ReelHarness.ManualCancel(), false);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = Main.run(env, new PrintWriter(o, true), new PrintWriter(e, true),
                "demo", "-o", out.toString(), "--encoder", "checksums");
        assertEquals(0, status, o + "\n" + e);
        assertTrue(o.toString().contains("demo done in"), o.toString());

        assertEquals(List.of(640L, 1920L, 4L), NpyHeader.read(out.resolve("pan.postdb")).shape());
        assertEquals(List.of(1280L, 1280L, 4L), NpyHeader.read(out.resolve("zoom_final.postdb")).shape());
        List<Long> expmap = NpyHeader.read(out.resolve("zoom_expmap.postdb")).shape();
        assertEquals(List.of(2048L, 4L), expmap.subList(1, 3));
        assertEquals(DemoCommand.script(), Files.readString(out.resolve("demo.yaml")));

        // 8 s of pan and 12 s of zoom at 30 fps, minus the 1 s crossfade.
        List<Long> frames = Files.readAllLines(out.resolve("demo.sums")).stream().map(Long::parseLong).toList();
        assertEquals(240 + 360 - 30, frames.size());
        // (the eased ends of the zoom move by less than a pixel between some frames)
        assertTrue(new HashSet<>(frames).size() > 540, "the camera moves: frames differ; distinct " + new HashSet<>(frames).size());

        // A frame drawn alone by `reel frame` is the one the movie got, and it is not a flat colour.
        for (int index : new int[] {0, 120, 225, 569}) {
            Path png = dir.resolve("frame" + index + ".png");
            assertEquals(0, Main.run(env, new PrintWriter(o, true), new PrintWriter(e, true),
                    "frame", out.resolve("demo.yaml").toString(), "--index", Integer.toString(index), "-o", png.toString()), e.toString());
            BufferedImage image = ImageIO.read(png.toFile());
            Picture p = new Picture(image.getWidth(), image.getHeight());
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < p.height(); y++) {
                for (int x = 0; x < p.width(); x++) {
                    p.set(x, y, image.getRGB(x, y) & 0xffffff);
                    colours.add(image.getRGB(x, y));
                }
            }
            assertEquals(frames.get(index), Checksums.crc(p), "frame " + index);
            assertTrue(colours.size() > 200, "frame " + index + " has " + colours.size() + " colours");
        }
    }

    /** Writes the CRC-32 of each frame's pixels, one per line, in order. */
    static final class Checksums implements EncoderProvider {
        @Override
        public String name() {
            return "checksums";
        }

        @Override
        public Availability availability() {
            return Availability.AVAILABLE;
        }

        @Override
        public Set<String> codecs() {
            return Set.of("h264");
        }

        @Override
        public String defaultExtension(String codec) {
            return "sums";
        }

        @Override
        public void check(EncoderSettings settings, VideoFormat format, Path output) {
        }

        @Override
        public Encoder open(Path output, EncoderSettings settings, VideoFormat format) {
            List<String> lines = new ArrayList<>();
            return new Encoder() {
                @Override
                public void encode(Picture picture, int frameIndex) {
                    lines.add(Long.toString(crc(picture)));
                }

                @Override
                public void close() throws IOException {
                    Files.write(output, lines);
                }
            };
        }

        static long crc(Picture p) {
            CRC32 crc = new CRC32();
            crc.update(p.rgb());
            return crc.getValue();
        }
    }
}
