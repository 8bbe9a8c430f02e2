/**
 * The reel command: movie scripts, plugin loading, the distributions.
 *
 * <p>Movie scripts are read with Jackson (YAML, and JSON as its subset); frames are written as PNG
 * with {@code javax.imageio} (hence {@code java.desktop}).
 */
module dev.reel.app {
    requires dev.reel.api;
    requires dev.reel.sequences;
    requires dev.reel.db;
    requires dev.reel.encoder.jcodec;
    requires dev.reel.encoder.ffmpeg;
    requires info.picocli;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires java.desktop;

    opens dev.reel.app to info.picocli;
}
