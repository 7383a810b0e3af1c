package dev.shiprun.model.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.integration.Secret;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvsubstTest {

  private final Map<String, EnvValue> vars =
      Map.of(
          "REGISTRY", new EnvValue.Plain("registry.example.com"),
          "TAG_1", new EnvValue.Plain("1.2"),
          "TOKEN", new EnvValue.Hidden(new Secret("made-up-token")));

  private EnvValue subst(String text) {
    return Envsubst.apply(text, name -> Optional.ofNullable(vars.get(name)));
  }

  @Test
  void replacesBareAndBracedNames() {
    assertEquals(
        new EnvValue.Plain("registry.example.com/app:1.2"), subst("$REGISTRY/app:${TAG_1}"));
  }

  @Test
  void unknownNamesBecomeEmptyAsEnvsubstDoes() {
    assertEquals(new EnvValue.Plain("a--b"), subst("a-$NOPE-${NOPE}b"));
  }

  @Test
  void aDollarWithoutANameStays() {
    assertEquals(new EnvValue.Plain("cost $5 and ${ and $"), subst("cost $5 and ${ and $"));
  }

  @Test
  void aValueThatTakesInASecretIsASecret() {
    EnvValue v = subst("https://x:${TOKEN}@host");
    assertTrue(v.isSecret());
    assertEquals("***", v.display());
    assertEquals("https://x:made-up-token@host", ((EnvValue.Hidden) v).secret().reveal());
  }
}
