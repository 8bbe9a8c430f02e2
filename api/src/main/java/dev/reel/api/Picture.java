package dev.reel.api;

import java.util.Arrays;

/**
 * One frame of a movie: packed 8-bit RGB, three bytes per pixel (red, green, blue), rows from top
 * to bottom with no padding.
 *
 * <p>Pictures are pooled: the renderer owns a fixed number of them and reuses each for many
 * frames, so a picture handed to a {@link Sequence} still holds an earlier frame's pixels and the
 * sequence must write every pixel. A picture is used by one thread at a time; the renderer's
 * hand-over between threads makes its contents visible to the next one.
 *
 * <p>A picture can carry one {@linkplain #attachment() attachment}: scratch state an
 * {@link Encoder} creates in its {@link Encoder#prepare prepare} step (for example the YUV planes
 * of the frame) and reuses for every later frame drawn into the same pooled picture.
 */
public final class Picture {
    private final int width;
    private final int height;
    private final byte[] rgb;
    private Object attachment;

    /**
     * A black picture.
     *
     * @throws IllegalArgumentException if a side is not positive or the picture would not fit in
     *     one Java array
     */
    public Picture(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "picture size must be positive, got " + width + "x" + height);
        }
        long bytes = 3L * width * height;
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(
                    "picture " + width + "x" + height + " is too large (" + bytes
                            + " bytes of RGB; at most " + (Integer.MAX_VALUE - 16) + ")");
        }
        this.width = width;
        this.height = height;
        this.rgb = new byte[(int) bytes];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * The backing array, not a copy: {@code 3 * width * height} bytes, pixel (x, y) at
     * {@link #offset(int, int) offset(x, y)} as red, green, blue.
     */
    public byte[] rgb() {
        return rgb;
    }

    /** The index in {@link #rgb()} of the red byte of pixel (x, y). */
    public int offset(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException(
                    "pixel (" + x + ", " + y + ") is outside a " + width + "x" + height + " picture");
        }
        return 3 * (y * width + x);
    }

    /** Pixel (x, y) as {@code 0xRRGGBB}. */
    public int get(int x, int y) {
        int i = offset(x, y);
        return (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff);
    }

    /** Sets pixel (x, y) from {@code 0xRRGGBB}; higher bits are ignored. */
    public void set(int x, int y, int color) {
        int i = offset(x, y);
        rgb[i] = (byte) (color >>> 16);
        rgb[i + 1] = (byte) (color >>> 8);
        rgb[i + 2] = (byte) color;
    }

    /** Sets every pixel to {@code 0xRRGGBB}. */
    public void fill(int color) {
        byte r = (byte) (color >>> 16);
        byte g = (byte) (color >>> 8);
        byte b = (byte) color;
        if (r == g && g == b) {
            Arrays.fill(rgb, r);
            return;
        }
        rgb[0] = r;
        rgb[1] = g;
        rgb[2] = b;
        // Doubling copies: log2(n) calls of System.arraycopy instead of n stores.
        for (int filled = 3; filled < rgb.length; filled *= 2) {
            System.arraycopy(rgb, 0, rgb, filled, Math.min(filled, rgb.length - filled));
        }
    }

    /** Copies the pixels of a picture of the same size (not its attachment). */
    public void copyFrom(Picture other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException("cannot copy a " + other.width + "x" + other.height
                    + " picture into a " + width + "x" + height + " one");
        }
        System.arraycopy(other.rgb, 0, rgb, 0, rgb.length);
    }

    /** Whether both pictures have the same size and the same pixels. */
    public boolean samePixels(Picture other) {
        return other.width == width && other.height == height && Arrays.equals(other.rgb, rgb);
    }

    /** The encoder's scratch state for this picture, or {@code null} before its first prepare step. */
    public Object attachment() {
        return attachment;
    }

    /** Replaces the encoder's scratch state for this picture; {@code null} clears it. */
    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    @Override
    public String toString() {
        return "Picture[" + width + "x" + height + "]";
    }
}
