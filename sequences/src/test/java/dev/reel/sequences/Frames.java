package dev.reel.sequences;

import dev.reel.api.Encoder;
import dev.reel.api.Movie;
import dev.reel.api.OrderedRenderer;
import dev.reel.api.Picture;
import dev.reel.api.View;
import java.util.ArrayList;
import java.util.List;

/** Renders a movie with the real renderer and reads back, in frame order, the view each frame drew. */
final class Frames {
    private Frames() {
    }

    static List<View> render(Movie movie, RecordingSource source) {
        List<View> views = new ArrayList<>();
        OrderedRenderer.builder().threads(3).build().render(movie, new Encoder() {
            @Override
            public void encode(Picture picture, int frameIndex) {
                if (frameIndex != views.size()) {
                    throw new AssertionError("frame " + frameIndex + " out of order");
                }
                views.add(source.drawn.get(picture));
            }

            @Override
            public void close() {
            }
        });
        return views;
    }

    /** An encoder that keeps nothing. */
    static final class Discard implements Encoder {
        @Override
        public void encode(Picture picture, int frameIndex) {
        }

        @Override
        public void close() {
        }
    }
}
