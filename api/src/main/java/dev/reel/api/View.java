package dev.reel.api;

/**
 * What a camera looks at in one frame: a small immutable value that a {@link FrameSource} draws.
 * The built-in kinds are {@link PanView} and {@link ZoomView}; a plugin may define its own kind
 * for its own sources. A source says which kinds it {@linkplain FrameSource#supports supports}.
 */
public interface View {
}
