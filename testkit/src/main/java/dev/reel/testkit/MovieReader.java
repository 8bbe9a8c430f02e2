package dev.reel.testkit;

import static org.bytedeco.ffmpeg.avutil.AVFrame.AV_FRAME_FLAG_CORRUPT;
import static org.bytedeco.ffmpeg.avutil.AVFrame.AV_FRAME_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_COPY_OPAQUE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_CORRUPT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_UNKNOWN;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_clone;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_profile_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_PLANAR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_RGB;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_chroma_location_name;
import static org.bytedeco.ffmpeg.global.avutil.av_color_primaries_name;
import static org.bytedeco.ffmpeg.global.avutil.av_color_range_name;
import static org.bytedeco.ffmpeg.global.avutil.av_color_space_name;
import static org.bytedeco.ffmpeg.global.avutil.av_color_transfer_name;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_get_picture_type_char;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_image_get_linesize;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_count_planes;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INT;
import static org.bytedeco.ffmpeg.global.swscale.SWS_POINT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Reads a movie file back with FFmpeg's own demuxers and decoders, in-process (the bytedeco presets'
 * avformat, avcodec and swscale; not the {@code ffmpeg} program, not reel's code): what the file says
 * about its first video stream, every frame decoded (as RGB and as its own planes), the key frames,
 * and whatever FFmpeg warned about on the way.
 *
 * <p>Small files only: everything is kept in memory. The decoder runs on the calling thread alone (so
 * that all it logs is captured). Reads are serialised process-wide, because FFmpeg has one log
 * callback per process; the callback installed before (if any) is restored after each read.
 * Stateless otherwise; any thread may call it.
 */
public final class MovieReader {

    private MovieReader() {
    }

    /** A rational number as FFmpeg keeps it, e.g. the frame rate {@code 30000/1001}; {@code 0/0} when unknown. */
    public record Rational(int num, int den) {
        /** The value as a double; NaN when the denominator is 0. */
        public double value() {
            return den == 0 ? Double.NaN : (double) num / den;
        }

        /** {@code num/den}, as ffprobe prints it. */
        @Override
        public String toString() {
            return num + "/" + den;
        }

        static Rational of(AVRational r) {
            return new Rational(r.num(), r.den());
        }
    }

    /**
     * What the file says about itself and its first video stream, before decoding. Names are FFmpeg's
     * own, as ffprobe prints them.
     *
     * @param container the demuxer, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2} or {@code matroska,webm}
     * @param codec the codec, e.g. {@code h264}, {@code hevc}, {@code ffv1}
     * @param profile the profile, e.g. {@code Constrained Baseline}; its number when FFmpeg has no name
     *     for it, {@code unknown} when there is none
     * @param level the codec level as coded, e.g. {@code 11} for H.264 level 1.1; negative when unknown
     * @param frameRate the average frame rate (ffprobe's {@code avg_frame_rate})
     * @param baseFrameRate the lowest rate that represents every timestamp ({@code r_frame_rate})
     * @param timeBase the unit of {@link Frame#pts()}
     * @param duration the container's duration in seconds; NaN when it has none
     * @param containerFrameCount the frame count the container states ({@code nb_frames}); 0 when none.
     *     {@link Movie#frameCount()} is the count actually decoded.
     * @param videoDelay frames the decoder holds back for reordering ({@code has_b_frames}); 0 without B-frames
     * @param pixelFormat e.g. {@code yuv420p}
     * @param colorRange {@code tv} (limited), {@code pc} (full) or {@code unknown}
     * @param colorSpace the matrix, e.g. {@code bt709}, {@code smpte170m}, {@code gbr}, {@code unknown}
     * @param colorPrimaries e.g. {@code bt709}, {@code unknown}
     * @param colorTransfer e.g. {@code bt709}, {@code unknown}
     * @param chromaLocation e.g. {@code left}, {@code center}, {@code unspecified}
     * @param metadata the container's tags, keys in lower case (values as written)
     */
    public record Info(String container, String codec, String profile, int level, int width, int height,
            Rational frameRate, Rational baseFrameRate, Rational timeBase, double duration, long containerFrameCount,
            int videoDelay, String pixelFormat, String colorRange, String colorSpace, String colorPrimaries,
            String colorTransfer, String chromaLocation, Map<String, String> metadata) {
        public Info {
            metadata = Map.copyOf(metadata);
        }
    }

