package dev.reel.encoder.jcodec;

import dev.reel.api.Picture;

/**
 * The three 8-bit planes of one YUV 4:2:0 frame: luma (Y) at full resolution, and the two chroma
 * planes Cb (u) and Cr (v) at half resolution rounded up, {@code (width + 1) / 2} by
 * {@code (height + 1) / 2}. Rows run top to bottom; sample (x, y) of a plane is at
 * {@code y * stride + x}. The planes are tightly packed (each stride equals its plane's width); the
 * strides are exposed so that readers index with them rather than with the widths.
 *
 * <p>A holder is allocated once per picture size and refilled for every frame: an encoder keeps
 * one as the {@linkplain Picture#attachment() attachment} of each pooled picture and
 * {@link Yuv420Converter#convert converts} into it on the render thread.
 *
 * <p>Not thread-safe: like a {@link Picture}, a holder is used by one thread at a time, and the
 * renderer's hand-over of the picture it is attached to makes its contents visible to the next
 * thread.
 */
public final class Yuv420Planes {

    /** How a sample value 0..255 is stored in a Java {@code byte}. */
    public enum SampleCoding {
        /** The value itself, read back with {@code b & 0xff}: what FFmpeg's {@code yuv420p} holds. */
        UNSIGNED,
        /**
         * The value minus 128 (0 is stored as -128, 255 as 127): the convention of JCodec's
         * {@code Picture}, which can then wrap these arrays without a copy.
         */
        MINUS_128
    }

    private final int width;
    private final int height;
    private final int chromaWidth;
    private final int chromaHeight;
    private final SampleCoding coding;
    private final byte[] y;
    private final byte[] u;
    private final byte[] v;

    /** Planes for a {@code width} x {@code height} picture, holding {@link SampleCoding#UNSIGNED unsigned} samples. */
    public Yuv420Planes(int width, int height) {
        this(width, height, SampleCoding.UNSIGNED);
    }

    /**
     * Planes for a {@code width} x {@code height} picture.
     *
     * @throws IllegalArgumentException if a side is not positive or the luma plane would not fit in
     *     one Java array
     */
    public Yuv420Planes(int width, int height, SampleCoding coding) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "YUV plane size must be positive, got " + width + "x" + height);
        }
        if ((long) width * height > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("YUV planes for " + width + "x" + height
                    + " are too large for one Java array (" + (long) width * height + " luma samples)");
        }
        if (coding == null) {
            throw new NullPointerException("coding");
        }
        this.width = width;
        this.height = height;
        this.chromaWidth = (width + 1) / 2;
        this.chromaHeight = (height + 1) / 2;
        this.coding = coding;
        this.y = new byte[width * height];
        this.u = new byte[chromaWidth * chromaHeight];
        this.v = new byte[chromaWidth * chromaHeight];
    }

    /** Width of the picture and of the luma plane, in samples. */
    public int width() {
        return width;
    }

    /** Height of the picture and of the luma plane, in rows. */
    public int height() {
        return height;
    }

    /** Width of each chroma plane: {@code (width() + 1) / 2}. */
    public int chromaWidth() {
        return chromaWidth;
    }

    /** Height of each chroma plane: {@code (height() + 1) / 2}. */
    public int chromaHeight() {
        return chromaHeight;
    }

    /** Distance in bytes between the starts of two luma rows. */
    public int lumaStride() {
        return width;
    }

    /** Distance in bytes between the starts of two chroma rows, in both chroma planes. */
    public int chromaStride() {
        return chromaWidth;
    }

    /** How the samples are stored. */
    public SampleCoding coding() {
        return coding;
    }

    /** The luma plane, not a copy. */
    public byte[] y() {
        return y;
    }

    /** The Cb (blue-difference) plane, not a copy. */
    public byte[] u() {
        return u;
    }

    /** The Cr (red-difference) plane, not a copy. */
    public byte[] v() {
        return v;
    }

    /** Whether these planes have the size of {@code picture}, so that it can be converted into them. */
    public boolean fits(Picture picture) {
        return picture.width() == width && picture.height() == height;
    }

    /** Luma sample (x, y) as a value 0..255, whatever the {@link #coding()}. */
    public int lumaAt(int x, int y) {
        check(x, y, width, height, "luma");
        return decode(this.y[y * lumaStride() + x]);
    }

    /** Cb sample (x, y) of the chroma plane as a value 0..255, whatever the {@link #coding()}. */
    public int cbAt(int x, int y) {
        check(x, y, chromaWidth, chromaHeight, "chroma");
        return decode(u[y * chromaStride() + x]);
    }

    /** Cr sample (x, y) of the chroma plane as a value 0..255, whatever the {@link #coding()}. */
    public int crAt(int x, int y) {
        check(x, y, chromaWidth, chromaHeight, "chroma");
        return decode(v[y * chromaStride() + x]);
    }

    private int decode(byte sample) {
        return coding == SampleCoding.UNSIGNED ? sample & 0xff : (sample & 0xff) ^ 0x80;
    }

    private static void check(int x, int y, int w, int h, String plane) {
        if (x < 0 || x >= w || y < 0 || y >= h) {
            throw new IndexOutOfBoundsException("sample (" + x + ", " + y + ") is outside the "
                    + w + "x" + h + " " + plane + " plane");
        }
    }

    @Override
    public String toString() {
        return "Yuv420Planes[" + width + "x" + height + ", chroma " + chromaWidth + "x" + chromaHeight
                + ", " + coding + "]";
    }
}
