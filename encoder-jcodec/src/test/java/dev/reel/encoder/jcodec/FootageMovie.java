package dev.reel.encoder.jcodec;

import dev.reel.api.EncoderSettings;
import dev.reel.api.Movie;
import dev.reel.api.OrderedRenderer;
import dev.reel.api.Picture;
import dev.reel.api.RenderResult;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Test footage as a movie, rendered by the real {@link OrderedRenderer} into the jcodec encoder:
 * render threads draw and run the encoder's prepare step, one thread encodes, as in {@code reel render}.
 */
final class FootageMovie {
    private FootageMovie() {
    }

    /** Renders the first {@code frames} frames of {@code footage} at {@code fps} into {@code output}. */
    static RenderResult render(TestFootage footage, int frames, double fps, EncoderSettings settings,
            Path output) throws IOException {
        Sequence pan = new Sequence() {
            @Override
            public double startTime() {
                return 0;
            }

            @Override
            public double endTime() {
                // Half a frame more, so that int(duration * fps) is exactly the frame count.
                return (frames + 0.5) / fps;
            }

            @Override
            public void render(double time, Picture target) {
                footage.draw((int) Math.round(time * fps), target);
            }
        };
        VideoFormat format = new VideoFormat(footage.width(), footage.height(), fps);
        Movie movie = new Movie(format, List.of(pan));
        return OrderedRenderer.builder().threads(2).build()
                .render(movie, new JcodecEncoderProvider().open(output, settings, format));
    }
}
