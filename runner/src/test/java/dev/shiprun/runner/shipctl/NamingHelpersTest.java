package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shiprun.model.env.EnvNames;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamingHelpersTest {

  @TempDir Path dir;
  JobFolder job;

  @BeforeEach
  void setUp() {
    job = JobFolder.runSh(dir, "deploy");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"foo!@#|foo", "my-key-1|mykey1", "a b.c_D9|abc_D9", "été-2|t2", "1-app|1app"})
  void sanitizeKeepsLettersDigitsAndUnderscoreInTheirCase(String input, String expected) {
    assertEquals(expected + "\n", job.shipctl("sanitize_shippable_string", input).stdout());
  }

  @Test
  void toUppercaseKeepsEveryOtherCharacter() {
    job.shipctl("to_uppercase", "my-app 1.0 *$x").assertPrinted("MY-APP 1.0 *$X\n");
  }

  @Test
  void resourceNameStripsLeadingDigitsAsTheRunnerDoes() {
    // Spec §3.1/§9 point 1: Shippable's shipctl said 1APP and missed the runner's APP_* variables.
    assertEquals("APP\n", job.shipctl("get_resource_name", "1-app").stdout());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"my-key-1", "my_key_1", "1-app", "7-params", "app.img", "App Image", "42", "x"})
  void resourceNameIsTheNameTheEngineExportsUnder(String name) {
    assertEquals(EnvNames.of(name) + "\n", job.shipctl("get_resource_name", name).stdout());
  }
}
