package dev.reel.sequences;

import dev.reel.api.FrameSource;
import dev.reel.api.InvalidViewException;
import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import dev.reel.api.View;
import java.util.function.DoubleFunction;

/** The whole-path check that camera sequences run in {@link Sequence#prepare}. */
final class FramePath {
    private FramePath() {
    }

    /**
     * Asks {@code source} to check the view of every frame of {@code sequence} at the format's
     * frame rate and size.
     *
     * @throws InvalidViewException for the first frame whose view cannot be made or drawn, naming
     *     the frame (local to the sequence), its time and the source's reason
     */
    static void check(Sequence sequence, VideoFormat format, FrameSource source, DoubleFunction<View> views) {
        int n = sequence.frameCount(format.fps());
        for (int i = 0; i < n; i++) {
            double t = sequence.frameTime(i, format.fps());
            try {
                source.check(views.apply(t), format.width(), format.height());
            } catch (InvalidViewException | IllegalArgumentException e) {
                throw new InvalidViewException("frame " + i + " of this sequence (t = " + t + " s): " + e.getMessage());
            }
        }
    }
}
