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
    requires info.picocli;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires java.desktop;
    // PF4J's jar names no module: its automatic module name comes from the file name pf4j-3.15.0.jar.
    requires pf4j;
    // pf4j, an automatic module, cannot require SLF4J itself; this puts SLF4J on the module graph.
    requires org.slf4j;
}
