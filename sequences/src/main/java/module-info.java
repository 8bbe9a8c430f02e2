/** What the camera does over time: camera pan, exponential zoom, custom sequences, keyframes. */
module dev.reel.sequences {
    requires transitive dev.reel.api;

    exports dev.reel.sequences;
}
