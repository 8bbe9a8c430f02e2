package dev.reel.testkit;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A raw H.264 (Annex B) file made with the presets' libx264: a real coded stream with groups of
 * pictures, for the reader's tests. Frame {@code i} is a smooth pattern that moves with {@code i}.
 *
 * @param file where it was written
 * @param packetOffsets where each coded frame starts in the file, and the file's length last
 * @param luma each source frame's Y plane, {@code width x height} bytes
 */
record X264Stream(Path file, List<Integer> packetOffsets, List<byte[]> luma) {

    /** Encodes {@code frames} frames at 25 fps, an IDR picture every {@code interval}, no B-frames. */
    static X264Stream write(Path file, int width, int height, int frames, int interval) throws IOException {
        AVCodec codec = avcodec_find_encoder_by_name("libx264");
        AVCodecContext c = avcodec_alloc_context3(codec);
        AVFrame frame = av_frame_alloc();
        AVPacket packet = av_packet_alloc();
        AVDictionary options = new AVDictionary(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        List<byte[]> luma = new ArrayList<>();
        try {
            c.width(width).height(height).pix_fmt(AV_PIX_FMT_YUV420P).time_base(av_make_q(1, 25))
                    .framerate(av_make_q(25, 1)).gop_size(interval).max_b_frames(0).thread_count(1);
            av_dict_set(options, "preset", "ultrafast", 0);
            av_dict_set(options, "x264-params", "keyint=" + interval + ":min-keyint=" + interval + ":scenecut=0", 0);
            check(avcodec_open2(c, codec, options), "open libx264");
            frame.format(AV_PIX_FMT_YUV420P).width(width).height(height);
            check(av_frame_get_buffer(frame, 0), "allocate a frame");
            for (int i = 0; i < frames; i++) {
                check(av_frame_make_writable(frame), "write a frame");
                byte[] y = new byte[width * height];
                for (int row = 0; row < height; row++) {
                    for (int x = 0; x < width; x++) {
                        y[row * width + x] = (byte) (128 + 80 * Math.sin((x + 2 * i) * 0.2) * Math.cos(row * 0.15));
                    }
                    frame.data(0).position((long) row * frame.linesize(0)).put(y, row * width, width);
                }
                for (int p = 1; p <= 2; p++) {
                    for (int row = 0; row < height / 2; row++) {
                        byte[] chroma = new byte[width / 2];
                        for (int x = 0; x < width / 2; x++) {
                            chroma[x] = (byte) (128 + (p == 1 ? 30 : -20) * Math.sin((x + row + i) * 0.3));
                        }
                        frame.data(p).position((long) row * frame.linesize(p)).put(chroma, 0, chroma.length);
                    }
                }
                luma.add(y);
                frame.pts(i);
                check(avcodec_send_frame(c, frame), "encode frame " + i);
                drain(c, packet, out, offsets);
            }
            check(avcodec_send_frame(c, null), "flush the encoder");
            drain(c, packet, out, offsets);
            offsets.add(out.size());
            Files.write(file, out.toByteArray());
            return new X264Stream(file, List.copyOf(offsets), List.copyOf(luma));
        } finally {
            av_dict_free(options);
            av_packet_free(packet);
            av_frame_free(frame);
            avcodec_free_context(c);
        }
    }

    private static void drain(AVCodecContext c, AVPacket packet, ByteArrayOutputStream out, List<Integer> offsets)
            throws IOException {
        while (true) {
            int result = avcodec_receive_packet(c, packet);
            if (result == AVERROR_EAGAIN() || result == AVERROR_EOF) {
                return;
            }
            check(result, "receive a packet");
            byte[] bytes = new byte[packet.size()];
            packet.data().get(bytes);
            offsets.add(out.size());
            out.write(bytes);
            av_packet_unref(packet);
        }
    }

    private static void check(int result, String what) throws IOException {
        if (result < 0) {
            throw new IOException("cannot " + what + ": FFmpeg error " + result);
        }
    }
}
