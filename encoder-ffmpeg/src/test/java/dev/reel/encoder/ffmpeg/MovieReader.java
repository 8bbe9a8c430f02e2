package dev.reel.encoder.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
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
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU601;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU709;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Reads a movie file back with FFmpeg's own demuxers and decoders (not reel's code): what the
 * stream says about itself, every decoded frame as RGB and as its native planes, and the key frames.
 * Test-only; small files only (everything is kept in memory).
 */
final class MovieReader {

    /** What the file says about its video stream. */
    record Info(String muxer, String codec, int width, int height, int rateNum, int rateDen, String pixelFormat,
            int colorSpace, int colorRange, int colorPrimaries, int colorTransfer, Map<String, String> metadata) {
    }

    /** One decoded frame: RGB (converted as the stream's colour tags say) and the raw first plane bytes. */
    record Frame(long pts, byte[] rgb, String pixelFormat, byte[][] planes, int[] strides) {
        /** A sample of plane p at (x, y) for 8-bit planar formats. */
        int sample(int plane, int x, int y) {
            return planes[plane][y * strides[plane] + x] & 0xff;
        }
    }

    /** The whole movie. */
    record Movie(Info info, List<Frame> frames, List<Integer> keyFrames, long bytes) {
        int frameCount() {
            return frames.size();
        }
    }

    private MovieReader() {
    }

    /** Reads and decodes a whole file. */
    static Movie read(Path file) throws IOException {
        AVFormatContext format = new AVFormatContext(null);
        check(avformat_open_input(format, file.toString(), null, null), "open " + file);
        List<AVPacket> packets = new ArrayList<>();
        AVCodecContext decoder = null;
        try {
            check(avformat_find_stream_info(format, (AVDictionary) null), "probe " + file);
            AVStream stream = null;
            for (int i = 0; i < format.nb_streams(); i++) {
                if (format.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                    stream = format.streams(i);
                    break;
                }
            }
            if (stream == null) {
                throw new IOException("no video stream in " + file);
            }
            AVCodecParameters parameters = stream.codecpar();
            Map<String, String> metadata = new LinkedHashMap<>();
            AVDictionaryEntry entry = null;
            while ((entry = av_dict_get(format.metadata(), "", entry, AV_DICT_IGNORE_SUFFIX)) != null) {
                metadata.put(entry.key().getString().toLowerCase(java.util.Locale.ROOT), entry.value().getString());
            }
            String pixelFormat = parameters.format() < 0 ? "none" : av_get_pix_fmt_name(parameters.format()).getString();
            Info info = new Info(format.iformat().name().getString(), avcodec_get_name(parameters.codec_id()).getString(),
                    parameters.width(), parameters.height(), stream.avg_frame_rate().num(), stream.avg_frame_rate().den(),
                    pixelFormat, parameters.color_space(), parameters.color_range(), parameters.color_primaries(),
                    parameters.color_trc(), metadata);

            AVPacket packet = av_packet_alloc();
            List<Long> allPts = new ArrayList<>();
            List<Long> keyPts = new ArrayList<>();
            while (av_read_frame(format, packet) >= 0) {
                if (packet.stream_index() == stream.index()) {
                    packets.add(av_packet_clone(packet));
                    allPts.add(packet.pts());
                    if ((packet.flags() & AV_PKT_FLAG_KEY) != 0) {
                        keyPts.add(packet.pts());
                    }
                }
                av_packet_unref(packet);
            }
            av_packet_free(packet);
            List<Long> sorted = new ArrayList<>(allPts);
            Collections.sort(sorted);
            List<Integer> keyFrames = new ArrayList<>();
            for (long pts : keyPts) {
                keyFrames.add(sorted.indexOf(pts));
            }
            Collections.sort(keyFrames);

            decoder = decoder(parameters);
            List<Frame> frames = decode(decoder, packets);
            return new Movie(info, frames, keyFrames, Files.size(file));
        } finally {
            for (AVPacket p : packets) {
                av_packet_free(p);
            }
            if (decoder != null) {
                avcodec_free_context(decoder);
            }
            avformat_close_input(format);
        }
    }

