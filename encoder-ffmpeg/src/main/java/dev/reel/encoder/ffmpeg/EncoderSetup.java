package dev.reel.encoder.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CONFIG_PIX_FORMAT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_supported_config;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_format;
import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_VAAPI;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_VAAPI;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_hwdevice_ctx_create;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_ctx_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_ctx_init;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import dev.reel.api.EncoderSettings;
import dev.reel.api.EncoderSettings.Hardware;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.UnsupportedSettingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avutil.AVBufferRef;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVHWFramesContext;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Everything a movie's encoder section asks of FFmpeg, checked against the real natives and
 * turned into an open encoder: the codec context (opened, so the encoder itself has accepted every
 * setting), the filter graph when there is one, the colour description and, for VAAPI, the device.
 *
 * <p>{@link #open} is what {@code check()} runs (and then closes) and what {@code open()} keeps, so
 * that a movie that passes the check cannot fail later on a setting. Not thread-safe; owned by one
 * thread at a time. {@link #close()} frees every native resource it still owns.
 */
final class EncoderSetup implements AutoCloseable {
    // Script keys of the encoder section that FfmpegRequest does not check.
    static final String NAME = "name";
    static final String FILTERS = "filters";
    static final String HARDWARE = "hardware";
    static final String OPTIONS = "options";
    static final String METADATA = "metadata";

    /** Options a script must set with reel's own keys, which reel translates for each encoder. */
    private static final Map<String, String> RESERVED = Map.of(
            "crf", FfmpegRequest.CRF, "preset", FfmpegRequest.PRESET, "g", FfmpegRequest.KEYFRAME_INTERVAL,
            "pix_fmt", FfmpegRequest.PIXEL_FORMAT, "pixel_format", FfmpegRequest.PIXEL_FORMAT);

    /** What encoders log, as a mere warning, about a key=value list they could not parse. */
    private static final Pattern PARAMS_REFUSED = Pattern.compile(
            "Error parsing option|Unknown option|Invalid value|Could not parse");

    private static final String PALETTE_TAIL = "split[reel_a][reel_b];[reel_a]palettegen=stats_mode=single"
            + "[reel_p];[reel_b][reel_p]paletteuse=new=1";

    private final FfmpegPlan plan;
    private final Candidate candidate;
    private final Geometry geometry;
    private final Map<String, String> metadata;
    private final String notice;
    private AVCodecContext context;
    private FilterGraph graph;
    private AVBufferRef device;

    private EncoderSetup(FfmpegPlan plan, Candidate candidate, Geometry geometry, AVCodecContext context,
            FilterGraph graph, AVBufferRef device, Map<String, String> metadata, String notice) {
        this.plan = plan;
        this.candidate = candidate;
        this.geometry = geometry;
        this.context = context;
        this.graph = graph;
        this.device = device;
        this.metadata = metadata;
        this.notice = notice;
    }

    /**
     * Checks every setting, in script order, and opens the encoder that will write the movie:
     * a hardware one when the movie allows it and one works here, else the software one.
     *
     * @param output the target file; only its name is looked at
     * @throws UnsupportedSettingException for the first setting that cannot be honoured
     */
    static EncoderSetup open(EncoderSettings settings, VideoFormat format, Path output) {
        FfmpegPlan plan = FfmpegRequest.fromSettings(settings, output).validate();
        checkMetadata(plan.container(), settings.metadata());
        checkOptions(settings);
        Request request = new Request(settings, format, plan, FrameRate.of(format.fps()));

        List<String> refusals = new ArrayList<>();
        if (settings.hardware() != Hardware.DISABLED) {
            for (HardwareEncoder hardware : HardwareEncoder.forCodec(plan.codec())) {
                try {
                    return attempt(request, hardwareCandidate(request, hardware), "");
                } catch (UnsupportedSettingException e) {
                    if (e.key().equals(FILTERS) || e.key().equals(FfmpegRequest.PIXEL_FORMAT)) {
                        // The filters or the size, wrong whatever the encoder: say so, not "no hardware".
                        throw e;
                    }
                    refusals.add(hardware.encoder() + ": " + e.getMessage().replace(FfmpegRequest.PREFIX, ""));
                }
            }
        }
        String why = refusals.isEmpty() ? "codec '" + plan.codec() + "' has no hardware encoder"
                : "no hardware encoder for " + plan.codec() + " works here (" + String.join("; ", refusals) + ")";
        if (settings.hardware() == Hardware.REQUIRED) {
            throw new UnsupportedSettingException(HARDWARE, FfmpegRequest.PREFIX + "hardware: required, but "
                    + why + "; use hardware: if-possible or disabled");
        }
        Candidate software = softwareCandidate(request);
        String notice = settings.hardware() == Hardware.IF_POSSIBLE
                ? FfmpegRequest.PREFIX + why + "; encoding with " + software.encoder() + " instead" : "";
        return attempt(request, software, notice);
    }

    /** The plan the catalogue resolved: codec, container, pixel format, crf, preset, keyframe interval. */
    FfmpegPlan plan() {
        return plan;
    }

    /** FFmpeg's name of the encoder chosen, e.g. {@code libx264} or {@code h264_nvenc}. */
    String encoder() {
        return candidate.encoder();
    }

    /** Whether the encoder is a hardware one. */
    boolean hardware() {
        return candidate.hardware() != null;
    }

    /**
     * Why a hardware encoder was not used although the movie asked for one if possible; empty when
     * nothing needs saying.
     */
    String notice() {
        return notice;
    }

    /** The size, time base and colours of the encoded pictures, and the frames that go in. */
    Geometry geometry() {
        return geometry;
    }

    /** The opened codec context, owned by this setup and freed by {@link #close()}. */
    AVCodecContext context() {
        return context;
    }

    /** The filter graph, or {@code null} when frames go to the encoder without one. */
    FilterGraph graph() {
        return graph;
    }

    /** The metadata to write into the file, keys as the script wrote them. */
    Map<String, String> metadata() {
        return metadata;
    }

    /** Frames between forced key frames, 0 for the encoder's own choice. */
    int keyframeInterval() {
        return plan.codec().hasKeyframeInterval() ? plan.keyframeInterval() : 0;
    }

    @Override
    public void close() {
        if (context != null) {
            avcodec_free_context(context);
            context = null;
        }
        if (graph != null) {
            graph.close();
            graph = null;
        }
        if (device != null) {
            av_buffer_unref(device);
            device = null;
        }
    }

    // --- checks that need no natives

    private static void checkMetadata(Container container, Map<String, String> metadata) {
        for (String key : metadata.keySet()) {
            if (container.keepsMetadata(key)) {
                continue;
            }
            String message;
            if (container.metadataKeys().isEmpty()) {
                message = "a ." + container.extension() + " file stores no metadata; remove metadata."
                        + key + " or write .mkv, .mp4 or .mov";
            } else if (key.equalsIgnoreCase("encoder")) {
                message = "metadata 'encoder' is written by FFmpeg itself; remove it";
            } else {
                message = "a ." + container.extension() + " file does not store metadata '" + key
                        + "' (FFmpeg would drop it); it stores " + String.join(", ", container.metadataKeys())
                        + ", while .mkv stores any key";
            }
            throw new UnsupportedSettingException(METADATA + "." + key, FfmpegRequest.PREFIX + message);
        }
    }

    private static void checkOptions(EncoderSettings settings) {
        for (String name : settings.options().keySet()) {
            String reelKey = RESERVED.get(name);
            if (reelKey != null) {
                throw new UnsupportedSettingException(OPTIONS + "." + name, FfmpegRequest.PREFIX + "set " + reelKey
                        + " with the encoder's own '" + reelKey + "' key, not options." + name
                        + ": reel translates it for each encoder");
            }
        }
        if (settings.options().containsKey("b") && settings.crf() != null) {
            throw new UnsupportedSettingException(OPTIONS + ".b", FfmpegRequest.PREFIX + "options.b (a bit rate)"
                    + " and crf (a constant quality) exclude each other; remove one of them");
        }
    }

    // --- candidates: an encoder and the options that say the movie's settings to it

    private static Candidate softwareCandidate(Request request) {
        FfmpegPlan plan = request.plan();
        String name = plan.codec().encoders().stream()
                .filter(e -> avcodec_find_encoder_by_name(e) != null)
                .findFirst()
                .orElseThrow(() -> new UnsupportedSettingException(FfmpegRequest.CODEC, FfmpegRequest.PREFIX
                        + "codec '" + plan.codec() + "' needs FFmpeg's " + String.join(" or ", plan.codec().encoders())
                        + " encoder, which this FFmpeg build lacks"));
        List<Setting> settings = new ArrayList<>();
        boolean bitRate = request.settings().options().containsKey("b");
        String x265 = "log-level=none";
        if (plan.crf().isPresent() && !bitRate) {
            String crf = Integer.toString(plan.crf().getAsInt());
            settings.add(new Setting("crf", crf, FfmpegRequest.CRF));
            if (plan.codec() == FfmpegCodec.VP9 || name.equals("libaom-av1")) {
                // libvpx and libaom mix crf with a target bit rate unless it is 0.
                settings.add(new Setting("b", "0", FfmpegRequest.CRF));
            }
        }
        plan.preset().ifPresent(preset -> {
            if (name.equals("libaom-av1")) {
                // SVT-AV1's preset numbers onto libaom's cpu-used, 0 (slowest) to 8.
                String cpuUsed = Integer.toString(Math.min(8, Integer.parseInt(preset)));
                settings.add(new Setting("cpu-used", cpuUsed, FfmpegRequest.PRESET));
            } else {
                settings.add(new Setting("preset", preset, FfmpegRequest.PRESET));
            }
        });
        int k = plan.codec().hasKeyframeInterval() ? plan.keyframeInterval() : 0;
        if (k > 0) {
            String key = FfmpegRequest.KEYFRAME_INTERVAL;
            settings.add(new Setting("g", Integer.toString(k), key));
            switch (name) {
                case "libx264" -> {
                    settings.add(new Setting("keyint_min", Integer.toString(k), key));
                    settings.add(new Setting("sc_threshold", "0", key));
                    settings.add(new Setting("flags", "+cgop", key));
                    settings.add(new Setting("forced-idr", "1", key));
                }
                case "libx265" -> {
                    settings.add(new Setting("keyint_min", Integer.toString(k), key));
                    settings.add(new Setting("flags", "+cgop", key));
                    settings.add(new Setting("forced-idr", "1", key));
                    x265 += ":scenecut=0:open-gop=0";
                }
                case "libvpx-vp9", "libaom-av1" -> settings.add(new Setting("keyint_min", Integer.toString(k), key));
                case "libsvtav1" -> settings.add(new Setting("flags", "+cgop", key));
                default -> {
                    // ffv1: g alone.
                }
            }
        }
        Map<String, String> user = new LinkedHashMap<>(request.settings().options());
        if (name.equals("libx265")) {
            // x265 prints to stderr itself unless told not to; the movie's own x265-params come after.
            String own = user.remove("x265-params");
            settings.add(new Setting("x265-params", own == null ? x265 : x265 + ":" + own,
                    own == null ? FfmpegRequest.CODEC : OPTIONS + ".x265-params"));
        }
        user.forEach((option, value) -> settings.add(Setting.user(option, value)));
        return new Candidate(name, null, plan.pixelFormat(), settings);
    }

    private static Candidate hardwareCandidate(Request request, HardwareEncoder hardware) {
        FfmpegPlan plan = request.plan();
        String name = hardware.encoder();
        if (avcodec_find_encoder_by_name(name) == null) {
            throw refuse("this FFmpeg build lacks it");
        }
        String pixelFormat = hardware.pixelFormat(plan.pixelFormat()).orElseThrow(() -> refuse(
                "it takes no pixel-format " + plan.pixelFormat()));
        List<Setting> settings = new ArrayList<>();
        boolean bitRate = request.settings().options().containsKey("b");
        if (plan.crf().isPresent() && !bitRate) {
            int crf = plan.crf().getAsInt();
            if (hardware.kind() == HardwareEncoder.Kind.NVENC) {
                if (crf == 0) {
                    throw refuse("crf 0 (lossless) has no NVENC constant-quality equivalent");
                }
                settings.add(new Setting("rc", "vbr", FfmpegRequest.CRF));
                settings.add(new Setting("cq", Integer.toString(crf), FfmpegRequest.CRF));
                settings.add(new Setting("b", "0", FfmpegRequest.CRF));
            } else {
                settings.add(new Setting("rc_mode", "CQP", FfmpegRequest.CRF));
                settings.add(new Setting("qp", Integer.toString(crf), FfmpegRequest.CRF));
            }
        }
        if (plan.preset().isPresent()) {
            String preset = plan.preset().get();
            String translated = hardware.preset(preset).orElseThrow(() -> refuse(
                    "it has no preset like '" + preset + "'"));
            settings.add(new Setting("preset", translated, FfmpegRequest.PRESET));
        }
        int k = plan.keyframeInterval();
        if (k > 0) {
            String key = FfmpegRequest.KEYFRAME_INTERVAL;
            settings.add(new Setting("g", Integer.toString(k), key));
            if (hardware.kind() == HardwareEncoder.Kind.NVENC) {
                settings.add(new Setting("forced-idr", "1", key));
                settings.add(new Setting("no-scenecut", "1", key));
                settings.add(new Setting("strict_gop", "1", key));
            }
        }
        request.settings().options().forEach((option, value) -> settings.add(Setting.user(option, value)));
        return new Candidate(name, hardware, pixelFormat, settings);
    }

    private static UnsupportedSettingException refuse(String why) {
        return new UnsupportedSettingException(HARDWARE, FfmpegRequest.PREFIX + why);
    }

    // --- opening one candidate for real

    private static EncoderSetup attempt(Request request, Candidate candidate, String notice) {
        checkPixelFormat(candidate);
        FilterGraph graph = null;
        AVBufferRef device = null;
        AVCodecContext context = null;
        try {
            Geometry geometry;
            String userChain = request.settings().filters();
            boolean palette = candidate.pixelFormat().equals("pal8");
            if (!userChain.isBlank() || palette) {
                int width = request.format().width();
                int height = request.format().height();
                if (!userChain.isBlank()) {
                    try (FilterGraph probe = FilterGraph.build(userChain, "", width, height, request.rate())) {
                        width = probe.width();
                        height = probe.height();
                    }
                }
                request.plan().checkFrameSize(width, height, userChain.isBlank() ? "the movie" : "the filters' output");
                Colour colour = Colour.of(candidate.pixelFormat(), height);
                graph = FilterGraph.build(userChain, tail(candidate.pixelFormat(), colour), request.format().width(),
                        request.format().height(), request.rate());
                AVRational rate = graph.frameRate();
                FrameRate frameRate = rate.num() > 0 && rate.den() > 0 ? new FrameRate(rate.num(), rate.den())
                        : request.rate();
                AVRational timeBase = graph.timeBase();
                geometry = new Geometry(graph.width(), graph.height(), candidate.pixelFormat(), colour,
                        timeBase.num(), timeBase.den(), frameRate);
            } else {
                request.plan().checkFrameSize(request.format().width(), request.format().height(), "the movie");
                Colour colour = Colour.of(candidate.pixelFormat(), request.format().height());
                FrameRate rate = request.rate();
                geometry = new Geometry(request.format().width(), request.format().height(),
                        candidate.pixelFormat(), colour, rate.den(), rate.num(), rate);
            }
            if (candidate.hardware() != null && candidate.hardware().kind() == HardwareEncoder.Kind.VAAPI) {
                device = vaapiDevice();
            }
            context = openContext(request, candidate, geometry, device, setting -> true);
            EncoderSetup setup = new EncoderSetup(request.plan(), candidate, geometry, context, graph, device,
                    request.settings().metadata(), notice);
            context = null;
            graph = null;
            device = null;
            return setup;
        } finally {
            if (context != null) {
                avcodec_free_context(context);
            }
            if (graph != null) {
                graph.close();
            }
            if (device != null) {
                av_buffer_unref(device);
            }
        }
    }

    /** Asks the encoder itself which pixel formats it takes (VAAPI encoders take device frames only). */
    private static void checkPixelFormat(Candidate candidate) {
        if (candidate.hardware() != null && candidate.hardware().kind() == HardwareEncoder.Kind.VAAPI) {
            return;
        }
        AVCodec codec = avcodec_find_encoder_by_name(candidate.encoder());
        List<String> formats = new ArrayList<>();
        try (PointerPointer<Pointer> list = new PointerPointer<>(1); IntPointer count = new IntPointer(1)) {
            if (avcodec_get_supported_config(null, codec, AV_CODEC_CONFIG_PIX_FORMAT, 0, list, count) < 0
                    || list.get(0) == null || list.get(0).isNull()) {
                return;
            }
            IntPointer values = new IntPointer(list.get(0));
            for (int i = 0; i < count.get(); i++) {
                formats.add(av_get_pix_fmt_name(values.get(i)).getString());
            }
        }
        if (!formats.contains(candidate.pixelFormat())) {
            String key = candidate.hardware() != null ? HARDWARE : FfmpegRequest.PIXEL_FORMAT;
            throw new UnsupportedSettingException(key, FfmpegRequest.PREFIX + candidate.encoder() + " in this FFmpeg "
                    + "build takes no pixel-format " + candidate.pixelFormat() + "; it takes " + String.join(", ", formats));
        }
    }

    private static String tail(String pixelFormat, Colour colour) {
        if (pixelFormat.equals("pal8")) {
            return PALETTE_TAIL;
        }
        if (colour.yuv()) {
            return "scale=out_color_matrix=" + colour.matrixName() + ":out_range=tv,format=" + pixelFormat;
        }
        return "format=" + pixelFormat;
    }

    private static AVBufferRef vaapiDevice() {
        if (!Files.exists(Path.of("/dev/dri"))) {
            throw refuse("no VAAPI device (no /dev/dri)");
        }
        AVBufferRef device = new AVBufferRef(null);
        try (FfmpegLog.Capture log = FfmpegLog.capture()) {
            int result = av_hwdevice_ctx_create(device, AV_HWDEVICE_TYPE_VAAPI, (String) null, null, 0);
            if (result < 0) {
                throw refuse("no VAAPI device: " + FfmpegErrors.describe(result, log));
            }
        }
        return device;
    }

    /**
     * Allocates a context, sets the geometry and the candidate's settings that {@code use} accepts,
     * and opens it; on failure nothing is left allocated.
     *
     * @throws UnsupportedSettingException naming the setting to blame
     */
    private static AVCodecContext openContext(Request request, Candidate candidate, Geometry geometry,
            AVBufferRef device, Predicate<Setting> use) {
        Opened opened = tryOpen(request, candidate, geometry, device, use);
        if (opened.context() != null) {
            return opened.context();
        }
        Setting blamed = opened.blamed();
        if (blamed != null) {
            throw new UnsupportedSettingException(blamed.key(), FfmpegRequest.PREFIX + candidate.encoder()
                    + " cannot parse option '" + blamed.name() + "' = '" + blamed.value() + "': " + opened.said());
        }
        throw openFailure(request, candidate, geometry, device, opened.said());
    }

    /**
     * An opened context, or what FFmpeg said when it would not open, and the setting to blame
     * when that is known.
     */
    private record Opened(AVCodecContext context, String said, Setting blamed) {
    }

    private static Opened tryOpen(Request request, Candidate candidate, Geometry geometry, AVBufferRef device,
            Predicate<Setting> use) {
        AVCodec codec = avcodec_find_encoder_by_name(candidate.encoder());
        AVCodecContext context = avcodec_alloc_context3(codec);
        if (context == null) {
            throw new OutOfMemoryError("avcodec_alloc_context3");
        }
        try {
            configure(context, request, candidate, geometry, device);
            for (Setting setting : candidate.settings()) {
                if (use.test(setting)) {
                    CodecOptions.set(context, candidate.encoder(), setting.name(), setting.value(), setting.key());
                }
            }
            try (FfmpegLog.Capture log = FfmpegLog.capture()) {
                int result = avcodec_open2(context, codec, (AVDictionary) null);
                if (result < 0) {
                    return new Opened(null, FfmpegErrors.describe(result, log), null);
                }
                // x264-params, x265-params and svtav1-params only warn about what they cannot parse.
                if (PARAMS_REFUSED.matcher(log.text()).find()) {
                    Setting blamed = candidate.settings().stream()
                            .filter(s -> use.test(s) && s.name().endsWith("-params"))
                            .findFirst().orElse(null);
                    return new Opened(null, log.text(), blamed);
                }
            }
            Opened opened = new Opened(context, "", null);
            context = null;
            return opened;
        } finally {
            if (context != null) {
                avcodec_free_context(context);
            }
        }
    }

    private static void configure(AVCodecContext context, Request request, Candidate candidate, Geometry geometry,
            AVBufferRef device) {
        context.width(geometry.width());
        context.height(geometry.height());
        context.time_base(av_make_q(geometry.timeBaseNum(), geometry.timeBaseDen()));
        context.framerate(av_make_q(geometry.rate().num(), geometry.rate().den()));
        context.sample_aspect_ratio(av_make_q(1, 1));
        Colour colour = geometry.colour();
        context.colorspace(colour.space());
        context.color_range(colour.range());
        context.color_primaries(colour.primaries());
        context.color_trc(colour.transfer());
        int pixelFormat = av_get_pix_fmt(geometry.pixelFormat());
        if (pixelFormat == AV_PIX_FMT_NONE) {
            throw new IllegalStateException("FFmpeg does not know pixel format " + geometry.pixelFormat());
        }
        if (device != null) {
            context.pix_fmt(AV_PIX_FMT_VAAPI);
            context.hw_frames_ctx(vaapiFrames(device, geometry, pixelFormat));
        } else {
            context.pix_fmt(pixelFormat);
        }
        AVOutputFormat muxer = av_guess_format(request.plan().muxer(), null, null);
        if (muxer != null && (muxer.flags() & AVFMT_GLOBALHEADER) != 0) {
            context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
    }

    private static AVBufferRef vaapiFrames(AVBufferRef device, Geometry geometry, int softwareFormat) {
        AVBufferRef frames = av_hwframe_ctx_alloc(device);
        if (frames == null) {
            throw refuse("VAAPI cannot allocate frames");
        }
        AVHWFramesContext description = new AVHWFramesContext(frames.data());
        description.format(AV_PIX_FMT_VAAPI);
        description.sw_format(softwareFormat);
        description.width(geometry.width());
        description.height(geometry.height());
        description.initial_pool_size(20);
        try (FfmpegLog.Capture log = FfmpegLog.capture()) {
            int result = av_hwframe_ctx_init(frames);
            if (result < 0) {
                av_buffer_unref(frames);
                throw refuse("VAAPI refuses " + geometry.width() + "x" + geometry.height() + " "
                        + geometry.pixelFormat() + " frames: " + FfmpegErrors.describe(result, log));
            }
        }
        // The codec context keeps its own reference; ours goes.
        AVBufferRef reference = av_buffer_ref(frames);
        av_buffer_unref(frames);
        return reference;
    }

    /**
     * The error for an encoder that would not open: which setting is to blame when that can be told
     * (the movie's options are tried one at a time), else the encoder with what FFmpeg said.
     */
    private static UnsupportedSettingException openFailure(Request request, Candidate candidate, Geometry geometry,
            AVBufferRef device, String said) {
        String encoder = candidate.encoder();
        boolean hasUserOptions = candidate.settings().stream().anyMatch(Setting::user);
        if (hasUserOptions && candidate.hardware() == null) {
            if (opens(request, candidate, geometry, device, s -> !s.user())) {
                for (Setting suspect : candidate.settings()) {
                    if (suspect.user() && !opens(request, candidate, geometry, device, s -> !s.user() || s == suspect)) {
                        return new UnsupportedSettingException(suspect.key(), FfmpegRequest.PREFIX + encoder
                                + " refuses option '" + suspect.name() + "' = '" + suspect.value() + "': " + said);
                    }
                }
                return new UnsupportedSettingException(OPTIONS, FfmpegRequest.PREFIX + encoder
                        + " refuses the options together: " + said);
            }
        }
        if (candidate.hardware() != null) {
            return new UnsupportedSettingException(HARDWARE, FfmpegRequest.PREFIX + said);
        }
        return new UnsupportedSettingException(FfmpegRequest.CODEC, FfmpegRequest.PREFIX + encoder + " cannot encode "
                + geometry.width() + "x" + geometry.height() + " " + geometry.pixelFormat() + " at "
                + geometry.rate() + " fps with these settings: " + said);
    }

    private static boolean opens(Request request, Candidate candidate, Geometry geometry, AVBufferRef device,
            Predicate<Setting> use) {
        try {
            Opened opened = tryOpen(request, candidate, geometry, device, use);
            if (opened.context() == null) {
                return false;
            }
            avcodec_free_context(opened.context());
            return true;
        } catch (UnsupportedSettingException e) {
            return false;
        }
    }

    // --- values

    /** What a movie asks, with its frame rate as a fraction. */
    private record Request(EncoderSettings settings, VideoFormat format, FfmpegPlan plan, FrameRate rate) {
    }

    /**
     * One encoder FFmpeg may use and the options that say the movie's settings to it.
     *
     * @param encoder FFmpeg's encoder name
     * @param hardware the hardware encoder, or {@code null} for software
     * @param pixelFormat the format of the frames handed to it in system memory
     * @param settings options in the order they are set: reel's translations, then the movie's
     */
    private record Candidate(String encoder, HardwareEncoder hardware, String pixelFormat, List<Setting> settings) {
    }

    /**
     * One option for the codec context.
     *
     * @param name FFmpeg's option name
     * @param value as text
     * @param key the script key that asked for it, blamed when FFmpeg refuses it
     * @param user whether the movie wrote it under {@code options:}
     */
    private record Setting(String name, String value, String key, boolean user) {
        Setting(String name, String value, String key) {
            this(name, value, key, false);
        }

        static Setting user(String name, String value) {
            return new Setting(name, value, OPTIONS + "." + name, true);
        }
    }

    /**
     * The pictures the encoder takes.
     *
     * @param width pixels
     * @param height pixels
     * @param pixelFormat FFmpeg's name of the frames handed over (before any upload to a device)
     * @param colour how their colours are described
     * @param timeBaseNum the codec time base's numerator
     * @param timeBaseDen its denominator
     * @param rate the frame rate written into the stream
     */
    record Geometry(int width, int height, String pixelFormat, Colour colour, int timeBaseNum, int timeBaseDen,
            FrameRate rate) {
        Geometry {
            Objects.requireNonNull(pixelFormat, "pixelFormat");
            Objects.requireNonNull(colour, "colour");
            Objects.requireNonNull(rate, "rate");
        }
    }
}
