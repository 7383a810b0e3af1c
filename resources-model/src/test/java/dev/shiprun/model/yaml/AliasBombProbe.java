package dev.shiprun.model.yaml;

import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.Diagnostics;
import java.nio.charset.StandardCharsets;

/**
 * Run in a child JVM with a small heap by {@link YamlLoaderTest}: loads a billion-laughs document
 * and prints the code of every diagnostic. An unprotected loader dies with OutOfMemoryError.
 */
public final class AliasBombProbe {

  private AliasBombProbe() {}

  public static void main(String[] args) {
    Diagnostics out = new Diagnostics();
    new YamlLoader(YamlLimits.DEFAULT)
        .load("bomb.yml", billionLaughs().getBytes(StandardCharsets.UTF_8), out);
    for (Diagnostic d : out.sorted()) {
      System.out.println(d.code());
    }
  }

  /** Nine anchors, each a list of nine aliases of the one before: 9^9 strings once expanded. */
  static String billionLaughs() {
    StringBuilder yaml =
        new StringBuilder("lol1: &lol1 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 2; i <= 9; i++) {
      yaml.append("lol").append(i).append(": &lol").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*lol").append(i - 1);
      }
      yaml.append("]\n");
    }
    return yaml.toString();
  }
}