    /**
     * One decoded frame. The arrays are the reader's own, not copied: do not change them.
     *
     * @param pts the presentation time in {@link Info#timeBase()} units (FFmpeg's best-effort timestamp)
     * @param keyFrame whether the decoder marked it a key frame (for H.264: an IDR picture)
     * @param pictureType {@code I}, {@code P}, {@code B}, or {@code ?} when the codec has none
     * @param rgb packed 8-bit RGB, row after row, converted by swscale with the matrix and range the
     *     frame is tagged with (BT.601 when untagged); each pixel takes the nearest chroma sample (no
     *     interpolation, as the {@code ffmpeg} program's fast path for 4:2:0), with accurate rounding
     * @param pixelFormat the decoded format, e.g. {@code yuv420p}, {@code yuv422p10le}, {@code bgr0}
     * @param bitDepth bits per sample of the first component, e.g. 8 or 10
     * @param planes the decoded data planes (three for planar Y'CbCr, one for packed formats; a
     *     palette is left out), each row {@code lineBytes[p]} bytes without padding; samples deeper
     *     than 8 bits take two bytes, little-endian
     * @param lineBytes the length of a row of each plane in bytes
     */
    public record Frame(long pts, boolean keyFrame, char pictureType, byte[] rgb, String pixelFormat, int bitDepth,
            byte[][] planes, int[] lineBytes) {
        /**
         * The sample of a planar format at ({@code x}, {@code y}) of plane {@code plane}, in that
         * plane's own coordinates (chroma planes of 4:2:0 are half as wide and high).
         */
        public int sample(int plane, int x, int y) {
            byte[] data = planes[plane];
            if (bitDepth <= 8) {
                return data[y * lineBytes[plane] + x] & 0xff;
            }
            int i = y * lineBytes[plane] + 2 * x;
            return (data[i] & 0xff) | (data[i + 1] & 0xff) << 8;
        }
    }

    /**
     * A movie as read.
     *
     * @param frames every decoded frame, in the order the decoder output them (presentation order)
     * @param keyFrames the indexes in {@code frames} of the packets the container marks as key
     *     (sync samples: where playback can start), ascending
     * @param warnings what FFmpeg logged at warning level or worse while opening, probing, demuxing and
     *     decoding the file, one line each ({@code [h264] error while decoding MB 3 2}), followed by the
     *     reader's own findings: packets whose decoding timestamps do not increase, frames whose
     *     presentation times do not increase, packets or frames marked corrupt, frames the decoder
     *     reports errors in (concealed or not). Empty for a clean file.
     * @param bytes the size of the file
     */
    public record Movie(Info info, List<Frame> frames, List<Integer> keyFrames, List<String> warnings, long bytes) {
        public Movie {
            frames = List.copyOf(frames);
            keyFrames = List.copyOf(keyFrames);
            warnings = List.copyOf(warnings);
        }

        /** The number of frames decoded. */
        public int frameCount() {
            return frames.size();
        }

        /** The frames' RGB, in order. */
        public List<byte[]> rgb() {
            return frames.stream().map(Frame::rgb).toList();
        }
    }

    /**
     * Reads and decodes the whole file.
     *
     * @throws IOException when FFmpeg cannot open, demux or decode it; the message names the file,
     *     what failed, FFmpeg's error and what it logged
     */
    public static Movie read(Path file) throws IOException {
        return read(file, -1);
    }

    /**
     * Decodes one group of pictures on its own, with a fresh decoder: the packets from the
     * {@code group}-th key packet in file order (0 for the first) up to the next key packet. For a
     * closed group this gives exactly the frames of the full decode, starting at its key frame.
     * {@link Movie#keyFrames()} then counts within the group.
     *
     * @throws IOException as {@link #read}, and when the file has no such group
     */
    public static Movie readGroup(Path file, int group) throws IOException {
        if (group < 0) {
            throw new IllegalArgumentException("group " + group + " of " + file + ": expected 0 or more");
        }
        return read(file, group);
    }

