/**
 * The types every reel module speaks, and the engine that renders a movie.
 *
 * <p>{@code dev.reel.api} is what a user of the library calls: {@link dev.reel.api.Movie},
 * {@link dev.reel.api.Picture}, {@link dev.reel.api.OrderedRenderer}, the {@link dev.reel.api.Registry}.
 * {@code dev.reel.api.spi} is what a plugin author implements: encoders, sequence types and frame
 * sources, each found with {@link java.util.ServiceLoader}.
 */
module dev.reel.api {
    exports dev.reel.api;
    exports dev.reel.api.spi;

    uses dev.reel.api.spi.EncoderProvider;
    uses dev.reel.api.spi.SequenceProvider;
    uses dev.reel.api.spi.FrameSourceProvider;
}
