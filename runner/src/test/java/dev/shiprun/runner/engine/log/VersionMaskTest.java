package dev.shiprun.runner.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shiprun.masker.SecretMasker;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.VersionKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class VersionMaskTest {

  private static final String SECRET = "made-up-secret-5150";

  private final VersionMask mask = new VersionMask(new SecretMasker(List.of(SECRET)));

  private static NewVersion version(Optional<String> name, Map<String, Object> bag) {
    return new NewVersion(
        "line", "app", VersionKind.RESOURCE, name, bag, Optional.empty(), OptionalLong.empty());
  }

  private static Map<String, Object> bag() {
    Map<String, Object> bag = new LinkedHashMap<>();
    bag.put("tag", "v1");
    bag.put("params", new LinkedHashMap<>(Map.of("TOKEN", "Bearer " + SECRET)));
    bag.put("list", new ArrayList<>(List.of("fine", SECRET)));
    bag.put(SECRET, "the name is the secret");
    bag.put("number", 42);
    bag.put("trace", List.of(Map.of("name", "in", "versionName", SECRET)));
    return bag;
  }

  @Test
  void namesEveryFieldThatHoldsASecretByPathWithoutTheValueAndLeavesOutTheTrace() {
    List<VersionMask.Leak> leaks =
        mask.leaks(version(Optional.of("v-" + SECRET), bag()), text -> "a secret of test");
    assertEquals(
        List.of(
            new VersionMask.Leak("versionName", "a secret of test"),
            new VersionMask.Leak("property 'params.TOKEN'", "a secret of test"),
            new VersionMask.Leak("property 'list[1]'", "a secret of test"),
            new VersionMask.Leak("the name of property '***'", "a secret of test")),
        leaks);
    assertEquals(List.of(), mask.leaks(version(Optional.of("v1"), Map.of("tag", "v1")), t -> "x"));
  }

  @Test
  void masksTheNameAndEveryPropertyNameAndValueTheTraceToo() {
    Map<String, Object> bag = bag();
    bag.put("other", SECRET + "");
    NewVersion masked = mask.masked(version(Optional.of("v-" + SECRET), bag));
    assertEquals(Optional.of("v-***"), masked.versionName());
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("tag", "v1");
    expected.put("params", Map.of("TOKEN", "Bearer ***"));
    expected.put("list", List.of("fine", "***"));
    expected.put("***", "the name is the secret");
    expected.put("number", 42);
    expected.put("trace", List.of(Map.of("name", "in", "versionName", "***")));
    expected.put("other", "***");
    assertEquals(expected, masked.propertyBag());
  }

  @Test
  void aMaskedNameThatMeetsAnotherGetsANumberAndANumberThatHoldsASecretBecomesText() {
    VersionMask digits = new VersionMask(new SecretMasker(List.of("31415926")));
    Map<String, Object> bag = new LinkedHashMap<>();
    bag.put("a-31415926", 1);
    bag.put("a-***", 2);
    bag.put("pi", 31415926);
    NewVersion masked = digits.masked(version(Optional.empty(), bag));
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("a-***", 1);
    expected.put("a-*** (2)", 2);
    expected.put("pi", "***");
    assertEquals(expected, masked.propertyBag());
    assertEquals(
        List.of(
            new VersionMask.Leak("the name of property 'a-***'", "x"),
            new VersionMask.Leak("property 'pi'", "x")),
        digits.leaks(version(Optional.empty(), bag), t -> "x"));
  }
}
