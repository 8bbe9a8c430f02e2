package dev.reel.app;

import java.time.Duration;

/**
 * Where a running command learns that the user wants it stopped. The command's own seam, so that
 * tests can press "Ctrl-C" without a signal; the real one is {@link #SHUTDOWN_HOOK}.
 */
interface CancelSignal {

    /** Something that can be stopped, and whose clean-up can be waited for. */
    interface Cancellable {
        /** Asks it to stop; returns at once. Called from any thread. */
        void cancel();

        /** Waits until it has cleaned up (temporary files removed), at most {@code timeout}. */
        void awaitCleanup(Duration timeout) throws InterruptedException;
    }

    /** Undoes a {@link #register}. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Arranges for {@code target} to be cancelled when the user asks, until the registration is
     * closed.
     */
    Registration register(Cancellable target);

    /**
     * Ctrl-C (SIGINT) and SIGTERM: the JVM runs its shutdown hooks, and ours cancels the target and
     * holds the JVM until it has cleaned up (at most 30 s), so that no temporary file is left
     * behind. The JVM then exits with 130 for SIGINT (143 for SIGTERM).
     */
    CancelSignal SHUTDOWN_HOOK = target -> {
        Thread hook = new Thread(() -> {
            target.cancel();
            try {
                target.awaitCleanup(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "reel-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run: it waits for the clean-up that is under way.
            }
        };
    };
}
