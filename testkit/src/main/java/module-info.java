/**
 * Test support for reel's encoder modules, not shipped: {@link dev.reel.testkit.MovieReader} reads a
 * movie file back with FFmpeg's own demuxers and decoders, in-process through the bytedeco presets
 * (no FFmpeg program, no system library), and {@link dev.reel.testkit.Psnr} compares frames.
 *
 * <p>Modules use it in test scope only (the parent POM's module rule refuses any other scope). The
 * natives are in platform jars that nothing requires by name: on the class path (as Surefire puts
 * them) JavaCPP finds them as they are.
 */
module dev.reel.testkit {
    requires org.bytedeco.javacpp;
    requires org.bytedeco.ffmpeg;

    exports dev.reel.testkit;
}
