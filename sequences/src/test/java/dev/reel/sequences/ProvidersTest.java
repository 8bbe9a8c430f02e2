package dev.reel.sequences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reel.api.FrameSource;
import dev.reel.api.PanView;
import dev.reel.api.Registry;
import dev.reel.api.ScriptException;
import dev.reel.api.VideoFormat;
import dev.reel.api.ZoomView;
import dev.reel.api.spi.SequenceContext;
import dev.reel.api.spi.SequenceProvider;
import dev.reel.api.spi.SequenceSpec;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** camera-pan and camera-zoom built from script entries, as in movie-script.md's example. */
class ProvidersTest {
    private static final String AT = "movie.yaml: sequences[1]";

    /** Hands out one source and records the files it was asked to open. */
    static final class FakeContext implements SequenceContext {
        final FrameSource source;
        final List<Map<String, Path>> opened = new ArrayList<>();

        FakeContext(FrameSource source) {
            this.source = source;
        }

        @Override
        public VideoFormat format() {
            return new VideoFormat(720, 480, 60);
        }

        @Override
        public FrameSource openSource(Map<String, Path> files) {
            opened.add(files);
            return source;
        }
    }

    private static Map<String, Object> track(List<?> t, List<?> v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", t);
        m.put("v", v);
        return m;
    }

