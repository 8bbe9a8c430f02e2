package dev.reel.api.spi;

import java.util.Objects;

/**
 * Whether a provider can work on this machine, and if not, why.
 *
 * @param available whether it works here
 * @param reason for an unavailable provider, what is missing, e.g. {@code natives for
 *     linux-aarch64 are not in this distribution}; empty when available
 */
public record Availability(boolean available, String reason) {
    public static final Availability AVAILABLE = new Availability(true, "");

    public Availability {
        Objects.requireNonNull(reason, "reason");
        if (!available && reason.isBlank()) {
            throw new IllegalArgumentException("an unavailable provider must say why");
        }
    }

    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
