/**
 * An example reel plugin: the {@code y4m} encoder. A plugin is a module that requires reel's API
 * and provides its services; reel finds them with ServiceLoader in the plugin's own module layer.
 */
module dev.reel.example.y4m {
    requires dev.reel.api;

    provides dev.reel.api.spi.EncoderProvider with dev.reel.example.y4m.Y4mEncoderProvider;
}
