/** Benchmarks of reel, run as plain programs; see BENCHMARKS.md. Not part of any distribution. */
module dev.reel.benchmarks {
    requires dev.reel.api;
    requires dev.reel.sequences;
    requires dev.reel.db;
    requires java.management;
}
