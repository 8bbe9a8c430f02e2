package dev.reel.app;

import dev.reel.api.Encoder;
import dev.reel.api.EncoderSettings;
import dev.reel.api.FrameSource;
import dev.reel.api.PanView;
import dev.reel.api.Picture;
import dev.reel.api.Registry;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import dev.reel.api.View;
import dev.reel.api.spi.Availability;
import dev.reel.api.spi.EncoderProvider;
import dev.reel.api.spi.FrameSourceProvider;
import dev.reel.api.spi.SequenceContext;
import dev.reel.api.spi.SequenceProvider;
import dev.reel.api.spi.SequenceSpec;
import dev.reel.api.spi.UnsupportedSettingException;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Providers for the app's tests, registered through a {@link Registry} built by the test: a
 * sequence type painting known colours, a frame source that counts opens and closes, an encoder
 * writing raw frames that the test reads back, and an encoder that is never available.
 */
final class TestProviders {
    final GradientType gradient = new GradientType();
    final CountingSources sources = new CountingSources();
    final RawEncoders raw = new RawEncoders();
    final OfflineEncoders offline = new OfflineEncoders();

    Registry registry() {
        return Registry.builder().add("test", gradient, sources, raw, offline).build();
    }

    /**
     * The colour of pixel (x, y) of the test-gradient frame at {@code time}: red from the time in
     * hundredths of a second, green and blue from the position.
     */
    static int color(double time, int x, int y) {
        return (int) (Math.round(time * 100) % 256) << 16 | (x * 16 % 256) << 8 | (y * 32 % 256);
    }

    /**
     * {@code type: test-gradient} with {@code t: [start, end]}; optional {@code dx} track (only its
     * times are checked), {@code fail-at: TIME} (that frame throws), {@code block-at: TIME} (that
     * frame waits for {@link #release}), {@code db: FILE} (opened through the context).
     */
    static final class GradientType implements SequenceProvider {
        static final Set<String> KEYS = Set.of("type", "t", "dx", "fail-at", "block-at", "db");
        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger framesDrawn = new AtomicInteger();

        @Override
        public String name() {
            return "test-gradient";
        }

        @Override
        public Sequence create(SequenceSpec spec, SequenceContext context) throws IOException {
            for (String key : spec.keys()) {
                if (!KEYS.contains(key)) {
                    throw spec.error(key, "unknown key for test-gradient");
                }
            }
            List<?> t = spec.list("t");
            if (t.size() != 2 || !(t.get(0) instanceof Number) || !(t.get(1) instanceof Number)) {
                throw spec.error("t", "expected [start, end], got " + t);
            }
            if (spec.has("dx")) {
                Object times = spec.map("dx").get("t");
                if (!(times instanceof List<?> list)) {
                    throw spec.error("dx.t", "expected a list of times");
                }
                for (int i = 1; i < list.size(); i++) {
                    if (((Number) list.get(i)).doubleValue() <= ((Number) list.get(i - 1)).doubleValue()) {
                        throw spec.error("dx.t", "expected strictly increasing times, got " + list);
                    }
                }
            }
            if (spec.has("db")) {
                FrameSource source = context.openSource(Map.of("db", spec.path("db")));
                if (!source.supports(PanView.class)) {
                    throw spec.error("db", "expected a database of pan views");
                }
            }
            double failAt = spec.has("fail-at") ? spec.number("fail-at") : Double.NaN;
            double blockAt = spec.has("block-at") ? spec.number("block-at") : Double.NaN;
            return new Gradient(((Number) t.get(0)).doubleValue(), ((Number) t.get(1)).doubleValue(), failAt, blockAt);
        }

        private final class Gradient implements Sequence {
            private final double start;
            private final double end;
            private final double failAt;
            private final double blockAt;

            Gradient(double start, double end, double failAt, double blockAt) {
                this.start = start;
                this.end = end;
                this.failAt = failAt;
                this.blockAt = blockAt;
            }

            @Override
            public double startTime() {
                return start;
            }

            @Override
            public double endTime() {
                return end;
            }

            @Override
            public String description() {
                return "test-gradient";
            }

            @Override
            public void render(double time, Picture target) {
                if (Math.abs(time - failAt) < 1e-9) {
                    throw new IllegalStateException("paint failed at t = " + time);
                }
                if (Math.abs(time - blockAt) < 1e-9) {
                    blocked.countDown();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                for (int y = 0; y < target.height(); y++) {
                    for (int x = 0; x < target.width(); x++) {
                        target.set(x, y, color(time, x, y));
                    }
                }
                framesDrawn.incrementAndGet();
            }
        }
    }

