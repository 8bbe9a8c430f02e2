package dev.reel.sequences;

import static dev.reel.sequences.InterpolationTest.assertAgrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reel.api.InvalidViewException;
import dev.reel.api.Movie;
import dev.reel.api.OrderedRenderer;
import dev.reel.api.PanView;
import dev.reel.api.RenderException;
import dev.reel.api.VideoFormat;
import dev.reel.api.View;
import dev.reel.api.ZoomView;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraPanTest {

    private static CameraPan fromTable(ReferenceTable table, RecordingSource source) {
        return new CameraPan(source, table.track("x", Interpolation.PCHIP), table.track("y", Interpolation.LINEAR),
                table.track("dx", Interpolation.PCHIP));
    }

    /** The real renderer draws the path; every frame's view is SciPy's (scipy/pan_path.txt). */
    @Test
    void thePathIsScipysFrameByFrame() {
        ReferenceTable table = ReferenceTable.load("pan_path.txt");
        double fps = table.numbers("fps")[0];
        RecordingSource source = new RecordingSource("pan.postdb", PanView.class);
        CameraPan pan = fromTable(table, source);
        assertEquals(0.5, pan.startTime());
        assertEquals(4.5, pan.endTime());
        assertEquals("camera-pan over pan.postdb", pan.description());

        Movie movie = new Movie(720, 480, fps, List.of(pan));
        int n = (int) table.numbers("frames")[0];
        assertEquals(96, n);
        assertEquals(n, movie.frameCount());
        List<View> views = Frames.render(movie, source);
        assertEquals(n, views.size());
        // prepare checked every frame's view, in order, before drawing.
        assertEquals(views, source.checked);
        for (double[] row : table.rows()) {
            int i = (int) row[0];
            assertEquals(row[1], pan.frameTime(i, fps), "time of frame " + i);
            PanView v = (PanView) views.get(i);
            assertAgrees(row[2], v.x(), 0.25, "x of frame " + i);
            assertAgrees(row[3], v.y(), 0.04, "y of frame " + i);
            assertAgrees(row[4], v.dx(), 0.5, "dx of frame " + i);
        }
    }

    /** First frame, frames that fall on keyframes, and the last frame (tmax itself is never drawn). */
    @Test
    void boundaryFramesSitOnTheKeyframes() {
        ReferenceTable table = ReferenceTable.load("pan_path.txt");
        CameraPan pan = fromTable(table, new RecordingSource("pan.postdb", PanView.class));
        double fps = 24;
        assertEquals(new PanView(-0.25, 0, 0.5), pan.view(pan.frameTime(0, fps)));
        // Frame 36 is at 0.5 + 4 * 36 / 96 = 2, x's second keyframe; 24 at 1.5 (y's); 60 at 3 (dx's).
        assertEquals(2.0, pan.frameTime(36, fps));
        assertEquals(-0.1, pan.view(2.0).x());
        assertEquals(1.5, pan.frameTime(24, fps));
        assertEquals(0.04, pan.view(1.5).y());
        assertEquals(3.0, pan.frameTime(60, fps));
        assertEquals(0.3, pan.view(3.0).dx());
        assertEquals(4.458333333333334, pan.frameTime(95, fps));
        assertEquals(new PanView(0.2, -0.03, 0.45), pan.view(4.5));
    }

    private static final double RIGHT = 0.5;

    private static String insideOnTheRight(View v) {
        PanView p = (PanView) v;
        return p.x() + p.dx() / 2 > RIGHT ? "the view's right edge is beyond 0.5" : null;
    }

    /** x = 0.04 t with dx = 0.5: the right edge passes 0.5 after t = 6.25, so frame 63 (t = 6.3) at 10 fps. */
    @Test
    void prepareFindsTheFirstFrameThatLeavesTheDatabase() {
        RecordingSource source = new RecordingSource("pan.postdb", PanView.class, CameraPanTest::insideOnTheRight);
        CameraPan pan = new CameraPan(source, Track.linear(new double[] {0, 10}, new double[] {0, 0.4}),
                Track.pchip(new double[] {0, 10}, new double[] {0, 0}),
                Track.pchip(new double[] {0, 10}, new double[] {0.5, 0.5}));
        InvalidViewException e = assertThrows(InvalidViewException.class,
                () -> pan.prepare(new VideoFormat(720, 480, 10)));
        assertEquals("frame 63 of this sequence (t = 6.3 s): pan.postdb: the view's right edge is beyond 0.5",
                e.getMessage());
        assertEquals(64, source.checked.size());

        Movie movie = new Movie(720, 480, 10, List.of(new CustomSequence(0, 1, "title", (t, p) -> p.fill(0)), pan));
        RenderException r = assertThrows(RenderException.class,
                () -> OrderedRenderer.builder().threads(2).build().render(movie, new Frames.Discard()));
        assertEquals("sequence 2 (camera-pan over pan.postdb): frame 63 of this sequence (t = 6.3 s): pan.postdb:"
                + " the view's right edge is beyond 0.5", r.getMessage());
        assertEquals(0, source.drawn.size());
    }

    @Test
    void badCamerasAreRejected() {
        Track x = Track.pchip(new double[] {0, 10}, new double[] {0, 0});
        Track dx = Track.pchip(new double[] {0, 10}, new double[] {0.5, 0.5});
        assertEquals("zoom cannot draw pan views; camera-pan needs a flat database such as a .postdb",
                assertThrows(IllegalArgumentException.class,
                        () -> new CameraPan(new RecordingSource("zoom", ZoomView.class), x, x, dx)).getMessage());
        RecordingSource db = new RecordingSource("pan.postdb", PanView.class);
        assertEquals("camera-pan: y runs from 0 to 9 s but x from 0 to 10 s; the tracks of one sequence must start"
                + " and end at the same times", assertThrows(IllegalArgumentException.class,
                        () -> new CameraPan(db, x, Track.pchip(new double[] {0, 9}, new double[] {0, 0}), dx)).getMessage());
        assertEquals("camera-pan: dx[1] = 0; view widths must be positive", assertThrows(IllegalArgumentException.class,
                () -> new CameraPan(db, x, x, Track.linear(new double[] {0, 10}, new double[] {0.5, 0}))).getMessage());
    }
}
