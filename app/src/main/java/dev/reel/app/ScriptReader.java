package dev.reel.app;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import dev.reel.api.EncoderSettings;
import dev.reel.api.ScriptException;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.SequenceSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a movie script (YAML, or JSON as YAML's subset) into a {@link MovieScript}, checking the
 * keys that belong to the script itself: {@code width}, {@code height}, {@code fps}, the
 * {@code encoder:} section and the form of the {@code sequences:} list. What is inside a sequence
 * entry is its provider's business and is checked when the movie is built ({@link MovieLoader}).
 *
 * <p>Every problem is a {@link ScriptException} whose message is one line: the file, the key path
 * (e.g. {@code encoder.crf}) and what was expected; a syntax error gives the line and column; an
 * unknown key suggests the nearest known one. Thread-safe.
 */
final class ScriptReader {
    /** The keys of a script's top level, in the order the documentation lists them. */
    static final List<String> KEYS = List.of("width", "height", "fps", "encoder", "sequences");
    /** The keys of the {@code encoder:} section. */
    static final List<String> ENCODER_KEYS = List.of("name", "codec", "crf", "preset", "pixel-format",
            "keyframe-interval", "options", "metadata", "hardware", "filters");

    /**
     * Jackson's YAML parser, read token by token into plain values. (Its tree model would do the
     * same through jackson-databind, which is slower to start: reading a script took 180 ms against
     * 68 ms in a fresh JVM with a class-data archive, and a one-frame render starts 20 ms sooner.)
     */
    private final YAMLFactory yaml = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * Reads and checks a script.
     *
     * @throws ScriptException for an unreadable file, bad syntax, or a missing, unknown or mistyped key
     */
    MovieScript read(Path file) {
        String name = file.toString();
        Object root = parse(file, name);
        if (root == null) {
            throw new ScriptException(name, null,
                    "the script is empty; expected a mapping with the keys width, height, fps and sequences");
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new ScriptException(name, null,
                    "expected a mapping with the keys width, height, fps and sequences at the top, got " + describe(root));
        }
        Keys keys = new Keys(name, "", top);
        keys.rejectUnknown(KEYS);
        int width = keys.pixels("width");
        int height = keys.pixels("height");
        if (3L * width * height > Integer.MAX_VALUE - 16) {
            throw new ScriptException(name, "width",
                    "a " + width + "x" + height + " movie is too large; a frame must fit in 2 GiB of RGB");
        }
        double fps = keys.fps("fps");
        VideoFormat format = new VideoFormat(width, height, fps);

        Optional<String> encoderName = Optional.empty();
        EncoderSettings settings = EncoderSettings.DEFAULTS;
        Map<?, ?> encoder = keys.optionalMapping("encoder",
                "a mapping of encoder settings such as {name: auto, crf: 22}");
        if (encoder != null) {
            Keys e = new Keys(name, "encoder.", encoder);
            e.rejectUnknown(ENCODER_KEYS);
            encoderName = Optional.ofNullable(e.optionalText("name", "an encoder name: auto, ffmpeg, jcodec or a plugin's"));
            settings = encoderSettings(e);
        }

        Path base = file.toAbsolutePath().getParent();
        List<SequenceSpec> sequences = sequences(name, base, keys);
        return new MovieScript(file, name, format, encoderName, settings, sequences);
    }

    // Jackson 2 deprecates its wrappers of snakeyaml's marks (Jackson 3 drops them) but still throws
    // them, and they are the only way to the line, column and context of a YAML syntax error.
    @SuppressWarnings("deprecation")
    private Object parse(Path file, String name) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = yaml.createParser(in)) {
            // The first document; an empty file has none.
            return parser.nextToken() == null ? null : value(parser);
        } catch (NoSuchFileException e) {
            throw new ScriptException(name, null, "cannot read the script: no such file");
        } catch (AccessDeniedException e) {
            throw new ScriptException(name, null, "cannot read the script: permission denied");
        } catch (MarkedYAMLException e) {
            throw new ScriptException(name, null, yamlSyntax(e));
        } catch (JsonProcessingException e) {
            throw new ScriptException(name, null, at(e.getLocation()) + jacksonProblem(e));
        } catch (IOException e) {
            throw new ScriptException(name, null, "cannot read the script: " + e.getMessage());
        }
    }

    /** {@code line 3, column 4: expected ',' or ']', but got : (while parsing a flow sequence that starts at line 2, column 9)}. */
    @SuppressWarnings("deprecation")
    private static String yamlSyntax(MarkedYAMLException e) {
        Mark problemMark = e.getProblemMark();
        String problem = oneLine(e.getProblem() != null ? e.getProblem() : e.getOriginalMessage());
        String where = problemMark != null
                ? "line " + (problemMark.getLine() + 1) + ", column " + (problemMark.getColumn() + 1) + ": "
                : at(e.getLocation());
        String context = "";
        if (e.getContext() != null) {
            Mark m = e.getContextMark();
            context = " (" + oneLine(e.getContext())
                    + (m != null ? " that starts at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) : "")
                    + ")";
        }
        return where + problem + context + "; expected valid YAML";
    }

    private static String jacksonProblem(JsonProcessingException e) {
        String original = oneLine(e.getOriginalMessage());
        if (original.startsWith("Duplicate field '")) {
            String key = original.substring("Duplicate field '".length(), original.lastIndexOf('\''));
            return "key '" + key + "' appears twice; expected each key once";
        }
        return original;
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }

    /** The first line of a parser message, without snakeyaml's echo of the source text. */
    private static String oneLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        String first = message.strip().lines().findFirst().orElse("syntax error");
        return first.replace("\t", "\\t");
    }

    private static EncoderSettings encoderSettings(Keys e) {
        EncoderSettings s = EncoderSettings.DEFAULTS;
        String codec = e.optionalText("codec", "a codec name such as h264");
        if (codec != null) {
            s = s.withCodec(codec);
        }
        Long crf = e.optionalWhole("crf", 0, 51, "a whole number from 0 to 51 (lower is better)");
        if (crf != null) {
            s = s.withCrf(crf.intValue());
        }
        // Some encoders number their presets (SVT-AV1's 0 to 13): a number is its text.
        Object preset = e.value("preset");
        if (preset != null) {
            if (!(preset instanceof String) && !(preset instanceof Number)) {
                throw e.error("preset", "expected a preset name such as medium, got " + describe(preset));
            }
            s = s.withPreset(String.valueOf(preset));
        }
        String pixelFormat = e.optionalText("pixel-format", "a pixel format such as yuv420p or yuv444p");
        if (pixelFormat != null) {
            s = s.withPixelFormat(pixelFormat);
        }
        Long keyframes = e.optionalWhole("keyframe-interval", 1, Integer.MAX_VALUE,
                "a positive whole number of frames between key frames");
        if (keyframes != null) {
            s = s.withKeyframeInterval(keyframes.intValue());
        }
        Map<String, String> options = e.optionalTextMap("options");
        if (options != null) {
            s = s.withOptions(options);
        }
        Map<String, String> metadata = e.optionalTextMap("metadata");
        if (metadata != null) {
            s = s.withMetadata(metadata);
        }
        String hardware = e.optionalText("hardware", "one of disabled, if-possible, required");
        if (hardware != null) {
            try {
                s = s.withHardware(EncoderSettings.Hardware.parse(hardware));
            } catch (IllegalArgumentException ex) {
                throw e.error("hardware", "expected one of disabled, if-possible, required; got '" + hardware + "'");
            }
        }
        String filters = e.optionalText("filters", "an FFmpeg filter chain such as \"eq=gamma=1.2\"");
        if (filters != null) {
            s = s.withFilters(filters);
        }
        return s;
    }

    private static List<SequenceSpec> sequences(String name, Path base, Keys keys) {
        Object value = keys.value("sequences");
        String expected = "a list of sequences, each a mapping with a type such as camera-pan";
        if (value == null) {
            throw keys.error("sequences", "missing; expected " + expected);
        }
        if (!(value instanceof List<?> list)) {
            throw keys.error("sequences", "expected " + expected + ", got " + describe(value));
        }
        if (list.isEmpty()) {
            throw keys.error("sequences", "expected at least one sequence, got an empty list");
        }
        List<SequenceSpec> specs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String position = "sequences[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                throw keys.error(position, "expected a mapping with a type such as camera-pan, got "
                        + describe(list.get(i)));
            }
            Map<String, Object> values = new LinkedHashMap<>();
            entry.forEach((k, v) -> values.put(String.valueOf(k), v));
            specs.add(new SequenceSpec(name + ": " + position, base, values));
        }
        return specs;
    }

    /**
     * The value that starts at the parser's current token, as plain Java values: maps (in the
     * script's order), lists, strings, numbers (Integer, Long or BigInteger for whole numbers,
     * Double for others), booleans and nulls.
     */
    static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new JsonParseException(parser, "the script ends in the middle of a value");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    map.put(key, value(parser));
                }
                if (parser.currentToken() != JsonToken.END_OBJECT) {
                    throw new JsonParseException(parser, "the script ends in the middle of a mapping");
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                        return parser.getIntValue();
                    case LONG:
                        return parser.getLongValue();
                    default:
                        return parser.getBigIntegerValue();
                }
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                return parser.getText();
        }
    }

    /** How a value is named in "got ..." */
    static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        return String.valueOf(v);
    }

    /** The keys of one mapping of the script, with typed accessors that report by key path. */
    private record Keys(String file, String prefix, Map<?, ?> values) {

        Object value(String key) {
            return values.get(key);
        }

        ScriptException error(String key, String problem) {
            return new ScriptException(file, prefix + key, problem);
        }

        void rejectUnknown(List<String> known) {
            for (Object k : values.keySet()) {
                String key = String.valueOf(k);
                if (!known.contains(key)) {
                    throw error(key, KeySuggestion.unknown("key", key, known));
                }
            }
        }

        int pixels(String key) {
            Object v = value(key);
            String expected = "a positive whole number of pixels such as " + (key.equals("width") ? "720" : "480");
            if (v == null) {
                throw error(key, "missing; expected " + expected);
            }
            Long n = whole(v);
            if (n == null || n < 1 || n > Integer.MAX_VALUE) {
                throw error(key, "expected " + expected + ", got " + describe(v));
            }
            return n.intValue();
        }

        double fps(String key) {
            Object v = value(key);
            String expected = "a positive number of frames per second such as 60 or 29.97";
            if (v == null) {
                throw error(key, "missing; expected " + expected);
            }
            if (!(v instanceof Number n) || !(n.doubleValue() > 0) || Double.isInfinite(n.doubleValue())) {
                throw error(key, "expected " + expected + ", got " + describe(v));
            }
            return n.doubleValue();
        }

        Map<?, ?> optionalMapping(String key, String expected) {
            Object v = value(key);
            if (v == null) {
                return null;
            }
            if (!(v instanceof Map<?, ?> m)) {
                throw error(key, "expected " + expected + ", got " + describe(v));
            }
            return m;
        }

        String optionalText(String key, String expected) {
            Object v = value(key);
            if (v == null) {
                return null;
            }
            if (!(v instanceof String s)) {
                throw error(key, "expected " + expected + ", got " + describe(v));
            }
            return s;
        }

        Long optionalWhole(String key, long min, long max, String expected) {
            Object v = value(key);
            if (v == null) {
                return null;
            }
            Long n = whole(v);
            if (n == null || n < min || n > max) {
                throw error(key, "expected " + expected + ", got " + describe(v));
            }
            return n;
        }

        /** A mapping of names to scalars, each as text: {@code {tune: film, bf: 2}}. */
        Map<String, String> optionalTextMap(String key) {
            Map<?, ?> m = optionalMapping(key, "a mapping of names to values such as {" + (key.equals("metadata")
                    ? "title: My zoom" : "tune: film") + "}");
            if (m == null) {
                return null;
            }
            Map<String, String> text = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object v = e.getValue();
                if (!(v instanceof String) && !(v instanceof Number) && !(v instanceof Boolean)) {
                    throw error(key + "." + e.getKey(), "expected a text, number or true/false value, got " + describe(v));
                }
                text.put(String.valueOf(e.getKey()), String.valueOf(v));
            }
            return text;
        }

        /** A whole number, also when written with a decimal point (720.0, as JSON writers do). */
        private static Long whole(Object v) {
            if (v instanceof Integer || v instanceof Long) {
                return ((Number) v).longValue();
            }
            if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
                return d.longValue();
            }
            return null;
        }
    }
}
