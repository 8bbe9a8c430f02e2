package dev.reel.app;

/**
 * Ends a command with an exit status and one line for stderr. Commands throw it; {@link Main}
 * prints the message (and the stack trace of the cause only with {@code --verbose}) and exits
 * with the status.
 */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure while rendering or writing: the frame or file and the cause. */
    static final int FAILED = 1;
    /** Bad usage or a bad script: the file, the key and what was expected. */
    static final int BAD_INPUT = 2;
    /** Stopped by Ctrl-C (SIGINT), as shells report it: 128 + 2. */
    static final int CANCELLED = 130;

    private final int status;

    CommandFailure(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** Bad usage or a bad script (exit status 2). */
    static CommandFailure badInput(String message) {
        return new CommandFailure(BAD_INPUT, message, null);
    }

    /** Bad usage or a bad script (exit status 2), keeping the exception for {@code --verbose}. */
    static CommandFailure badInput(String message, Throwable cause) {
        return new CommandFailure(BAD_INPUT, message, cause);
    }

    /** A failure while rendering or writing (exit status 1). */
    static CommandFailure failed(String message, Throwable cause) {
        return new CommandFailure(FAILED, message, cause);
    }

    int status() {
        return status;
    }
}