    private static Movie read(Path file, int group) throws IOException {
        try (LogCapture log = LogCapture.open()) {
            Reading reading = new Reading(file, log);
            try {
                return reading.run(group);
            } finally {
                reading.free();
            }
        }
    }

    /** One read of one file: the native objects to free, and the findings so far. */
    private static final class Reading {
        private final Path file;
        private final LogCapture log;
        private final List<String> findings = new ArrayList<>();
        private final List<AVPacket> packets = new ArrayList<>();
        // Indexes in packets of the key packets; and of each frame's packet, parallel to the frames.
        private final Set<Integer> keyPackets = new HashSet<>();
        private final List<Integer> framePackets = new ArrayList<>();
        private AVFormatContext format;
        private AVCodecContext decoder;
        private AVPacket packet;
        private AVFrame frame;

        Reading(Path file, LogCapture log) {
            this.file = file;
            this.log = log;
        }

        Movie run(int group) throws IOException {
            AVFormatContext opening = new AVFormatContext(null);
            check(avformat_open_input(opening, file.toString(), null, null), "open the file");
            format = opening;
            check(avformat_find_stream_info(format, (AVDictionary) null), "find its streams");
            AVStream stream = null;
            for (int i = 0; i < format.nb_streams() && stream == null; i++) {
                if (format.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                    stream = format.streams(i);
                }
            }
            if (stream == null) {
                throw new IOException(file + ": no video stream (FFmpeg found " + format.nb_streams() + " streams)");
            }
            Info info = info(stream);
            demux(stream, group);
            openDecoder(stream.codecpar());
            List<Frame> frames = decode();
            List<Integer> keyFrames = new ArrayList<>();
            for (int i = 0; i < frames.size(); i++) {
                if (keyPackets.contains(framePackets.get(i))) {
                    keyFrames.add(i);
                }
            }
            List<String> warnings = new ArrayList<>(log.lines());
            warnings.addAll(findings);
            return new Movie(info, frames, keyFrames, warnings, Files.size(file));
        }

        private Info info(AVStream stream) {
            AVCodecParameters p = stream.codecpar();
            Map<String, String> metadata = new LinkedHashMap<>();
            AVDictionaryEntry entry = null;
            while ((entry = av_dict_get(format.metadata(), "", entry, AV_DICT_IGNORE_SUFFIX)) != null) {
                metadata.put(entry.key().getString().toLowerCase(Locale.ROOT), entry.value().getString());
            }
            String profile;
            BytePointer profileName = avcodec_profile_name(p.codec_id(), p.profile());
            if (profileName != null && !profileName.isNull()) {
                profile = profileName.getString();
            } else {
                profile = p.profile() == AV_PROFILE_UNKNOWN ? "unknown" : String.valueOf(p.profile());
            }
            double duration = format.duration() == AV_NOPTS_VALUE ? Double.NaN : format.duration() / (double) AV_TIME_BASE;
            return new Info(format.iformat().name().getString(), avcodec_get_name(p.codec_id()).getString(), profile,
                    p.level(), p.width(), p.height(), Rational.of(stream.avg_frame_rate()),
                    Rational.of(stream.r_frame_rate()), Rational.of(stream.time_base()), duration, stream.nb_frames(),
                    p.video_delay(), name(av_get_pix_fmt_name(p.format())), name(av_color_range_name(p.color_range())),
                    name(av_color_space_name(p.color_space())), name(av_color_primaries_name(p.color_primaries())),
                    name(av_color_transfer_name(p.color_trc())), name(av_chroma_location_name(p.chroma_location())),
                    metadata);
        }

