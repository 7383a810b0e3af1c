package dev.shiprun.runner.cli.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void theSystemPropertyWinsOverTheEnvironmentVariable() {
    Properties properties = new Properties();
    properties.setProperty("shiprun.cwd", "/from/property");
    properties.setProperty("shiprun.debug", "false");
    Map<String, String> environment = Map.of("SHIPRUN_CWD", "/from/env", "SHIPRUN_DEBUG", "1");

    assertEquals(
        new Settings(Optional.of("/from/property"), false), Settings.of(properties, environment));
    assertEquals(
        new Settings(Optional.of("/from/env"), true), Settings.of(new Properties(), environment));
  }

  @Test
  void withNeitherThereIsNoDirectoryAndNoDebug() {
    assertEquals(new Settings(Optional.empty(), false), Settings.of(new Properties(), Map.of()));
  }

  @Test
  void debugIsOnForTheWordsOfYes() {
    for (String yes : new String[] {"1", "true", "TRUE", "yes", "on"}) {
      assertEquals(true, Settings.of(new Properties(), Map.of("SHIPRUN_DEBUG", yes)).debug(), yes);
    }
    for (String no : new String[] {"0", "false", "no", "off", ""}) {
      assertEquals(false, Settings.of(new Properties(), Map.of("SHIPRUN_DEBUG", no)).debug(), no);
    }
  }
}
