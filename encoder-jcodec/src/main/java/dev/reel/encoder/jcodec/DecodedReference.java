package dev.reel.encoder.jcodec;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.List;
import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;

/**
 * Works around a JCodec 0.2.5 encoder bug that makes P frames drift: the encoder's own
 * reconstruction of a frame, which the next frame is predicted from, is not deblocked as the
 * stream says (IDR frames not at all, P frames slightly differently from the standard), so from
 * QP 16 up, where H.264's loop filter starts to act, decoders see other pictures than the encoder
 * predicted from, and the error grows frame after frame (measured at crf 22: 37.5 dB against the
 * drawn frames with every reference decoded, 37.3 with the IDR frame's alone, 31.7 with none).
 * This decodes frames of the group with JCodec's decoder, which filters as the standard does (its
 * output is bit-exact with FFmpeg's on these streams), and makes that picture the encoder's
 * reference. The only way in is the encoder's private {@code ref} field: JCodec is an automatic
 * module, so its packages are open.
 *
 * <p>Not thread-safe: one per group of pictures. The decoder's pictures alternate between two
 * buffers: the one the encoder references, and the one the next frame is decoded into.
 */
final class DecodedReference {
    private static final Field ENCODER_REFERENCE = encoderReferenceField();

    private final H264Decoder decoder = new H264Decoder();
    private final int codedWidth;
    private final int codedHeight;
    private final byte[][][] buffers;
    private int next;

    /** For frames of {@code width} x {@code height}, coded as whole 16x16 macroblocks. */
    DecodedReference(int width, int height) {
        this.codedWidth = (width + 15) & ~15;
        this.codedHeight = (height + 15) & ~15;
        int luma = codedWidth * codedHeight;
        this.buffers = new byte[2][][];
        for (int i = 0; i < 2; i++) {
            buffers[i] = new byte[][] {new byte[luma], new byte[luma / 4], new byte[luma / 4]};
        }
    }

    private static Field encoderReferenceField() {
        try {
            Field f = H264Encoder.class.getDeclaredField("ref");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this JCodec has no H264Encoder.ref field to correct;"
                    + " the jcodec encoder needs org.jcodec:jcodec 0.2.5", e);
        }
    }

    /**
     * Decodes the frame {@code encoder} has just coded, given as its NAL units (parameter sets
     * included for an IDR frame; they are read, and may be changed, by the decoder), and makes the
     * decoded picture the encoder's reference for its next frame.
     */
    void update(H264Encoder encoder, List<ByteBuffer> nalUnits) {
        byte[][] buffer = buffers[next];
        next ^= 1;
        if (decoder.decodeFrameFromNals(nalUnits, buffer) == null) {
            throw new IllegalStateException("JCodec could not decode the frame it encoded");
        }
        try {
            ENCODER_REFERENCE.set(encoder,
                    Picture.createPicture(codedWidth, codedHeight, buffer, ColorSpace.YUV420J));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set JCodec's reference picture", e);
        }
    }
}
