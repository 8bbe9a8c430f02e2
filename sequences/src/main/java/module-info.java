/**
 * What the camera does over time: keyframe tracks (PCHIP by default), camera pan, exponential
 * zoom and custom sequences, with the {@code camera-pan} and {@code camera-zoom} sequence types of
 * movie scripts.
 */
module dev.reel.sequences {
    requires transitive dev.reel.api;
    // Commons Math 3.6.1 has no Automatic-Module-Name: its module name comes from the jar's name.
    requires commons.math3;
    requires org.apache.commons.text;

    exports dev.reel.sequences;

    provides dev.reel.api.spi.SequenceProvider with
            dev.reel.sequences.CameraPanProvider,
            dev.reel.sequences.CameraZoomProvider;
}
