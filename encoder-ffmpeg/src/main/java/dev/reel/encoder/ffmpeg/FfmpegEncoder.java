package dev.reel.encoder.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_copy_props;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_transfer_data;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import dev.reel.api.Encoder;
import dev.reel.api.Picture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * Writes a movie through FFmpeg: the pictures' RGB goes to native memory and is converted once
 * (on the render threads by {@link #prepare}, or by the filter graph on the encoding thread when
 * the movie has filters), then encoded and muxed on the encoding thread.
 *
 * <p>Threads as {@link Encoder} says: {@link #prepare} concurrently for different pictures,
 * {@link #encode} on one thread in frame order, then one of {@link #close} or {@link #abort}.
 */
final class FfmpegEncoder implements Encoder {
    private final Path output;
    private final EncoderSetup setup;
    private final AVCodecContext codec;
    private final FilterGraph graph;
    private final int width;
    private final int height;
    private final int convertTo;
    private final int keyframeInterval;
    private final Queue<PictureFrames> frames = new ConcurrentLinkedQueue<>();
    private AVFormatContext format;
    private AVStream stream;
    private AVPacket packet;
    private AVFrame filtered;
    private AVFrame uploaded;
    private long framesIn;
    private long framesOut;
    private boolean finished;
    /** Whether the file was created, so that abort() removes only what this encoder wrote. */
    private boolean created;

    private FfmpegEncoder(Path output, EncoderSetup setup, int width, int height) {
        this.output = output;
        this.setup = setup;
        this.codec = setup.context();
        this.graph = setup.graph();
        this.width = width;
        this.height = height;
        // Without a graph, prepare() converts straight to the encoder's format.
        this.convertTo = graph == null ? av_get_pix_fmt(setup.geometry().pixelFormat()) : -1;
        this.keyframeInterval = setup.keyframeInterval();
    }

    /**
     * Creates the file and writes its header.
     *
     * @param setup an opened setup; owned by the encoder from now on, closed with it
     * @throws IOException if the file cannot be created; the setup is closed then
     */
    static FfmpegEncoder start(Path output, EncoderSetup setup, int width, int height) throws IOException {
        FfmpegEncoder encoder = new FfmpegEncoder(output, setup, width, height);
        try {
            encoder.writeHeader(setup.metadata());
            return encoder;
        } catch (IOException | RuntimeException e) {
            encoder.abort();
            throw e;
        }
    }

    private void writeHeader(Map<String, String> metadata) throws IOException {
        String url = "file:" + output.toAbsolutePath();
        format = new AVFormatContext(null);
        try (BytePointer path = new BytePointer(url, "UTF-8"); FfmpegLog.Capture log = FfmpegLog.capture()) {
            int result = avformat_alloc_output_context2(format, null, new BytePointer(setup.plan().muxer()), path);
            if (result < 0 || format.isNull()) {
                format = null;
                throw failure("cannot set up the " + setup.plan().muxer() + " muxer", result, log);
            }
            stream = avformat_new_stream(format, null);
            if (stream == null) {
                throw new IOException(FfmpegRequest.PREFIX + "cannot add a stream to " + output);
            }
            check(avcodec_parameters_from_context(stream.codecpar(), codec), "cannot describe the stream", log);
            stream.time_base(codec.time_base());
            EncoderSetup.Geometry geometry = setup.geometry();
            stream.avg_frame_rate(av_make_q(geometry.rate().num(), geometry.rate().den()));
            AVDictionary tags = new AVDictionary(null);
            for (Map.Entry<String, String> entry : metadata.entrySet()) {
                av_dict_set(tags, entry.getKey(), entry.getValue(), 0);
            }
            format.metadata(tags);
            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, path, AVIO_FLAG_WRITE), "cannot create the file", log);
            created = true;
            format.pb(io);
            check(avformat_write_header(format, (AVDictionary) null), "cannot write the file header", log);
        }
        packet = av_packet_alloc();
        filtered = graph != null ? av_frame_alloc() : null;
        uploaded = setup.hardware() && codec.hw_frames_ctx() != null ? av_frame_alloc() : null;
    }

    @Override
    public void prepare(Picture picture, int frameIndex) throws IOException {
        framesOf(picture).load(picture.rgb(), convertTo, frameIndex);
    }

    private PictureFrames framesOf(Picture picture) {
        if (picture.width() != width || picture.height() != height) {
            throw new IllegalArgumentException("picture " + picture.width() + "x" + picture.height()
                    + " does not match the movie's " + width + "x" + height);
        }
        if (picture.attachment() instanceof PictureFrames own && own.fits(this, width, height)) {
            return own;
        }
        PictureFrames fresh = new PictureFrames(this, width, height, convertTo, setup.geometry().colour());
        frames.add(fresh);
        picture.attach(fresh);
        return fresh;
    }

    @Override
    public void encode(Picture picture, int frameIndex) throws IOException {
        if (finished) {
            throw new IllegalStateException("the encoder of " + output + " is already closed");
        }
        PictureFrames own = framesOf(picture);
        if (!own.holds(frameIndex)) {
            // prepare() was not called for this frame (a caller that skips it): convert here.
            own.load(picture.rgb(), convertTo, frameIndex);
        }
        AVFrame frame = own.frame();
        frame.pts(framesIn++);
        if (graph == null) {
            send(frame);
        } else {
            frame.pict_type(AV_PICTURE_TYPE_NONE);
            graph.push(frame);
            drainGraph();
        }
    }

    private void drainGraph() throws IOException {
        while (graph.pull(filtered)) {
            try {
                send(filtered);
            } finally {
                av_frame_unref(filtered);
            }
        }
    }

    private void send(AVFrame frame) throws IOException {
        // Key frames exactly every keyframeInterval frames, whatever the encoder would choose.
        boolean key = keyframeInterval > 0 && framesOut % keyframeInterval == 0;
        frame.pict_type(key ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        framesOut++;
        AVFrame input = frame;
        if (uploaded != null) {
            av_frame_unref(uploaded);
            try (FfmpegLog.Capture log = FfmpegLog.capture()) {
                check(av_hwframe_get_buffer(codec.hw_frames_ctx(), uploaded, 0), "cannot get a device frame", log);
                check(av_hwframe_transfer_data(uploaded, frame, 0), "cannot upload a frame to the device", log);
                check(av_frame_copy_props(uploaded, frame), "cannot copy frame properties", log);
            }
            input = uploaded;
        }
        try (FfmpegLog.Capture log = FfmpegLog.capture()) {
            check(avcodec_send_frame(codec, input), setup.encoder() + " failed", log);
        }
        drainPackets();
    }

    private void drainPackets() throws IOException {
        try (FfmpegLog.Capture log = FfmpegLog.capture()) {
            while (true) {
                int result = avcodec_receive_packet(codec, packet);
                if (result == FfmpegErrors.AGAIN || result == AVERROR_EOF) {
                    return;
                }
                check(result, setup.encoder() + " failed", log);
                av_packet_rescale_ts(packet, codec.time_base(), stream.time_base());
                packet.stream_index(stream.index());
                // Takes the packet's data, leaving it blank for the next one.
                check(av_interleaved_write_frame(format, packet), "cannot write to the file", log);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        try {
            if (graph != null) {
                graph.push(null);
                drainGraph();
            }
            try (FfmpegLog.Capture log = FfmpegLog.capture()) {
                check(avcodec_send_frame(codec, null), setup.encoder() + " failed to finish", log);
            }
            drainPackets();
            try (FfmpegLog.Capture log = FfmpegLog.capture()) {
                check(av_write_trailer(format), "cannot finish the file", log);
                check(closeFile(), "cannot close the file", log);
            }
        } finally {
            release();
        }
    }

    @Override
    public void abort() {
        if (finished) {
            return;
        }
        try {
            release();
        } catch (RuntimeException e) {
            // Must not throw from abort: the render has failed already.
        }
        try {
            // Only a file this encoder wrote: a failure before that leaves whatever was there.
            if (created) {
                Files.deleteIfExists(output);
            }
        } catch (IOException | RuntimeException e) {
            // The caller deletes it too; nothing more to do here.
        }
    }

    private void release() {
        finished = true;
        PictureFrames own;
        while ((own = frames.poll()) != null) {
            own.free();
        }
        if (format != null) {
            closeFile();
            avformat_free_context(format);
            format = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (filtered != null) {
            av_frame_free(filtered);
            filtered = null;
        }
        if (uploaded != null) {
            av_frame_free(uploaded);
            uploaded = null;
        }
        setup.close();
    }

    // Closes the file once; FFmpeg leaves that to the caller for output contexts.
    private int closeFile() {
        AVIOContext io = format.pb();
        if (io == null || io.isNull()) {
            return 0;
        }
        int result = avio_closep(io);
        format.pb(null);
        return result;
    }

    private void check(int result, String what, FfmpegLog.Capture log) throws IOException {
        if (result < 0) {
            throw failure(what, result, log);
        }
    }

    private IOException failure(String what, int result, FfmpegLog.Capture log) {
        return new IOException(FfmpegRequest.PREFIX + what + " (" + output + "): "
                + FfmpegErrors.describe(result, log));
    }

    @Override
    public String toString() {
        return "ffmpeg encoder (" + setup.encoder() + ") writing " + output;
    }
}
