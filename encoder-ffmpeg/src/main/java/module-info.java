/** Native FFmpeg encoding through the bytedeco FFmpeg presets. */
module dev.reel.encoder.ffmpeg {
    // Transitive: the exported catalogue takes and throws dev.reel.api types.
    requires transitive dev.reel.api;

    exports dev.reel.encoder.ffmpeg;
}
