package dev.reel.sequences;

import static dev.reel.sequences.InterpolationTest.assertAgrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reel.api.InvalidViewException;
import dev.reel.api.Movie;
import dev.reel.api.PanView;
import dev.reel.api.VideoFormat;
import dev.reel.api.View;
import dev.reel.api.ZoomView;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraZoomTest {

    /** fractalshades' zoom_movie depth track, drawn by the real renderer, against SciPy (scipy/zoom_path.txt). */
    @Test
    void theDepthsAreScipysFrameByFrame() {
        ReferenceTable table = ReferenceTable.load("zoom_path.txt");
        double fps = table.numbers("fps")[0];
        RecordingSource source = new RecordingSource("zoom_expmap.postdb", ZoomView.class);
        CameraZoom zoom = new CameraZoom(source, table.track("h", Interpolation.PCHIP));
        assertEquals("camera-zoom over zoom_expmap.postdb", zoom.description());
        Movie movie = new Movie(720, 480, fps, List.of(zoom));
        assertEquals(420, movie.frameCount());
        assertEquals((int) table.numbers("frames")[0], movie.frameCount());
        List<View> views = Frames.render(movie, source);
        assertEquals(views, source.checked);
        double hv = Math.log(10 / 7.6e-20);
        for (double[] row : table.rows()) {
            int i = (int) row[0];
            assertEquals(row[1], zoom.frameTime(i, fps), "time of frame " + i);
            assertAgrees(row[2], ((ZoomView) views.get(i)).h(), hv, "h of frame " + i);
        }
        // Frame 0 at t = 0, frame 30 at 2.5 and frame 390 at 32.5 sit on keyframes; frame 419 is the last.
        assertEquals(new ZoomView(hv), views.get(0));
        assertEquals(2.5, zoom.frameTime(30, fps));
        assertEquals(new ZoomView(hv), views.get(30));
        assertEquals(32.5, zoom.frameTime(390, fps));
        assertEquals(new ZoomView(0), views.get(390));
        assertEquals(new ZoomView(0), views.get(419));
    }

    /** h = 40 + t: the first depth above 46.95 is 47 at t = 7, frame 70 at 10 fps. */
    @Test
    void prepareFindsTheFirstDepthOutOfRange() {
        RecordingSource source = new RecordingSource("zoom", ZoomView.class,
                v -> ((ZoomView) v).h() > 46.95 ? "h is above the deepest 46.95" : null);
        CameraZoom zoom = new CameraZoom(source, Track.linear(new double[] {0, 10}, new double[] {40, 50}));
        assertEquals("frame 70 of this sequence (t = 7.0 s): zoom: h is above the deepest 46.95",
                assertThrows(InvalidViewException.class, () -> zoom.prepare(new VideoFormat(64, 48, 10))).getMessage());
    }

    @Test
    void aSourceOfPanViewsIsRejected() {
        assertEquals("pan.postdb cannot draw zoom views; camera-zoom needs an exponential map and its final image",
                assertThrows(IllegalArgumentException.class, () -> new CameraZoom(
                        new RecordingSource("pan.postdb", PanView.class),
                        Track.pchip(new double[] {0, 1}, new double[] {1, 0}))).getMessage());
    }
}
