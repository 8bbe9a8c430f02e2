/** Benchmarks of reel, run as plain programs; see BENCHMARKS.md. Not part of any distribution. */
module dev.reel.benchmarks {
    requires dev.reel.api;
    requires dev.reel.sequences;
    requires dev.reel.db;
    requires dev.reel.encoder.jcodec;
    requires dev.reel.encoder.ffmpeg;
    // JcodecBenchmark times JCodec's own SequenceEncoder; FfmpegBenchmark runs the presets' ffmpeg.
    requires jcodec;
    requires org.bytedeco.javacpp;
    requires org.bytedeco.ffmpeg;
    requires java.management;

    uses dev.reel.api.spi.EncoderProvider;
}