    private static Map<String, Object> pan() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "camera-pan");
        m.put("db", "pan.postdb");
        m.put("x", track(List.of(0, 10), List.of(-0.25, 0.25)));
        m.put("y", track(List.of(0, 10), List.of(0, 0)));
        m.put("dx", track(List.of(0, 10), List.of(0.5, 0.5)));
        return m;
    }

    private static Map<String, Object> zoom() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "camera-zoom");
        m.put("expmap", "zoom_expmap.postdb");
        m.put("final", "zoom_final.postdb");
        m.put("h", track(List.of(10, 12.5, 42.5, 45), List.of(46.3, 46.3, 0, 0)));
        return m;
    }

    private static SequenceSpec spec(Map<String, Object> values) {
        return new SequenceSpec(AT, Path.of("/movies"), values);
    }

    private static String panError(Map<String, Object> values, FakeContext context) {
        return assertThrows(ScriptException.class, () -> new CameraPanProvider().create(spec(values), context)).getMessage();
    }

    private static String zoomError(Map<String, Object> values, FakeContext context) {
        return assertThrows(ScriptException.class, () -> new CameraZoomProvider().create(spec(values), context)).getMessage();
    }

    @Test
    void theExamplePanIsBuilt() throws Exception {
        FakeContext context = new FakeContext(new RecordingSource("pan.postdb", PanView.class));
        CameraPan pan = assertInstanceOf(CameraPan.class, new CameraPanProvider().create(spec(pan()), context));
        assertEquals(List.of(Map.of("db", Path.of("/movies/pan.postdb"))), context.opened);
        assertSame(context.source, pan.source());
        assertEquals(0, pan.startTime());
        assertEquals(10, pan.endTime());
        assertEquals(600, pan.frameCount(60));
        assertEquals(new PanView(-0.25, 0, 0.5), pan.view(0));
        PanView middle = pan.view(5);
        assertEquals(0, middle.x(), 1e-16);
        assertEquals(0.125, pan.view(7.5).x(), 1e-16);
    }

    @Test
    void theExampleZoomIsBuilt() throws Exception {
        FakeContext context = new FakeContext(new RecordingSource("zoom", ZoomView.class));
        CameraZoom zoom = assertInstanceOf(CameraZoom.class, new CameraZoomProvider().create(spec(zoom()), context));
        assertEquals(List.of(Map.of("expmap", Path.of("/movies/zoom_expmap.postdb"),
                "final", Path.of("/movies/zoom_final.postdb"))), context.opened);
        assertEquals(10, zoom.startTime());
        assertEquals(45, zoom.endTime());
        assertEquals(2100, zoom.frameCount(60));
        assertEquals(new ZoomView(46.3), zoom.view(12.5));
        assertEquals(46.3 / 2, zoom.view(27.5).h(), 1e-13);
        assertEquals(new ZoomView(0), zoom.view(42.5));
    }

    @Test
    void timeRemappingKeysAreLeftToTheWrappers() throws Exception {
        Map<String, Object> m = pan();
        m.put("reverse", true);
        m.put("speed", 2);
        m.put("easing", "sine-in-out");
        m.put("crop", List.of(1, 2));
        m.put("crossfade", 0.5);
        new CameraPanProvider().create(spec(m), new FakeContext(new RecordingSource("pan.postdb", PanView.class)));
        Map<String, Object> z = zoom();
        z.put("reverse", true);
        new CameraZoomProvider().create(spec(z), new FakeContext(new RecordingSource("zoom", ZoomView.class)));
    }

    @Test
    void unknownKeysAreNamedWithTheNearestKnownOne() {
        FakeContext context = new FakeContext(new RecordingSource("pan.postdb", PanView.class));
        Map<String, Object> m = pan();
        m.put("dxx", 1);
        assertEquals(AT + ": dxx: unknown key for camera-pan; did you mean 'dx'? (camera-pan reads type, db, x, y, dx"
                + " and the time-remapping keys crop, reverse, easing, speed, crossfade)", panError(m, context));
        m.remove("dxx");
        m.put("revers", true);
        assertEquals(AT + ": revers: unknown key for camera-pan; did you mean 'reverse'? (camera-pan reads type, db,"
                + " x, y, dx and the time-remapping keys crop, reverse, easing, speed, crossfade)", panError(m, context));
        m.remove("revers");
        m.put("zoom", 2);
        assertEquals(AT + ": zoom: unknown key for camera-pan (camera-pan reads type, db, x, y, dx and the"
                + " time-remapping keys crop, reverse, easing, speed, crossfade)", panError(m, context));
        Map<String, Object> z = zoom();
        z.put("H", 3);
        assertEquals(AT + ": H: unknown key for camera-zoom; did you mean 'h'? (camera-zoom reads type, expmap, final,"
                + " h and the time-remapping keys crop, reverse, easing, speed, crossfade)",
                zoomError(z, new FakeContext(new RecordingSource("zoom", ZoomView.class))));
        assertEquals(List.of(), context.opened);
    }

    @Test
    void badEntriesNameTheKeyAndOpenNothing() {
        FakeContext context = new FakeContext(new RecordingSource("pan.postdb", PanView.class));
        Map<String, Object> m = pan();
        m.remove("db");
        assertEquals(AT + ": db: missing; this sequence type needs it", panError(m, context));

        m = pan();
        m.put("y", track(List.of(0, 5, 9), List.of(0, 0.1, 0)));
        assertEquals(AT + ": y.t: y runs from 0 to 9 s but x from 0 to 10 s; the tracks of one sequence must start"
                + " and end at the same times", panError(m, context));

        m = pan();
        m.put("dx", track(List.of(0, 5, 10), List.of(0.5, -0.1, 0.5)));
        assertEquals(AT + ": dx.v[1]: expected a positive view width, got -0.1", panError(m, context));

        m = pan();
        m.put("x", track(List.of(0, 10), List.of(-0.25)));
        assertEquals(AT + ": x: t has 2 times but v has 1 values; expected one value per time", panError(m, context));

        Map<String, Object> z = zoom();
        z.remove("final");
        assertEquals(AT + ": final: missing; this sequence type needs it",
                zoomError(z, new FakeContext(new RecordingSource("zoom", ZoomView.class))));
        z = zoom();
        Map<String, Object> h = track(List.of(10, 45), List.of(46.3, 0));
        h.put("interpolation", "cubic");
        z.put("h", h);
        assertEquals(AT + ": h.interpolation: unknown interpolation 'cubic'; known: pchip, linear",
                zoomError(z, new FakeContext(new RecordingSource("zoom", ZoomView.class))));
        assertEquals(List.of(), context.opened);
    }

    @Test
    void aSourceOfTheWrongKindIsNamed() {
        assertEquals(AT + ": db: zoom cannot draw pan views; camera-pan needs a flat database such as a .postdb",
                panError(pan(), new FakeContext(new RecordingSource("zoom", ZoomView.class))));
        assertEquals(AT + ": expmap: pan.postdb cannot draw zoom views; camera-zoom needs an exponential map and its"
                + " final image", zoomError(zoom(), new FakeContext(new RecordingSource("pan.postdb", PanView.class))));
    }

    /** Through the module's {@code provides}: the registry's ServiceLoader finds both types. */
    @Test
    void providersAreFoundByTheirScriptTypes() {
        Registry registry = Registry.builtIn();
        assertEquals(List.of("camera-pan", "camera-zoom"),
                registry.sequenceTypes().stream().map(Registry.Entry::name).toList());
        assertInstanceOf(CameraPanProvider.class, registry.sequenceType("camera-pan"));
        assertInstanceOf(CameraZoomProvider.class, registry.sequenceType("camera-zoom"));
        assertEquals(List.of(), registry.problems());
    }

    /** For class-path users: the service file names the same providers, and they load. */
    @Test
    void theServiceFileListsTheProviders() throws Exception {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/services/" + SequenceProvider.class.getName())) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals(List.of(CameraPanProvider.class.getName(), CameraZoomProvider.class.getName()), lines);
            for (String name : lines) {
                assertInstanceOf(SequenceProvider.class, Class.forName(name).getConstructor().newInstance());
            }
        }
    }

    @Test
    void nearestKeys() {
        List<String> keys = List.of("type", "expmap", "final", "h");
        assertEquals("expmap", SequenceKeys.nearest("expmpa", keys).orElseThrow());
        assertEquals("final", SequenceKeys.nearest("Finale", keys).orElseThrow());
        assertEquals("type", SequenceKeys.nearest("typ", keys).orElseThrow());
        assertEquals(java.util.Optional.empty(), SequenceKeys.nearest("db", keys));
    }
}
