package dev.reel.sequences;

import dev.reel.api.Encoder;
import dev.reel.api.Movie;
import dev.reel.api.OrderedRenderer;
import dev.reel.api.Picture;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import java.util.List;

/**
 * A test sequence that writes the exact time it is asked to draw into its picture (the 8 bytes of
 * the double in a 3x1 picture), so that a frame shows bit for bit which time of it was drawn.
 */
final class Stamp {
    private Stamp() {
    }

    /** A stamp sequence over {@code [start, end]}. */
    static CustomSequence over(double start, double end) {
        return new CustomSequence(start, end, "stamp " + start + " .. " + end, Stamp::paint);
    }

    static void paint(double time, Picture p) {
        long bits = Double.doubleToRawLongBits(time);
        byte[] rgb = p.rgb();
        for (int k = 0; k < rgb.length; k++) {
            rgb[k] = k < 8 ? (byte) (bits >>> (56 - 8 * k)) : 0;
        }
    }

    static double read(Picture p) {
        long bits = 0;
        for (int k = 0; k < 8; k++) {
            bits = bits << 8 | (p.rgb()[k] & 0xff);
        }
        return Double.longBitsToDouble(bits);
    }

    /** As the renderer does: prepare, then draw every frame at its frame time; the stamp times drawn. */
    static double[] drawn(Sequence s, double fps) {
        s.prepare(new VideoFormat(3, 1, fps));
        Picture p = new Picture(3, 1);
        double[] times = new double[s.frameCount(fps)];
        for (int i = 0; i < times.length; i++) {
            s.render(s.frameTime(i, fps), p);
            times[i] = read(p);
        }
        return times;
    }

    /** The frame times of a sequence. */
    static double[] frameTimes(Sequence s, double fps) {
        double[] times = new double[s.frameCount(fps)];
        for (int i = 0; i < times.length; i++) {
            times[i] = s.frameTime(i, fps);
        }
        return times;
    }

    /** The stamp times of every frame of a movie of these sequences, rendered by the real renderer on 3 threads. */
    static double[] rendered(double fps, Sequence... sequences) {
        Movie movie = new Movie(3, 1, fps, List.of(sequences));
        double[] times = new double[movie.frameCount()];
        OrderedRenderer.builder().threads(3).build().render(movie, new Encoder() {
            @Override
            public void encode(Picture picture, int frameIndex) {
                times[frameIndex] = read(picture);
            }

            @Override
            public void close() {
            }
        });
        return times;
    }
}
