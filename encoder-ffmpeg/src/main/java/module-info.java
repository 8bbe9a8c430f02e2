/**
 * Native FFmpeg encoding through the bytedeco FFmpeg presets: the {@code ffmpeg} encoder provider.
 *
 * <p>The natives live in platform modules that nothing requires by name (so that a build for
 * another platform needs no change here): start Java with
 * {@code --add-modules org.bytedeco.ffmpeg.linux.x86_64.gpl,org.bytedeco.javacpp.linux.x86_64}.
 */
module dev.reel.encoder.ffmpeg {
    // Transitive: the exported catalogue takes and throws dev.reel.api types.
    requires transitive dev.reel.api;
    requires org.bytedeco.javacpp;
    requires org.bytedeco.ffmpeg;

    exports dev.reel.encoder.ffmpeg;

    provides dev.reel.api.spi.EncoderProvider with dev.reel.encoder.ffmpeg.FfmpegEncoderProvider;
}
