package dev.reel.encoder.jcodec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcodec.codecs.h264.mp4.AvcCBox;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.model.Packet;
import org.jcodec.containers.mp4.MP4TrackType;
import org.jcodec.containers.mp4.TimeUtil;
import org.jcodec.containers.mp4.boxes.Box;
import org.jcodec.containers.mp4.boxes.ColorExtension;
import org.jcodec.containers.mp4.boxes.DataBox;
import org.jcodec.containers.mp4.boxes.HandlerBox;
import org.jcodec.containers.mp4.boxes.Header;
import org.jcodec.containers.mp4.boxes.IListBox;
import org.jcodec.containers.mp4.boxes.MediaBox;
import org.jcodec.containers.mp4.boxes.MediaHeaderBox;
import org.jcodec.containers.mp4.boxes.MovieBox;
import org.jcodec.containers.mp4.boxes.MovieHeaderBox;
import org.jcodec.containers.mp4.boxes.NodeBox;
import org.jcodec.containers.mp4.boxes.TrackHeaderBox;
import org.jcodec.containers.mp4.boxes.TrakBox;
import org.jcodec.containers.mp4.boxes.UdtaBox;
import org.jcodec.containers.mp4.boxes.UdtaMetaBox;
import org.jcodec.containers.mp4.boxes.VideoSampleEntry;
import org.jcodec.containers.mp4.muxer.MP4Muxer;
import org.jcodec.containers.mp4.muxer.MP4MuxerTrack;

/**
 * Writes encoded groups of pictures, in order, as the one video track of an MP4 file, with JCodec's
 * muxer. On top of what the muxer writes, it
 * <ul>
 *   <li>describes the stream in the sample entry: avcC with the Constrained Baseline compatibility
 *       flags, and a {@code colr} (nclx) box with the same limited range and colours as the
 *       stream's VUI;</li>
 *   <li>writes 0 (unknown) as every creation and modification time, as FFmpeg does, so that the
 *       same frames always give the same bytes, and {@code und} as the track's language;</li>
 *   <li>writes the metadata as iTunes-style items in {@code moov/udta/meta/ilst}.</li>
 * </ul>
 *
 * <p>Not thread-safe: used by the encoder's thread only.
 */
final class Mp4H264Writer {
    /** ISO 639-2 "und" packed as three 5-bit letters, the language of a track that has none. */
    private static final int UNDETERMINED_LANGUAGE = 0x55C4;
    /** avcC profile_compatibility: constraint_set0 and constraint_set1, as in the SPS. */
    private static final int CONSTRAINED_BASELINE_COMPATIBILITY = 0xC0;
    private static final int BASELINE_PROFILE = 66;
    private static final int NAL_LENGTH_SIZE = 4;
    private static final int UTF8_TEXT = 1;
    private static final int TRACK_ID = 1;
    /** The time written as "unknown": 0 seconds after the MP4 epoch (1904). */
    private static final long UNKNOWN_TIME = TimeUtil.MOV_TIME_OFFSET;

    private final JcodecPlan plan;
    private final FileChannel channel;
    private final MP4Muxer muxer;
    private final MP4MuxerTrack track;
    private byte[] sps;
    private byte[] pps;
    private long frames;