    /**
     * Decodes one group of pictures on its own, with a fresh decoder: the packets from the
     * {@code g}-th key packet (in file order) up to the next key packet. For a closed group this
     * gives exactly the frames of the full decode, starting at the key frame.
     */
    static List<Frame> decodeGroup(Path file, int g) throws IOException {
        AVFormatContext format = new AVFormatContext(null);
        check(avformat_open_input(format, file.toString(), null, null), "open " + file);
        List<AVPacket> packets = new ArrayList<>();
        AVCodecContext decoder = null;
        try {
            check(avformat_find_stream_info(format, (AVDictionary) null), "probe " + file);
            AVStream stream = format.streams(0);
            AVPacket packet = av_packet_alloc();
            int keys = -1;
            while (av_read_frame(format, packet) >= 0) {
                if ((packet.flags() & AV_PKT_FLAG_KEY) != 0) {
                    keys++;
                }
                if (keys == g) {
                    packets.add(av_packet_clone(packet));
                }
                av_packet_unref(packet);
                if (keys > g) {
                    break;
                }
            }
            av_packet_free(packet);
            decoder = decoder(stream.codecpar());
            return decode(decoder, packets);
        } finally {
            for (AVPacket p : packets) {
                av_packet_free(p);
            }
            if (decoder != null) {
                avcodec_free_context(decoder);
            }
            avformat_close_input(format);
        }
    }

    private static AVCodecContext decoder(AVCodecParameters parameters) throws IOException {
        AVCodecContext decoder = avcodec_alloc_context3(avcodec_find_decoder(parameters.codec_id()));
        check(avcodec_parameters_to_context(decoder, parameters), "set up the decoder");
        check(avcodec_open2(decoder, avcodec_find_decoder(parameters.codec_id()), (AVDictionary) null),
                "open the decoder");
        return decoder;
    }

    private static List<Frame> decode(AVCodecContext decoder, List<AVPacket> packets) throws IOException {
        List<Frame> frames = new ArrayList<>();
        AVFrame frame = av_frame_alloc();
        try {
            for (AVPacket p : packets) {
                check(avcodec_send_packet(decoder, p), "decode");
                receive(decoder, frame, frames);
            }
            check(avcodec_send_packet(decoder, null), "flush");
            receive(decoder, frame, frames);
        } finally {
            av_frame_free(frame);
        }
        frames.sort((a, b) -> Long.compare(a.pts(), b.pts()));
        return frames;
    }

    private static void receive(AVCodecContext decoder, AVFrame frame, List<Frame> frames) throws IOException {
        while (true) {
            int result = avcodec_receive_frame(decoder, frame);
            if (result == FfmpegErrors.AGAIN || result == AVERROR_EOF) {
                return;
            }
            check(result, "decode");
            frames.add(convert(frame));
        }
    }

    private static Frame convert(AVFrame frame) {
        int w = frame.width();
        int h = frame.height();
        SwsContext sws = sws_getContext(w, h, frame.format(), w, h, AV_PIX_FMT_RGB24,
                SWS_BICUBIC | SWS_FULL_CHR_H_INT | SWS_ACCURATE_RND, null, null, (DoublePointer) null);
        int matrix = frame.colorspace() == AVCOL_SPC_BT709 ? SWS_CS_ITU709 : SWS_CS_ITU601;
        sws_setColorspaceDetails(sws, sws_getCoefficients(matrix), frame.color_range() == AVCOL_RANGE_JPEG ? 1 : 0,
                sws_getCoefficients(matrix), 1, 0, 1 << 16, 1 << 16);
        byte[] rgb = new byte[3 * w * h];
        // swscale reads four plane pointers and strides, whatever the format.
        try (BytePointer out = new BytePointer((long) rgb.length);
                PointerPointer<BytePointer> dst = new PointerPointer<>(out, null, null, null);
                IntPointer stride = new IntPointer(new int[] {3 * w, 0, 0, 0})) {
            sws_scale(sws, frame.data(), frame.linesize(), 0, h, dst, stride);
            out.get(rgb);
        }
        sws_freeContext(sws);
        String pixelFormat = av_get_pix_fmt_name(frame.format()).getString();
        byte[][] planes = new byte[3][];
        int[] strides = new int[3];
        // Planar Y'CbCr keeps three planes of samples; other formats' second plane may be a palette.
        int planeCount = pixelFormat.startsWith("yuv") ? 3 : 1;
        for (int p = 0; p < planeCount; p++) {
            BytePointer data = frame.data(p);
            if (data == null || data.isNull()) {
                continue;
            }
            strides[p] = frame.linesize(p);
            int rows = p == 0 || pixelFormat.startsWith("yuv444") ? h : pixelFormat.startsWith("yuv420") ? (h + 1) / 2 : h;
            planes[p] = new byte[Math.abs(strides[p]) * rows];
            data.get(planes[p]);
        }
        return new Frame(frame.pts(), rgb, pixelFormat, planes, strides);
    }

    private static void check(int result, String what) throws IOException {
        if (result < 0) {
            throw new IOException("cannot " + what + ": " + FfmpegErrors.text(result));
        }
    }
}
