package dev.reel.encoder.jcodec;

/**
 * The RGB to Y'CbCr matrix of a video: which weights turn red, green and blue into luma, given by
 * the two constants Kr and Kb of ITU-R BT.601 and BT.709 (Kg = 1 - Kr - Kb).
 *
 * <p>With R, G, B in 0..255, the limited-range ("TV", MPEG) samples are
 * <pre>
 *   Y  =  16 + 219 (Kr R + Kg G + Kb B) / 255
 *   Cb = 128 + 224 (B - Y') / (2 (1 - Kb)) / 255      where Y' = Kr R + Kg G + Kb B
 *   Cr = 128 + 224 (R - Y') / (2 (1 - Kr)) / 255
 * </pre>
 * which for BT.601 gives the familiar {@code Y = 16 + (65.481 R + 128.553 G + 24.966 B) / 255}.
 *
 * <p>Immutable and thread-safe.
 */
public enum ColorMatrix {
    /**
     * ITU-R BT.601 (Kr = 0.299, Kb = 0.114): standard-definition video, and what decoders assume
     * when a stream signals no matrix. The default.
     */
    BT601(0.299, 0.114),

    /** ITU-R BT.709 (Kr = 0.2126, Kb = 0.0722): high-definition video. */
    BT709(0.2126, 0.0722);

    private final double kr;
    private final double kb;

    ColorMatrix(double kr, double kb) {
        this.kr = kr;
        this.kb = kb;
    }

    /** The weight of red in luma. */
    public double kr() {
        return kr;
    }

    /** The weight of green in luma: {@code 1 - kr() - kb()}. */
    public double kg() {
        return 1 - kr - kb;
    }

    /** The weight of blue in luma. */
    public double kb() {
        return kb;
    }
}