    /** Opens {@code db: *.testdb} files, counting opens and closes. */
    static final class CountingSources implements FrameSourceProvider {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public String name() {
            return "test-db";
        }

        @Override
        public boolean recognises(Map<String, Path> files) {
            return files.size() == 1 && files.containsKey("db") && files.get("db").toString().endsWith(".testdb");
        }

        @Override
        public String filesDescription() {
            return "db: a .testdb file";
        }

        @Override
        public FrameSource open(Map<String, Path> files) throws IOException {
            Path file = files.get("db");
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            opened.incrementAndGet();
            return new FrameSource() {
                @Override
                public String description() {
                    return file.getFileName().toString();
                }

                @Override
                public boolean supports(Class<? extends View> kind) {
                    return kind == PanView.class;
                }

                @Override
                public void draw(View view, Picture target) {
                    target.fill(0);
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }
    }

    /**
     * Encoder {@code raw}: writes width and height, then each frame's index and RGB bytes, to a
     * {@code .raw} file. Accepts codecs h264 and rgb, and crf up to 40.
     */
    static final class RawEncoders implements EncoderProvider {
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger aborted = new AtomicInteger();

        @Override
        public String name() {
            return "raw";
        }

        @Override
        public Availability availability() {
            return Availability.AVAILABLE;
        }

        @Override
        public Set<String> codecs() {
            return Set.of("rgb", "h264");
        }

        @Override
        public String defaultExtension(String codec) {
            return "raw";
        }

        @Override
        public void check(EncoderSettings settings, VideoFormat format, Path output) {
            if (!codecs().contains(settings.codec())) {
                throw new UnsupportedSettingException("codec",
                        "raw encoder: codec '" + settings.codec() + "' is not offered; use h264 or rgb");
            }
            if (settings.crf() != null && settings.crf() > 40) {
                throw new UnsupportedSettingException("crf", "raw encoder: crf " + settings.crf() + " is above 40");
            }
            if (!output.getFileName().toString().endsWith(".raw")) {
                throw new UnsupportedSettingException("output", "raw encoder: expected a file name ending in .raw");
            }
        }

        @Override
        public Encoder open(Path output, EncoderSettings settings, VideoFormat format) throws IOException {
            check(settings, format, output);
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(output)));
            data.writeInt(format.width());
            data.writeInt(format.height());
            return new Encoder() {
                @Override
                public void encode(Picture picture, int frameIndex) throws IOException {
                    data.writeInt(frameIndex);
                    data.write(picture.rgb());
                }

                @Override
                public void close() throws IOException {
                    data.close();
                    closed.incrementAndGet();
                }

                @Override
                public void abort() {
                    try {
                        data.close();
                    } catch (IOException e) {
                        // Aborting: the file is deleted anyway.
                    }
                    aborted.incrementAndGet();
                }
            };
        }
    }

    /** A frame read back from a raw file. */
    record RawFrame(int index, int width, int height, byte[] rgb) {
        int get(int x, int y) {
            int i = 3 * (y * width + x);
            return (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff);
        }

        @Override
        public String toString() {
            return "RawFrame[" + index + ", " + width + "x" + height + ", " + Arrays.hashCode(rgb) + "]";
        }
    }

    static List<RawFrame> readRaw(Path file) throws IOException {
        List<RawFrame> frames = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            int width = data.readInt();
            int height = data.readInt();
            while (true) {
                int index;
                try {
                    index = data.readInt();
                } catch (EOFException end) {
                    return frames;
                }
                byte[] rgb = new byte[3 * width * height];
                data.readFully(rgb);
                frames.add(new RawFrame(index, width, height, rgb));
            }
        }
    }

    /** Encoder {@code offline}: listed but never available. */
    static final class OfflineEncoders implements EncoderProvider {
        @Override
        public String name() {
            return "offline";
        }

        @Override
        public Availability availability() {
            return Availability.unavailable("test natives are missing");
        }

        @Override
        public Set<String> codecs() {
            return Set.of("h264");
        }

        @Override
        public void check(EncoderSettings settings, VideoFormat format, Path output) {
            throw new UnsupportedSettingException(null, "offline encoder: not available");
        }

        @Override
        public Encoder open(Path output, EncoderSettings settings, VideoFormat format) throws IOException {
            throw new IOException("offline encoder: not available");
        }
    }
}