        /** Keeps the stream's packets (of one group, or all), and notes which are key packets. */
        private void demux(AVStream stream, int group) throws IOException {
            packet = av_packet_alloc();
            int index = -1;
            int keys = -1;
            long lastDts = AV_NOPTS_VALUE;
            int result;
            while ((result = av_read_frame(format, packet)) >= 0) {
                if (packet.stream_index() == stream.index()) {
                    index++;
                    boolean key = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
                    if (key) {
                        keys++;
                    }
                    long dts = packet.dts();
                    if (dts != AV_NOPTS_VALUE && lastDts != AV_NOPTS_VALUE && dts <= lastDts) {
                        findings.add("packet " + index + ": decoding time " + dts + " does not increase (previous "
                                + lastDts + ")");
                    }
                    if (dts != AV_NOPTS_VALUE) {
                        lastDts = dts;
                    }
                    if ((packet.flags() & AV_PKT_FLAG_CORRUPT) != 0) {
                        findings.add("packet " + index + " is marked corrupt");
                    }
                    if (group < 0 || keys == group) {
                        if (key) {
                            keyPackets.add(packets.size());
                        }
                        AVPacket kept = av_packet_clone(packet);
                        // Tagged with its index + 1, which the decoder copies to the frames it gives.
                        kept.opaque(new Tag(packets.size() + 1));
                        packets.add(kept);
                    }
                }
                av_packet_unref(packet);
            }
            if (result != AVERROR_EOF) {
                check(result, "read the packet after packet " + index);
            }
            if (group > keys) {
                throw new IOException(file + ": no group of pictures " + group + " (it has " + (keys + 1) + ")");
            }
        }

        private void openDecoder(AVCodecParameters parameters) throws IOException {
            AVCodec codec = avcodec_find_decoder(parameters.codec_id());
            if (codec == null || codec.isNull()) {
                throw new IOException(file + ": FFmpeg has no decoder for "
                        + avcodec_get_name(parameters.codec_id()).getString());
            }
            decoder = avcodec_alloc_context3(codec);
            check(avcodec_parameters_to_context(decoder, parameters), "set up the decoder");
            // One thread: everything the decoder logs is logged on this thread, and captured.
            decoder.thread_count(1);
            // Each frame carries its packet's tag: how key packets are matched to frames, timestamps or not.
            decoder.flags(decoder.flags() | AV_CODEC_FLAG_COPY_OPAQUE);
            check(avcodec_open2(decoder, codec, (AVDictionary) null), "open the decoder");
        }

        private List<Frame> decode() throws IOException {
            frame = av_frame_alloc();
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < packets.size(); i++) {
                check(avcodec_send_packet(decoder, packets.get(i)), "decode packet " + i);
                receive(frames);
            }
            check(avcodec_send_packet(decoder, null), "flush the decoder");
            receive(frames);
            return frames;
        }

        private void receive(List<Frame> frames) throws IOException {
            while (true) {
                int result = avcodec_receive_frame(decoder, frame);
                if (result == AVERROR_EAGAIN() || result == AVERROR_EOF) {
                    return;
                }
                check(result, "decode frame " + frames.size());
                Frame decoded = convert(frame);
                int n = frames.size();
                if ((frame.flags() & AV_FRAME_FLAG_CORRUPT) != 0) {
                    findings.add("frame " + n + " is marked corrupt");
                }
                if (frame.decode_error_flags() != 0) {
                    // FF_DECODE_ERROR_*: invalid bitstream 1, missing reference 2, concealment 4, slices 8.
                    findings.add("frame " + n + " was decoded with errors (flags " + frame.decode_error_flags() + ")");
                }
                if (n > 0 && decoded.pts() != AV_NOPTS_VALUE && decoded.pts() <= frames.get(n - 1).pts()) {
                    findings.add("frame " + n + ": presentation time " + decoded.pts() + " does not increase (previous "
                            + frames.get(n - 1).pts() + ")");
                }
                Pointer tag = frame.opaque();
                if (tag == null || tag.isNull()) {
                    throw new IOException(file + ": FFmpeg's " + decoder.codec().name().getString()
                            + " decoder did not say which packet frame " + n + " came from");
                }
                frames.add(decoded);
                framePackets.add((int) tag.address() - 1);
                av_frame_unref(frame);
            }
        }

        void free() {
            for (AVPacket p : packets) {
                av_packet_free(p);
            }
            if (packet != null) {
                av_packet_free(packet);
            }
            if (frame != null) {
                av_frame_free(frame);
            }
            if (decoder != null) {
                avcodec_free_context(decoder);
            }
            if (format != null) {
                avformat_close_input(format);
            }
        }

