package dev.reel.encoder.jcodec;

import java.util.List;
import java.util.Objects;

/**
 * One encoded group of pictures, ready to be muxed: its frames as MP4 samples (NAL units after
 * 4-byte lengths, the first an IDR frame) and the parameter sets its IDR frame carried, which the
 * container keeps once for the whole track.
 *
 * @param index the group's number, from 0
 * @param samples one per frame, in order; not copied, not to be changed
 * @param sps the sequence parameter set, without its NAL header byte
 * @param pps the picture parameter set, without its NAL header byte
 */
record EncodedGop(int index, List<byte[]> samples, byte[] sps, byte[] pps) {
    EncodedGop {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(sps, "sps");
        Objects.requireNonNull(pps, "pps");
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a group of pictures has at least one frame");
        }
        samples = List.copyOf(samples);
    }
}
