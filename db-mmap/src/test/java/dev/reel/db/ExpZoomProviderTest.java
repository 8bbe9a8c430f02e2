package dev.reel.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reel.api.FrameSource;
import dev.reel.api.Picture;
import dev.reel.api.ZoomView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpZoomProviderTest {
    private final ExpZoomProvider provider = new ExpZoomProvider();

    @TempDir
    Path dir;

    private Path picture(String name, int rows, int columns) throws IOException {
        return NpyWriter.rgbaPicture(dir.resolve(name), rows, columns);
    }

    @Test
    void describesItself() {
        assertEquals("postdb-zoom", provider.name());
        assertEquals("expmap + final: a fractalshades exponential-map .postdb and its square final .postdb",
                provider.filesDescription());
    }

    @Test
    void recognisesExactlyTheRolesExpmapAndFinalWhateverTheNames() {
        assertTrue(provider.recognises(Map.of("expmap", Path.of("a.postdb"), "final", Path.of("b.postdb"))));
        assertTrue(provider.recognises(Map.of("expmap", Path.of("a.db"), "final", Path.of("b.png"))));
        assertFalse(provider.recognises(Map.of("db", Path.of("pan.postdb"))));
        assertFalse(provider.recognises(Map.of("expmap", Path.of("a.postdb"))));
        assertFalse(provider.recognises(Map.of("expmap", Path.of("a.postdb"), "final", Path.of("b.postdb"),
                "db", Path.of("c.postdb"))));
        Map<String, Path> withNull = new HashMap<>();
        withNull.put(null, Path.of("a.postdb"));
        withNull.put("final", Path.of("b.postdb"));
        assertFalse(provider.recognises(withNull));
    }

    @Test
    void opensAZoomAndDrawsIt() throws IOException {
        Map<String, Path> files = Map.of("expmap", picture("zoom_expmap.postdb", 40, 24),
                "final", picture("zoom_final.postdb", 16, 16));
        try (FrameSource source = provider.open(files)) {
            assertEquals("zoom_expmap.postdb + zoom_final.postdb", source.description());
            assertTrue(source.supports(ZoomView.class));
            Picture picture = new Picture(16, 9);
            source.draw(new ZoomView(1), picture);
        }
    }

    @Test
    void aDbOrWrongRolesAreReportedWhenOpening() throws IOException {
        Path db = picture("zoom_expmap.db", 40, 24);
        Map<String, Path> files = Map.of("expmap", db, "final", picture("zoom_final.postdb", 16, 16));
        IOException e = assertThrows(IOException.class, () -> provider.open(files));
        assertEquals(db + ": fractalshades' exponential zoom reads only .postdb files; a .db holds raw float32"
                + " fields that only the original Python plotter can colour; use the .postdb fractalshades saves"
                + " for a colour layer", e.getMessage());
        IllegalArgumentException roles = assertThrows(IllegalArgumentException.class,
                () -> provider.open(Map.of("db", db)));
        assertEquals("postdb-zoom opens the files expmap and final, got the roles [db]", roles.getMessage());
    }
}
