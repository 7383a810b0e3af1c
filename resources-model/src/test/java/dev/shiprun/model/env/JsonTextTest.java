package dev.shiprun.model.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.yaml.YamlLimits;
import dev.shiprun.model.yaml.YamlLoader;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.model.yaml.YamlValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void controlCharactersAreEscapedAsJsonStringifyEscapesThem() {
    // What Node's JSON.stringify gives for each of U+0000 … U+001F.
    String[] node = new String[0x20];
    for (int c = 0; c < 0x20; c++) {
      node[c] = String.format("\\u%04x", c);
    }
    node['\b'] = "\\b";
    node['\t'] = "\\t";
    node['\n'] = "\\n";
    node['\f'] = "\\f";
    node['\r'] = "\\r";
    for (char c = 0; c < 0x20; c++) {
      assertEquals("\"" + node[c] + "\"", JsonText.stringify(String.valueOf(c)), "U+" + (int) c);
    }
    assertEquals("\"\\\"\\\\/\u007fé😀\"", JsonText.stringify("\"\\/\u007fé😀"));
  }

  @Test
  void objectsAndListsAreCompact() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("list", Arrays.asList(1, true, null, "x", 2.5));
    value.put("empty", Map.of());
    assertEquals("{\"list\":[1,true,null,\"x\",2.5],\"empty\":{}}", JsonText.stringify(value));
  }

  @Test
  void whatItWritesReadsBackAsTheSameValue() throws Exception {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      every.append(c);
    }
    every.append("é€😀");
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("text", every.toString());
    value.put("list", List.of("a\bb", "c\u001fd"));
    assertEquals(value, new ObjectMapper().readValue(JsonText.stringify(value), Map.class));
  }

  @Test
  void aParamsObjectHasOneTextFromTheYamlAndFromAStoredVersion() throws Exception {
    // A params value as the YAML gives it, and as a stored version (JSON in the store) gives it.
    YamlMapping params = yaml("config: {a: \"x\\by\\fz\\u0001\", n: [1, \"two\"]}\n");
    YamlValue config = params.entries().get(0).value();
    Object stored =
        new ObjectMapper()
            .readValue(
                new ObjectMapper().writeValueAsString(Map.of("config", config.toPlain())),
                Map.class)
            .get("config");
    assertEquals("{\"a\":\"x\\by\\fz\\u0001\",\"n\":[1,\"two\"]}", ResourceEnv.text(config));
    assertEquals(ResourceEnv.text(config), JsonText.asText(stored));
  }

  @Test
  void aStringIsItsOwnTextAndNullIsEmpty() {
    assertEquals("a\bb", JsonText.asText("a\bb"));
    assertEquals("", JsonText.asText(null));
    assertEquals("[]", JsonText.asText(new ArrayList<>()));
  }

  private static YamlMapping yaml(String text) {
    Diagnostics out = new Diagnostics();
    List<YamlValue> docs =
        new YamlLoader(YamlLimits.DEFAULT)
            .load("p.yml", text.getBytes(StandardCharsets.UTF_8), out);
    assertEquals(List.of(), out.sorted());
    return (YamlMapping) docs.get(0);
  }
}
