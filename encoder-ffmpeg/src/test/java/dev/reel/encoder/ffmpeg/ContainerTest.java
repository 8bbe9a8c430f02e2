package dev.reel.encoder.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerTest {

    @Test
    void extensionsInCatalogueOrder() {
        assertEquals(List.of("mp4", "mov", "mkv", "webm", "gif"), Container.extensions());
    }

    @ParameterizedTest
    @CsvSource({"mp4, mp4", "mov, mov", "mkv, matroska", "webm, webm", "gif, gif"})
    void muxerNames(String extension, String muxer) {
        assertEquals(muxer, Container.forExtension(extension).orElseThrow().muxer());
    }

    /**
     * The whole table: for each codec, the containers that hold it; every other container must
     * refuse it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            h264   | mp4 mov mkv
            h265   | mp4 mov mkv
            vp9    | mp4 mkv webm
            av1    | mp4 mkv webm
            prores | mov mkv
            ffv1   | mkv
            gif    | gif
            """)
    void whichContainersHoldWhichCodec(String codecName, String holders) {
        FfmpegCodec codec = FfmpegCodec.forName(codecName).orElseThrow();
        Set<String> expected = Set.of(holders.split(" "));
        for (Container container : Container.values()) {
            assertEquals(expected.contains(container.extension()), container.holds(codec),
                    "." + container.extension() + " holding " + codecName);
        }
    }

    @Test
    void codecsListedInCatalogueOrder() {
        assertEquals(List.of(FfmpegCodec.H264, FfmpegCodec.H265, FfmpegCodec.VP9, FfmpegCodec.AV1,
                FfmpegCodec.PRORES, FfmpegCodec.FFV1), List.copyOf(Container.MKV.codecs()));
        assertEquals(Set.of(FfmpegCodec.VP9, FfmpegCodec.AV1), Container.WEBM.codecs());
    }

    @ParameterizedTest
    @CsvSource({
        "OUT.MP4, MP4",
        "out.mp4, MP4",
        "Out.Mkv, MKV",
        "movie.final.webm, WEBM",
        "zoom.MOV, MOV",
        "loop.GIF, GIF",
    })
    void lookupByFileNameIgnoresCase(String fileName, Container expected) {
        assertEquals(Optional.of(expected), Container.forFileName(fileName));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mkv", ".mkv", "MKV", ".MkV"})
    void lookupByExtensionTakesItWithOrWithoutTheDot(String extension) {
        assertEquals(Optional.of(Container.MKV), Container.forExtension(extension));
    }

    @ParameterizedTest
    @ValueSource(strings = {"movie", "movie.", ".mp4", "movie.avi", "movie.mp4.part", "movie.m4v"})
    void namesWithoutAKnownExtensionHaveNoContainer(String fileName) {
        assertEquals(Optional.empty(), Container.forFileName(fileName));
    }

    @Test
    void lookupByFileLooksAtTheNameOnly() {
        assertEquals(Optional.of(Container.WEBM), Container.forFile(Path.of("renders.mp4", "zoom.WEBM")));
        assertEquals(Optional.empty(), Container.forFile(Path.of("renders.mp4", "zoom")));
    }
}
