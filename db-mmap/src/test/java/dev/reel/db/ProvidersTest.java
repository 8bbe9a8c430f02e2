package dev.reel.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.FrameSource;
import dev.reel.api.PanView;
import dev.reel.api.ProviderLookupException;
import dev.reel.api.Registry;
import dev.reel.api.ZoomView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The providers are found with ServiceLoader, as the app finds them, and open real files by role. */
class ProvidersTest {
    @TempDir
    Path dir;

    private Path picture(String name, int rows, int columns) throws IOException {
        return NpyWriter.rgbaPicture(dir.resolve(name), rows, columns);
    }

    @Test
    void theBuiltInRegistryFindsBothSources() {
        Registry registry = Registry.builtIn();
        assertEquals(List.of("postdb-pan", "postdb-zoom"),
                registry.frameSources().stream().map(Registry.Entry::name).collect(Collectors.toList()));
        assertEquals(List.of(), registry.problems());
    }

    @Test
    void scriptFilesOpenTheRightSource() throws IOException {
        Registry registry = Registry.builtIn();
        try (FrameSource pan = registry.openSource(Map.of("db", picture("pan.postdb", 8, 12)))) {
            assertTrue(pan instanceof PostdbPanSource);
            assertTrue(pan.supports(PanView.class));
            assertEquals("pan.postdb", pan.description());
        }
        Map<String, Path> zoomFiles = Map.of("expmap", picture("zoom_expmap.postdb", 40, 24),
                "final", picture("zoom_final.postdb", 16, 16));
        try (FrameSource zoom = registry.openSource(zoomFiles)) {
            assertTrue(zoom instanceof ExpZoomSource);
            assertTrue(zoom.supports(ZoomView.class));
        }
    }

    @Test
    void unrecognisedFilesListWhatIsInstalled() {
        ProviderLookupException e = assertThrows(ProviderLookupException.class,
                () -> Registry.builtIn().frameSourceFor(Map.of("db", Path.of("pan.png"))));
        assertEquals("no frame source can open {db=pan.png}; installed: postdb-pan (db: a fractalshades .postdb "
                + "(an RGB or RGBA uint8 NumPy array)); postdb-zoom (" + new ExpZoomProvider().filesDescription() + ")",
                e.getMessage());
    }
}
