/**
 * An example reel plugin: the {@code color-fade} sequence type. A plugin is a module that requires
 * reel's API and provides its services; reel finds them with ServiceLoader in the plugin's own
 * module layer.
 */
module dev.reel.example.colorfade {
    requires dev.reel.api;

    provides dev.reel.api.spi.SequenceProvider with dev.reel.example.colorfade.ColorFadeProvider;
}
