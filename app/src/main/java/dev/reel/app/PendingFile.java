package dev.reel.app;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An output file written under a temporary name beside its target, and moved into place only when
 * complete (design.md, "Errors and output files"): a reader never sees a half-written movie, and a
 * failed or cancelled render never destroys an older file at the target.
 *
 * <p>The temporary file is hidden ({@code .reel-zoom-1f3a9c.mp4} for {@code zoom.mp4}) and keeps
 * the target's extension, because encoders choose the container from it. It is created empty with
 * the folder's default permissions. {@link #close()} deletes it unless {@link #commit()} moved it.
 * Not thread-safe: one thread writes, commits and closes.
 */
final class PendingFile implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private boolean committed;

    private PendingFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /**
     * Creates the temporary file beside {@code target}.
     *
     * @throws IOException if the target's folder does not exist, the target is a folder, or the
     *     temporary file cannot be created; the message names the path and the problem
     */
    static PendingFile beside(Path target) throws IOException {
        Objects.requireNonNull(target, "target");
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException(target + ": the folder " + folder + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException(target + ": is a folder; expected a file name");
        }
        String name = absolute.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int attempt = 0; ; attempt++) {
            String random = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
            Path temporary = folder.resolve(".reel-" + stem + "-" + random + extension);
            try {
                Files.createFile(temporary);
                return new PendingFile(absolute, temporary);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            } catch (IOException e) {
                throw new IOException(target + ": cannot create a file in " + folder + ": " + reason(e), e);
            }
        }
    }

    /** The file to write to. */
    Path temporary() {
        return temporary;
    }

    /** Where the file goes when complete. */
    Path target() {
        return target;
    }

    /**
     * Moves the complete file into place, atomically replacing an older file at the target.
     *
     * @throws IOException if it cannot be moved; the temporary file is then deleted on close
     */
    void commit() throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this is rare (some network file systems): replace as well as we can.
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Deletes the temporary file unless it was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            Files.deleteIfExists(temporary);
        }
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : m == null ? e.getClass().getSimpleName() : m;
    }
}
