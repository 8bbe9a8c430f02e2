/** Pure-Java H.264/MP4 encoding with JCodec: no native library anywhere. */
module dev.reel.encoder.jcodec {
    // Transitive: the exported converter takes dev.reel.api.Picture.
    requires transitive dev.reel.api;

    exports dev.reel.encoder.jcodec;
}
