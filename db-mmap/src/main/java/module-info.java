/** Frame sources backed by memory-mapped NumPy arrays: fractalshades .postdb and .db files. */
module dev.reel.db {
    requires transitive dev.reel.api;

    exports dev.reel.db;

    provides dev.reel.api.spi.FrameSourceProvider with
            dev.reel.db.PostdbPanProvider,
            dev.reel.db.ExpZoomProvider;
}
