package dev.reel.sequences;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reel.api.PanView;
import dev.reel.api.Sequence;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Frame counts and frame times against fractalshades' formulas as Python evaluates them
 * (scipy/timing.txt): {@code int((tmax - tmin) * fps)} frames, frame i at
 * {@code tmin + (tmax - tmin) * i / n}; the times must be the same doubles.
 */
class TimingTest {

    @Test
    void countsAndBoundaryTimesMatchPython() {
        ReferenceTable table = ReferenceTable.load("timing.txt");
        assertEquals(10, table.rows().size());
        for (double[] row : table.rows()) {
            double tmin = row[0];
            double tmax = row[1];
            double fps = row[2];
            List<Sequence> sequences = new ArrayList<>();
            sequences.add(new CustomSequence(tmin, tmax, "custom", (t, p) -> { }));
            if (tmax > tmin) {
                sequences.add(new CameraPan(new RecordingSource("pan.postdb", PanView.class),
                        Track.linear(new double[] {tmin, tmax}, new double[] {0, 0}),
                        Track.pchip(new double[] {tmin, (tmin + tmax) / 2, tmax}, new double[] {0, 0.1, 0}),
                        Track.pchip(new double[] {tmin, tmax}, new double[] {0.5, 0.5})));
                sequences.add(new CameraZoom(new RecordingSource("zoom", dev.reel.api.ZoomView.class),
                        Track.pchip(new double[] {tmin, tmax}, new double[] {3, 0})));
            }
            for (Sequence s : sequences) {
                String where = s.description() + " from " + tmin + " to " + tmax + " at " + fps + " fps";
                int n = s.frameCount(fps);
                assertEquals((int) row[3], n, where);
                if (n > 0) {
                    assertEquals(row[4], s.frameTime(0, fps), where + ", first frame");
                    assertEquals(row[6], s.frameTime(n - 1, fps), where + ", last frame");
                }
                if (n > 1) {
                    assertEquals(row[5], s.frameTime(1, fps), where + ", second frame");
                }
            }
        }
    }
}
