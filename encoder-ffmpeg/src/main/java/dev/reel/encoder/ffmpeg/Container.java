package dev.reel.encoder.ffmpeg;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file formats the ffmpeg encoder writes, chosen by the output file's extension, with the
 * codecs each can hold.
 *
 * <p>What each holds is what FFmpeg's muxer accepts and players expect, kept conservative: MP4
 * takes no ProRes or FFV1, QuickTime takes no VP9 or AV1 (FFmpeg's mov muxer refuses them),
 * WebM takes only VP9 and AV1 here, GIF only GIF, and Matroska everything but GIF.
 */
public enum Container {

    /** MPEG-4 Part 14, the default: plays everywhere. */
    MP4("mp4", "mp4", EnumSet.of(FfmpegCodec.H264, FfmpegCodec.H265, FfmpegCodec.VP9, FfmpegCodec.AV1),
            Metadata.MP4, false),

    /** Apple QuickTime, the home of ProRes. */
    MOV("mov", "mov", EnumSet.of(FfmpegCodec.H264, FfmpegCodec.H265, FfmpegCodec.PRORES), Metadata.MOV, false),

    /** Matroska: holds every codec here but GIF. */
    MKV("mkv", "matroska", EnumSet.of(FfmpegCodec.H264, FfmpegCodec.H265, FfmpegCodec.VP9,
            FfmpegCodec.AV1, FfmpegCodec.PRORES, FfmpegCodec.FFV1), Metadata.COMMON, true),

    /** WebM, the web's subset of Matroska: VP9 and AV1 only. */
    WEBM("webm", "webm", EnumSet.of(FfmpegCodec.VP9, FfmpegCodec.AV1), Metadata.COMMON, true),

    /** Animated GIF: the GIF codec only. */
    GIF("gif", "gif", EnumSet.of(FfmpegCodec.GIF), List.of(), false);

    private final String extension;
    private final String muxer;
    private final Set<FfmpegCodec> codecs;
    private final List<String> metadataKeys;
    private final boolean anyMetadata;

    // metadataKeys: the keys the muxer writes (FFmpeg drops others silently), or with anyMetadata
    // the common ones of a muxer that writes any key.
    Container(String extension, String muxer, EnumSet<FfmpegCodec> codecs, List<String> metadataKeys,
            boolean anyMetadata) {
        this.extension = extension;
        this.muxer = muxer;
        this.codecs = Collections.unmodifiableSet(codecs);
        this.metadataKeys = metadataKeys;
        this.anyMetadata = anyMetadata;
    }

    /** The file extension, lower case, without the dot: {@code mp4}, {@code mkv}... */
    public String extension() {
        return extension;
    }

    /** FFmpeg's muxer (output format) name, for {@code avformat_alloc_output_context2}. */
    public String muxer() {
        return muxer;
    }

    /** The codecs this container holds, in catalogue order; unmodifiable. */
    public Set<FfmpegCodec> codecs() {
        return codecs;
    }

    /**
     * Whether this file format stores a metadata key (in any case: {@code Title} is {@code title}).
     * FFmpeg's MP4 and QuickTime muxers write only the keys they know and drop others without a
     * word; Matroska and WebM store any key; GIF stores none. The key {@code encoder} is never kept:
     * FFmpeg writes its own.
     */
    public boolean keepsMetadata(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.equals("encoder") || lower.isBlank()) {
            return false;
        }
        return anyMetadata || metadataKeys.contains(lower);
    }

    /**
     * The metadata keys this format stores, lower case, in a useful order; empty for GIF. For
     * Matroska and WebM, which store any key, the common ones.
     */
    public List<String> metadataKeys() {
        return metadataKeys;
    }

    /** Whether this format stores any metadata key at all (Matroska, WebM). */
    public boolean keepsAnyMetadata() {
        return anyMetadata;
    }

    /** Whether a file of this kind can hold this codec. */
    public boolean holds(FfmpegCodec codec) {
        return codecs.contains(codec);
    }

    /**
     * The container written for an extension, with or without its dot, in any case
     * ({@code mp4}, {@code .MP4}).
     *
     * @return empty for an extension not listed here
     */
    public static Optional<Container> forExtension(String extension) {
        String bare = (extension.startsWith(".") ? extension.substring(1) : extension)
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.extension.equals(bare)).findFirst();
    }

    /**
     * The container for a file name, by its extension in any case ({@code OUT.MP4} is MP4).
     *
     * @param fileName a file name; only the text after its last dot counts
     * @return empty when the name has no extension or an unknown one
     */
    public static Optional<Container> forFileName(String fileName) {
        return extensionOf(fileName).flatMap(Container::forExtension);
    }

    /**
     * The container for a file, by the extension of its name; the folders do not count.
     *
     * @return empty when the name has no extension or an unknown one
     */
    public static Optional<Container> forFile(Path file) {
        Path name = file.getFileName();
        return name == null ? Optional.empty() : forFileName(name.toString());
    }

    /** Every extension, in catalogue order: {@code mp4, mov, mkv, webm, gif}. */
    public static List<String> extensions() {
        return Arrays.stream(values()).map(Container::extension).toList();
    }

    /**
     * The extension of a file name as written (case kept), without the dot; empty when there is
     * none. A leading dot alone ({@code .mp4}) names a hidden file, not an extension.
     */
    static Optional<String> extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(fileName.substring(dot + 1));
    }

    /** Metadata keys per format, as measured with FFmpeg 8.0.1 by writing a file and reading it back. */
    private static final class Metadata {
        static final List<String> MP4 = List.of("title", "artist", "album_artist", "album", "composer",
                "date", "comment", "description", "synopsis", "genre", "copyright", "grouping", "keywords",
                "lyrics", "show", "episode_id");
        static final List<String> MOV = List.of("title", "artist", "album", "date", "comment", "genre",
                "copyright", "location");
        static final List<String> COMMON = List.of("title", "artist", "album", "date", "comment",
                "description", "genre", "copyright");
    }
}
