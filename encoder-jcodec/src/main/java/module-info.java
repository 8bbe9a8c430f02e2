/**
 * Pure-Java H.264/MP4 encoding with JCodec: no native library anywhere. Provides the {@code jcodec}
 * {@link dev.reel.api.spi.EncoderProvider}.
 */
module dev.reel.encoder.jcodec {
    // Transitive: the exported converter takes dev.reel.api.Picture.
    requires transitive dev.reel.api;
    // org.jcodec:jcodec alone, an automatic module (jcodec-javase would split its packages).
    requires jcodec;

    exports dev.reel.encoder.jcodec;

    provides dev.reel.api.spi.EncoderProvider with dev.reel.encoder.jcodec.JcodecEncoderProvider;
}
