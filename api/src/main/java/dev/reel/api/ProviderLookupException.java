package dev.reel.api;

/**
 * No provider answers to a name (an encoder, a sequence type) or can open some files, or the one
 * named is unavailable here. The message lists what is installed and, for unavailable ones, why.
 */
public class ProviderLookupException extends ReelException {
    private static final long serialVersionUID = 1L;

    public ProviderLookupException(String message) {
        super(message);
    }
}
