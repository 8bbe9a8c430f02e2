package dev.reel.encoder.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_is_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.io.IOException;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;

/**
 * The native frames of one pooled {@link dev.reel.api.Picture}, kept as its attachment and reused
 * for every frame drawn into it: the picture's RGB in native memory and, when frames go to the
 * encoder without a filter graph, the same frame converted to the encoder's pixel format by one
 * swscale call, so that the conversion runs on the render thread that calls {@code prepare}.
 *
 * <p>Used by one thread at a time (the picture's owner). The frames are reference counted: the
 * encoder or the filter graph may still hold a frame handed to it when the picture comes back, and
 * then it gets fresh buffers instead of overwriting what they hold.
 */
final class PictureFrames {
    private final Object owner;
    private final int width;
    private final int height;
    private final AVFrame rgb;
    private final AVFrame converted;
    private final SwsContext scaler;
    private boolean freed;
    private int loaded = -1;

    /**
     * @param owner the encoder these frames belong to; a picture reused by another encoder gets new ones
     * @param convertTo the AVPixelFormat to convert to in {@link #load}, or -1 for RGB only
     * @param colour the colour description of the converted frames
     */
    PictureFrames(Object owner, int width, int height, int convertTo, Colour colour) {
        this.owner = owner;
        this.width = width;
        this.height = height;
        this.rgb = av_frame_alloc();
        if (rgb == null) {
            throw new OutOfMemoryError("av_frame_alloc");
        }
        // reel's RGB is full range, as the filter graph's buffer source is told.
        rgb.color_range(AVCOL_RANGE_JPEG);
        if (convertTo < 0) {
            this.converted = null;
            this.scaler = null;
            return;
        }
        this.converted = av_frame_alloc();
        this.scaler = sws_getContext(width, height, AV_PIX_FMT_RGB24, width, height, convertTo, SWS_BICUBIC,
                null, null, (DoublePointer) null);
        if (converted == null || scaler == null) {
            free();
            throw new IllegalStateException("FFmpeg cannot convert " + width + "x" + height + " rgb24 pictures");
        }
        converted.colorspace(colour.space());
        converted.color_range(colour.range());
        converted.color_primaries(colour.primaries());
        converted.color_trc(colour.transfer());
        if (colour.yuv()) {
            // Full-range RGB in, limited-range Y'CbCr out, with the matrix the stream is tagged with.
            sws_setColorspaceDetails(scaler, sws_getCoefficients(colour.swsCoefficients()), 1,
                    sws_getCoefficients(colour.swsCoefficients()), 0, 0, 1 << 16, 1 << 16);
        }
    }

    /** Whether these frames belong to this encoder and this size. */
    boolean fits(Object encoder, int width, int height) {
        return owner == encoder && this.width == width && this.height == height && !freed;
    }

    /**
     * Copies a picture's RGB bytes ({@code 3 * width * height}, rows without padding) into native
     * memory, and converts them when this has a conversion.
     *
     * @param convertTo the AVPixelFormat of the converted frame (as given to the constructor)
     * @param frameIndex the frame the pixels are, remembered for {@link #holds}
     */
    void load(byte[] pixels, int convertTo, int frameIndex) throws IOException {
        loaded = -1;
        writable(rgb, AV_PIX_FMT_RGB24);
        BytePointer data = rgb.data(0);
        int row = 3 * width;
        int stride = rgb.linesize(0);
        if (stride == row) {
            data.position(0).put(pixels, 0, row * height);
        } else {
            for (int y = 0; y < height; y++) {
                data.position((long) y * stride).put(pixels, y * row, row);
            }
        }
        if (converted != null) {
            writable(converted, convertTo);
            int lines = sws_scale(scaler, rgb.data(), rgb.linesize(), 0, height, converted.data(),
                    converted.linesize());
            if (lines != height) {
                throw new IOException("FFmpeg's colour conversion failed: " + FfmpegErrors.text(lines));
            }
        }
        loaded = frameIndex;
    }

    /** Whether {@link #load} has put frame {@code frameIndex} into these frames. */
    boolean holds(int frameIndex) {
        return loaded == frameIndex;
    }

    /** The frame to hand on: the converted one, or the RGB one when there is no conversion. */
    AVFrame frame() {
        return converted != null ? converted : rgb;
    }

    // Gives the frame its own buffer unless it already has one nobody else references.
    private void writable(AVFrame frame, int format) throws IOException {
        if (frame.buf(0) != null && av_frame_is_writable(frame) != 0) {
            return;
        }
        int space = frame.colorspace();
        int range = frame.color_range();
        int primaries = frame.color_primaries();
        int transfer = frame.color_trc();
        av_frame_unref(frame);
        frame.format(format);
        frame.width(width);
        frame.height(height);
        frame.colorspace(space);
        frame.color_range(range);
        frame.color_primaries(primaries);
        frame.color_trc(transfer);
        int result = av_frame_get_buffer(frame, 0);
        if (result < 0) {
            throw new IOException("FFmpeg cannot allocate a " + width + "x" + height + " frame: "
                    + FfmpegErrors.text(result));
        }
    }

    /** Frees the native frames; the picture keeps this object, which then fits no encoder. */
    void free() {
        if (freed) {
            return;
        }
        freed = true;
        if (scaler != null) {
            sws_freeContext(scaler);
        }
        if (converted != null) {
            av_frame_free(converted);
        }
        if (rgb != null) {
            av_frame_free(rgb);
        }
    }
}
