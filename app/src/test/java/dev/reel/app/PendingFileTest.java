package dev.reel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingFileTest {
    @TempDir
    Path dir;

    @Test
    void commitReplacesTheTargetAndCloseWithoutCommitKeepsIt() throws IOException {
        Path target = Files.writeString(dir.resolve("movie.mp4"), "old");
        try (PendingFile file = PendingFile.beside(target)) {
            assertEquals(dir, file.temporary().getParent());
            assertTrue(file.temporary().getFileName().toString().matches("\\.reel-movie-[0-9a-f]+\\.mp4"),
                    file.temporary().toString());
            Files.writeString(file.temporary(), "half");
        }
        assertEquals("old", Files.readString(target));
        assertEquals("[movie.mp4]", ReelHarness.list(dir));

        try (PendingFile file = PendingFile.beside(target)) {
            Files.writeString(file.temporary(), "new");
            file.commit();
        }
        assertEquals("new", Files.readString(target));
        assertEquals("[movie.mp4]", ReelHarness.list(dir));
    }

    @Test
    void aFolderIsNotATarget() throws IOException {
        IOException e = assertThrows(IOException.class, () -> PendingFile.beside(dir));
        assertEquals(dir + ": is a folder; expected a file name", e.getMessage());
    }
}