    /**
     * Creates or truncates {@code output} and writes the file's header.
     *
     * @throws IOException if the file cannot be written
     */
    Mp4H264Writer(Path output, JcodecPlan plan) throws IOException {
        this.plan = plan;
        this.channel = FileChannel.open(output, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            this.muxer = MP4Muxer.createMP4MuxerToChannel(new FileChannelWrapper(channel));
            this.track = muxer.addTrack(new MP4MuxerTrack(TRACK_ID, MP4TrackType.VIDEO));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Frames written so far. */
    long frames() {
        return frames;
    }

    /**
     * Appends a group of pictures after the previous one.
     *
     * @throws IllegalStateException if its parameter sets differ from the first group's, which the
     *     encoders of one plan never do
     */
    void write(EncodedGop gop) throws IOException {
        if (sps == null) {
            sps = gop.sps();
            pps = gop.pps();
            track.addSampleEntry(sampleEntry());
        } else if (!Arrays.equals(sps, gop.sps()) || !Arrays.equals(pps, gop.pps())) {
            throw new IllegalStateException("group " + gop.index() + " has other parameter sets than group 0");
        }
        FrameRate rate = plan.frameRate();
        boolean key = true;
        for (byte[] sample : gop.samples()) {
            track.addFrame(Packet.createPacket(ByteBuffer.wrap(sample), frames * rate.den(), rate.num(),
                    rate.den(), frames, key ? Packet.FrameType.KEY : Packet.FrameType.INTER, null));
            key = false;
            frames++;
        }
    }

    /**
     * Writes the index and the metadata and closes the file.
     *
     * @throws IOException if no frame was written (an MP4 file needs one) or the file cannot be written
     */
    void finish() throws IOException {
        try {
            if (frames == 0) {
                throw new IOException(JcodecPlan.PREFIX + "no frame was encoded; an MP4 movie needs at least one");
            }
            MovieBox movie = muxer.finalizeHeader();
            clearTimes(movie);
            if (!plan.metadata().isEmpty()) {
                movie.add(metadata());
            }
            muxer.storeHeader(movie);
        } finally {
            channel.close();
        }
    }

    /** Closes the file without finishing it; never throws. */
    void abandon() {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing to do: the caller deletes the file.
        }
    }

    private VideoSampleEntry sampleEntry() {
        int width = plan.format().width();
        int height = plan.format().height();
        VideoSampleEntry entry = VideoSampleEntry.createVideoSampleEntry(new Header("avc1"), (short) 0,
                (short) 0, "\0\0\0\0", 0, 0, (short) width, (short) height, 72, 72, (short) 1, "JCodec",
                (short) 24, (short) 1, (short) -1);
        entry.add(AvcCBox.createAvcCBox(BASELINE_PROFILE, CONSTRAINED_BASELINE_COMPATIBILITY,
                plan.level().idc(), NAL_LENGTH_SIZE, List.of(ByteBuffer.wrap(sps)), List.of(ByteBuffer.wrap(pps))));
        entry.add(colour());
        return entry;
    }

    /** An ISO {@code colr} box of type nclx: primaries, transfer, matrix, then full_range_flag 0. */
    private ColorExtension colour() {
        ByteBuffer nclx = ByteBuffer.allocate(11);
        nclx.put("nclx".getBytes(StandardCharsets.US_ASCII));
        nclx.putShort((short) SignalledH264Encoder.colourPrimaries());
        nclx.putShort((short) SignalledH264Encoder.transferCharacteristics());
        nclx.putShort((short) SignalledH264Encoder.matrixCoefficients(plan.matrix()));
        nclx.put((byte) 0);
        nclx.flip();
        // JCodec builds only QuickTime's nclc boxes; parsing one is how to get the ISO kind.
        ColorExtension colr = ColorExtension.createColr();
        colr.parse(nclx);
        return colr;
    }

    /** Replaces the muxer's wall-clock times in mvhd, tkhd and mdhd with "unknown". */
    private static void clearTimes(MovieBox movie) {
        List<Box> boxes = movie.getBoxes();
        for (int i = 0; i < boxes.size(); i++) {
            Box box = boxes.get(i);
            if (box instanceof MovieHeaderBox mvhd) {
                boxes.set(i, MovieHeaderBox.createMovieHeaderBox(mvhd.getTimescale(), mvhd.getDuration(),
                        mvhd.getRate(), mvhd.getVolume(), UNKNOWN_TIME, UNKNOWN_TIME, mvhd.getMatrix(),
                        mvhd.getNextTrackId()));
            } else if (box instanceof TrakBox trak) {
                clearTrackTimes(trak);
            }
        }
    }

    private static void clearTrackTimes(TrakBox trak) {
        List<Box> boxes = trak.getBoxes();
        for (int i = 0; i < boxes.size(); i++) {
            Box box = boxes.get(i);
            if (box instanceof TrackHeaderBox tkhd) {
                TrackHeaderBox clean = TrackHeaderBox.createTrackHeaderBox(tkhd.getTrackId(),
                        tkhd.getDuration(), tkhd.getWidth(), tkhd.getHeight(), UNKNOWN_TIME, UNKNOWN_TIME,
                        tkhd.getVolume(), tkhd.getLayer(), tkhd.getAltGroup(), tkhd.getMatrix());
                clean.setFlags(tkhd.getFlags());
                boxes.set(i, clean);
            } else if (box instanceof MediaBox mdia) {
                List<Box> media = mdia.getBoxes();
                for (int j = 0; j < media.size(); j++) {
                    if (media.get(j) instanceof MediaHeaderBox mdhd) {
                        media.set(j, MediaHeaderBox.createMediaHeaderBox(mdhd.getTimescale(),
                                mdhd.getDuration(), UNDETERMINED_LANGUAGE, UNKNOWN_TIME, UNKNOWN_TIME,
                                mdhd.getQuality()));
                    }
                }
            }
        }
    }

    /** {@code udta/meta} with an {@code mdir} handler and one {@code ilst} item per key. */
    private NodeBox metadata() {
        Map<Integer, List<Box>> items = new LinkedHashMap<>();
        for (Map.Entry<Mp4MetadataKey, String> e : plan.metadata().entrySet()) {
            List<Box> values = new ArrayList<>(1);
            values.add(DataBox.createDataBox(UTF8_TEXT, 0, e.getValue().getBytes(StandardCharsets.UTF_8)));
            items.put(e.getKey().fourcc(), values);
        }
        UdtaMetaBox meta = UdtaMetaBox.createUdtaMetaBox();
        meta.add(HandlerBox.createHandlerBox("\0\0\0\0", "mdir", "appl", 0, 0));
        meta.add(IListBox.createIListBox(items));
        UdtaBox udta = UdtaBox.createUdtaBox();
        udta.add(meta);
        return udta;
    }
}
