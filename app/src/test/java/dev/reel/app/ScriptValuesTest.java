package dev.reel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain values a script's YAML or JSON text becomes, before its keys are checked. */
class ScriptValuesTest {
    private static Object read(String text) throws IOException {
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            return parser.nextToken() == null ? null : ScriptReader.value(parser);
        }
    }

    private static Map<String, Object> expectedScalars() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("int", 720);
        m.put("long", 3_000_000_000L);
        m.put("big", new BigInteger("123456789012345678901234567890"));
        m.put("double", 29.97);
        m.put("exponent", 1.5e-7);
        m.put("yes", true);
        m.put("no", false);
        m.put("nothing", null);
        m.put("quoted", "60");
        m.put("text", "eq=gamma=1.2");
        m.put("list", Arrays.asList(1, "x", 2.5, null));
        m.put("map", Map.of("k", "v"));
        return m;
    }

    @Test
    void yamlValuesBecomeJavaValuesInTheScriptsOrder() throws IOException {
        Object v = read("""
                int: 720
                long: 3000000000
                big: 123456789012345678901234567890
                double: 29.97
                exponent: 1.5e-7
                yes: true
                no: false
                nothing: null
                quoted: '60'
                text: eq=gamma=1.2
                list: [1, x, 2.5, ~]
                map: {k: v}
                """);
        assertEquals(expectedScalars(), v);
        // Map equality ignores order: the keys come in the script's order.
        assertEquals(new ArrayList<>(expectedScalars().keySet()), new ArrayList<>(((Map<?, ?>) v).keySet()));
    }

    @Test
    void jsonTextGivesTheSameValues() throws IOException {
        Object v = read("{\"int\": 720, \"long\": 3000000000, \"big\": 123456789012345678901234567890, "
                + "\"double\": 29.97, \"exponent\": 1.5e-7, \"yes\": true, \"no\": false, \"nothing\": null, "
                + "\"quoted\": \"60\", \"text\": \"eq=gamma=1.2\", \"list\": [1, \"x\", 2.5, null], \"map\": {\"k\": \"v\"}}");
        assertEquals(expectedScalars(), v);
    }

    @Test
    void nestedListsAndMappingsKeepTheirShape() throws IOException {
        Object v = read("""
                sequences:
                  - type: camera-pan
                    x: {t: [0, 10], v: [-0.25, 0.25]}
                  - type: camera-zoom
                    h: {t: [10, 20], v: [0, 5]}
                """);
        Map<String, Object> pan = new LinkedHashMap<>();
        pan.put("type", "camera-pan");
        pan.put("x", Map.of("t", List.of(0, 10), "v", List.of(-0.25, 0.25)));
        Map<String, Object> zoom = new LinkedHashMap<>();
        zoom.put("type", "camera-zoom");
        zoom.put("h", Map.of("t", List.of(10, 20), "v", List.of(0, 5)));
        assertEquals(Map.of("sequences", List.of(pan, zoom)), v);
    }

    @Test
    void anEmptyTextHasNoValueAndOnlyTheFirstDocumentIsRead() throws IOException {
        assertNull(read(""));
        assertEquals(Map.of("width", 8), read("width: 8\n---\nwidth: 9\n"));
    }

    @Test
    void anUnfinishedTextIsAParseError() {
        assertThrows(JsonProcessingException.class, () -> read("width: [1, 2"));
        assertThrows(JsonProcessingException.class, () -> read("{\"width\": 8"));
    }
}
