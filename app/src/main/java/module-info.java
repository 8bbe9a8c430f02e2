/** The reel command: movie scripts, plugin loading, the distributions. */
module dev.reel.app {
    requires dev.reel.api;
    requires dev.reel.sequences;
    requires dev.reel.db;
    requires dev.reel.encoder.jcodec;
    requires dev.reel.encoder.ffmpeg;
    requires info.picocli;

    opens dev.reel.app to info.picocli;
}
