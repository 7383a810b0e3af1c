package dev.shiprun.runner.ci;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A branch name as a file name: the first 16 bytes of its SHA-256 in hex, so that any branch (with
 * slashes, dots or a length past a file system's limit) names one file of the job's data folder.
 */
public final class BranchKey {

  private BranchKey() {}

  public static String of(String branch) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(branch.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
