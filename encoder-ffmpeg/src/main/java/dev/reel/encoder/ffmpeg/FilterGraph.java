package dev.reel.encoder.ffmpeg;

import static org.bytedeco.ffmpeg.global.avfilter.AV_BUFFERSRC_FLAG_KEEP_REF;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame_rate;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_format;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_h;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_time_base;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_w;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame_flags;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_get_by_name;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_config;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_create_filter;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_parse_ptr;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_free;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_strdup;

import dev.reel.api.spi.Availability;
import dev.reel.api.spi.UnsupportedSettingException;
import java.io.IOException;
import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avfilter.AVFilterInOut;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/**
 * An FFmpeg filter graph between reel's RGB frames and the encoder: a {@code buffer} source taking
 * {@code rgb24} frames of the movie's size, the movie's {@code filters:} chain in FFmpeg's own
 * syntax, a tail that converts to the encoder's pixel format, and a {@code buffersink}.
 *
 * <p>Not thread-safe: used by one thread at a time (the checking thread, then the encoding thread).
 * Frames pushed in are referenced, not copied; the caller must not overwrite a pushed frame whose
 * buffer the graph may still hold (see {@link org.bytedeco.ffmpeg.global.avutil#av_frame_is_writable}).
 */
final class FilterGraph implements AutoCloseable {
    private final AVFilterGraph graph;
    private final AVFilterContext source;
    private final AVFilterContext sink;
    private final String description;

    private FilterGraph(AVFilterGraph graph, AVFilterContext source, AVFilterContext sink, String description) {
        this.graph = graph;
        this.source = source;
        this.sink = sink;
        this.description = description;
    }

    /**
     * Builds and configures a graph.
     *
     * @param userChain the movie's {@code filters:} text, possibly blank
     * @param tail what reel appends to reach the encoder's format ({@code format=yuv420p}...), or empty
     * @param width the movie's width, of the frames pushed in
     * @param height the movie's height
     * @param rate the movie's frame rate; frames pushed in are timed in {@code 1/rate} units
     * @throws UnsupportedSettingException with key {@code filters} when FFmpeg refuses the graph,
     *     quoting what it said
     */
    static FilterGraph build(String userChain, String tail, int width, int height, FrameRate rate) {
        Availability filters = Natives.filters();
        if (!filters.available()) {
            throw new UnsupportedSettingException(userChain.isBlank() ? EncoderSetup.NAME : EncoderSetup.FILTERS,
                    FfmpegRequest.PREFIX + "FFmpeg's filters (avfilter) are unavailable here: " + filters.reason());
        }
        String chain = join(userChain.strip(), tail);
        AVFilterGraph graph = avfilter_graph_alloc();
        if (graph == null) {
            throw new OutOfMemoryError("avfilter_graph_alloc");
        }
        AVFilterInOut outputs = null;
        AVFilterInOut inputs = null;
        try (FfmpegLog.Capture log = FfmpegLog.capture()) {
            AVFilterContext source = new AVFilterContext(null);
            String args = "video_size=" + width + "x" + height + ":pix_fmt=rgb24:time_base=" + rate.den() + "/"
                    + rate.num() + ":frame_rate=" + rate + ":pixel_aspect=1/1:range=pc";
            check(avfilter_graph_create_filter(source, avfilter_get_by_name("buffer"), "in", args, null, graph),
                    "the buffer source", log);
            AVFilterContext sink = new AVFilterContext(null);
            check(avfilter_graph_create_filter(sink, avfilter_get_by_name("buffersink"), "out", null, null, graph),
                    "the buffer sink", log);

            outputs = avfilter_inout_alloc();
            inputs = avfilter_inout_alloc();
            // The names must be FFmpeg's own strings: avfilter_inout_free frees them.
            try (BytePointer in = new BytePointer("in"); BytePointer out = new BytePointer("out")) {
                outputs.name(av_strdup(in)).filter_ctx(source).pad_idx(0).next(null);
                inputs.name(av_strdup(out)).filter_ctx(sink).pad_idx(0).next(null);
            }
            int parsed = avfilter_graph_parse_ptr(graph, chain, inputs, outputs, null);
            if (parsed < 0) {
                throw refused(userChain, log, parsed);
            }
            int configured = avfilter_graph_config(graph, null);
            if (configured < 0) {
                throw refused(userChain, log, configured);
            }
            FilterGraph built = new FilterGraph(graph, source, sink, chain);
            graph = null;
            return built;
        } finally {
            if (inputs != null) {
                avfilter_inout_free(inputs);
            }
            if (outputs != null) {
                avfilter_inout_free(outputs);
            }
            if (graph != null) {
                avfilter_graph_free(graph);
            }
        }
    }

    private static String join(String userChain, String tail) {
        if (userChain.isEmpty()) {
            return tail.isEmpty() ? "null" : tail;
        }
        return tail.isEmpty() ? userChain : userChain + "," + tail;
    }

    private static void check(int result, String what, FfmpegLog.Capture log) {
        if (result < 0) {
            throw new IllegalStateException("FFmpeg could not create " + what + ": "
                    + FfmpegErrors.describe(result, log));
        }
    }

    private static UnsupportedSettingException refused(String userChain, FfmpegLog.Capture log, int result) {
        String what = userChain.isBlank() ? "reel's own conversion" : "filters '" + userChain.strip() + "'";
        return new UnsupportedSettingException(EncoderSetup.FILTERS, FfmpegRequest.PREFIX + "FFmpeg refuses "
                + what + ": " + FfmpegErrors.describe(result, log));
    }

    /** The width of the frames that come out, in pixels. */
    int width() {
        return av_buffersink_get_w(sink);
    }

    /** The height of the frames that come out, in pixels. */
    int height() {
        return av_buffersink_get_h(sink);
    }

    /** FFmpeg's name of the pixel format that comes out. */
    String pixelFormat() {
        return av_get_pix_fmt_name(av_buffersink_get_format(sink)).getString();
    }

    /** The time base of the frames that come out. */
    AVRational timeBase() {
        return av_buffersink_get_time_base(sink);
    }

    /** The frame rate that comes out; {@code 0/1} when the filters made it variable. */
    AVRational frameRate() {
        return av_buffersink_get_frame_rate(sink);
    }

    /** The whole chain, reel's tail included, as FFmpeg parsed it. */
    String description() {
        return description;
    }

    /** Pushes one frame in, keeping the caller's reference; {@code null} ends the stream. */
    void push(AVFrame frame) throws IOException {
        int result = av_buffersrc_add_frame_flags(source, frame, frame == null ? 0 : AV_BUFFERSRC_FLAG_KEEP_REF);
        if (result < 0) {
            throw new IOException("FFmpeg filters '" + description + "' failed: " + FfmpegErrors.describe(result, null));
        }
    }

    /**
     * Takes the next filtered frame into {@code frame} (which must be unreferenced).
     *
     * @return false when no frame is ready (more input needed, or the end was reached)
     */
    boolean pull(AVFrame frame) throws IOException {
        int result = av_buffersink_get_frame(sink, frame);
        if (result == FfmpegErrors.AGAIN || result == AVERROR_EOF) {
            return false;
        }
        if (result < 0) {
            throw new IOException("FFmpeg filters '" + description + "' failed: " + FfmpegErrors.describe(result, null));
        }
        return true;
    }

    @Override
    public void close() {
        avfilter_graph_free(graph);
    }
}
