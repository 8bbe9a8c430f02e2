package dev.reel.api;

/**
 * The root of reel's own unchecked exceptions. Every message is one line that names what a user
 * needs to fix: the file, the key, the frame, and what was expected.
 */
public class ReelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReelException(String message) {
        super(message);
    }

    public ReelException(String message, Throwable cause) {
        super(message, cause);
    }
}
