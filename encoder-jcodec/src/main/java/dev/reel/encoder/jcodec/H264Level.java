package dev.reel.encoder.jcodec;

import java.util.Optional;

/**
 * The H.264 levels (ITU-T H.264 Table A-1) by the two limits an encoder with a fixed quantiser can
 * know in advance: macroblocks per frame and macroblocks per second. The level written to the
 * stream is the lowest whose limits hold the movie, so that decoders with a level limit (hardware
 * ones) accept every movie they can play. Bit rates are not bounded: at low crf a movie may exceed
 * the bit rate its level allows, which software decoders ignore.
 */
enum H264Level {
    L1(10, 1_485, 99),
    L1_1(11, 3_000, 396),
    L1_2(12, 6_000, 396),
    L1_3(13, 11_880, 396),
    L2(20, 11_880, 396),
    L2_1(21, 19_800, 792),
    L2_2(22, 20_250, 1_620),
    L3(30, 40_500, 1_620),
    L3_1(31, 108_000, 3_600),
    L3_2(32, 216_000, 5_120),
    L4(40, 245_760, 8_192),
    L4_1(41, 245_760, 8_192),
    L4_2(42, 522_240, 8_704),
    L5(50, 589_824, 22_080),
    L5_1(51, 983_040, 36_864),
    L5_2(52, 2_073_600, 36_864),
    L6(60, 4_177_920, 139_264),
    L6_1(61, 8_355_840, 139_264),
    L6_2(62, 16_711_680, 139_264);

    /** The largest level: its frame size limit is the largest H.264 has. */
    static final H264Level HIGHEST = L6_2;

    private final int idc;
    private final long maxMacroblocksPerSecond;
    private final int maxFrameMacroblocks;

    H264Level(int idc, long maxMacroblocksPerSecond, int maxFrameMacroblocks) {
        this.idc = idc;
        this.maxMacroblocksPerSecond = maxMacroblocksPerSecond;
        this.maxFrameMacroblocks = maxFrameMacroblocks;
    }

    /** The {@code level_idc} of the sequence parameter set: ten times the level number. */
    int idc() {
        return idc;
    }

    /** The most macroblocks a frame may have. */
    int maxFrameMacroblocks() {
        return maxFrameMacroblocks;
    }

    /**
     * Whether a frame of {@code width} x {@code height} pixels fits this level's frame size: at most
     * {@link #maxFrameMacroblocks()} macroblocks, and neither side longer than
     * {@code sqrt(8 * maxFrameMacroblocks)} macroblocks (A.3.1 f and g).
     */
    boolean holdsFrame(int width, int height) {
        long w = macroblocks(width);
        long h = macroblocks(height);
        long side = 8L * maxFrameMacroblocks;
        return w * h <= maxFrameMacroblocks && w * w <= side && h * h <= side;
    }

    /**
     * The lowest level that holds frames of this size at this rate; when the rate is beyond every
     * level, the {@linkplain #HIGHEST highest} (the rate limit matters only to real-time decoders).
     * Empty when no level holds the frame size.
     */
    static Optional<H264Level> lowestFor(int width, int height, double fps) {
        if (!HIGHEST.holdsFrame(width, height)) {
            return Optional.empty();
        }
        double perSecond = (double) macroblocks(width) * macroblocks(height) * fps;
        for (H264Level level : values()) {
            if (level.holdsFrame(width, height) && perSecond <= level.maxMacroblocksPerSecond) {
                return Optional.of(level);
            }
        }
        return Optional.of(HIGHEST);
    }

    private static long macroblocks(int pixels) {
        return (pixels + 15L) / 16;
    }

    @Override
    public String toString() {
        return idc % 10 == 0 ? String.valueOf(idc / 10) : idc / 10 + "." + idc % 10;
    }
}