        private void check(int result, String what) throws IOException {
            if (result < 0) {
                List<String> said = log.lines();
                throw new IOException(file + ": FFmpeg cannot " + what + ": " + errorText(result)
                        + (said.isEmpty() ? "" : " (it said: " + String.join("; ", said) + ")"));
            }
        }
    }

    /** A pointer-sized tag FFmpeg passes from a packet to its frames without reading it. */
    private static final class Tag extends Pointer {
        Tag(long value) {
            address = value;
        }
    }

    private static Frame convert(AVFrame frame) {
        int w = frame.width();
        int h = frame.height();
        int format = frame.format();
        byte[] rgb = new byte[3 * w * h];
        // Into a frame FFmpeg allocates: swscale's vector code wants aligned rows and may write past their end.
        AVFrame out = av_frame_alloc();
        SwsContext sws = null;
        try {
            out.format(AV_PIX_FMT_RGB24).width(w).height(h);
            if (av_frame_get_buffer(out, 0) < 0) {
                throw new OutOfMemoryError("no memory for a " + w + "x" + h + " RGB frame");
            }
            // Chroma by the nearest sample, as the ffmpeg program's fast path upsamples 4:2:0: an
            // interpolating filter would blur every sharp colour edge; accurate rounding for the rest.
            sws = sws_getContext(w, h, format, w, h, AV_PIX_FMT_RGB24,
                    SWS_POINT | SWS_FULL_CHR_H_INT | SWS_ACCURATE_RND, null, null, (DoublePointer) null);
            // swscale's matrix numbers are FFmpeg's colour-space numbers; unknown ones fall back to BT.601.
            sws_setColorspaceDetails(sws, sws_getCoefficients(frame.colorspace()),
                    frame.color_range() == AVCOL_RANGE_JPEG ? 1 : 0, sws_getCoefficients(frame.colorspace()), 1,
                    0, 1 << 16, 1 << 16);
            sws_scale(sws, frame.data(), frame.linesize(), 0, h, out.data(), out.linesize());
            BytePointer data = out.data(0);
            long stride = out.linesize(0);
            for (int y = 0; y < h; y++) {
                data.position(y * stride).get(rgb, 3 * w * y, 3 * w);
            }
        } finally {
            if (sws != null) {
                sws_freeContext(sws);
            }
            av_frame_free(out);
        }

        AVPixFmtDescriptor descriptor = av_pix_fmt_desc_get(format);
        boolean chromaPlanes = (descriptor.flags() & AV_PIX_FMT_FLAG_PLANAR) != 0
                && (descriptor.flags() & AV_PIX_FMT_FLAG_RGB) == 0;
        int count = av_pix_fmt_count_planes(format);
        byte[][] planes = new byte[count][];
        int[] lineBytes = new int[count];
        for (int p = 0; p < count; p++) {
            int rows = chromaPlanes && (p == 1 || p == 2) ? -((-h) >> descriptor.log2_chroma_h()) : h;
            lineBytes[p] = av_image_get_linesize(format, w, p);
            planes[p] = new byte[lineBytes[p] * rows];
            BytePointer data = frame.data(p);
            long stride = frame.linesize(p);
            for (int y = 0; y < rows; y++) {
                data.position(y * stride).get(planes[p], y * lineBytes[p], lineBytes[p]);
            }
        }
        long pts = frame.best_effort_timestamp();
        return new Frame(pts, (frame.flags() & AV_FRAME_FLAG_KEY) != 0,
                (char) av_get_picture_type_char(frame.pict_type()), rgb, name(av_get_pix_fmt_name(format)),
                descriptor.comp(0).depth(), planes, lineBytes);
    }

    private static String name(BytePointer name) {
        return name == null || name.isNull() ? "unknown" : name.getString();
    }

    private static String errorText(int error) {
        try (BytePointer buffer = new BytePointer(256)) {
            if (av_strerror(error, buffer, 256) < 0) {
                return "FFmpeg error " + error;
            }
            // A fresh BytePointer's limit is its size; limit 0 makes getString stop at the NUL.
            return buffer.position(0).limit(0).getString();
        }
    }
}
