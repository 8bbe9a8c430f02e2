package dev.reel.api.spi;

import dev.reel.api.ReelException;

/**
 * An encoder cannot honour a setting. The message names the encoder, the script key (for example
 * {@code encoder.pixel-format}) and the values it accepts.
 */
public class UnsupportedSettingException extends ReelException {
    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key the script key, e.g. {@code pixel-format} or {@code options.tune}
     * @param message the whole one-line message
     */
    public UnsupportedSettingException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The script key of the setting, relative to the {@code encoder:} section. */
    public String key() {
        return key;
    }
}
