package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * decrypt: base64 of RSA-OAEP blocks, each as long as the key's modulus, decrypted with the
 * subscription key into FILE.decrypted. Keys are made by openssl in each test.
 */
class DecryptTest {

  /** Made-up secrets, long enough for several RSA blocks. */
  static final byte[] SECRET =
      "DB_PASS=made-up-password\nAPI_TOKEN=made-up-token\n"
          .repeat(12)
          .getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  JobFolder job;

  @BeforeEach
  void setUp() {
    job = JobFolder.runSh(dir, "deploy");
  }

  /** Makes an RSA key of {@code bits} and returns its private key file. */
  private Path key(String name, int bits) {
    Tools.run(dir, "openssl", "genrsa", "-out", name, Integer.toString(bits));
    Tools.run(dir, "openssl", "rsa", "-in", name, "-pubout", "-out", name + ".pub");
    return dir.resolve(name);
  }

  /** Encrypts SECRET in chunks with the public key, as Shippable's UI did, base64 with newlines. */
  private Path encrypt(Path key, int chunk) throws IOException {
    ByteArrayOutputStream blocks = new ByteArrayOutputStream();
    for (int i = 0; i * chunk < SECRET.length; i++) {
      byte[] part = Arrays.copyOfRange(SECRET, i * chunk, Math.min(SECRET.length, (i + 1) * chunk));
      Path plain = Files.write(dir.resolve("part"), part);
      Tools.run(
          dir,
          "openssl",
          "pkeyutl",
          "-encrypt",
          "-pubin",
          "-inkey",
          key + ".pub",
          "-pkeyopt",
          "rsa_padding_mode:oaep",
          "-in",
          plain.toString(),
          "-out",
          "part.enc");
      blocks.write(Files.readAllBytes(dir.resolve("part.enc")));
    }
    return Files.writeString(
        dir.resolve("secrets.enc"), Base64.getMimeEncoder().encodeToString(blocks.toByteArray()));
  }

  @Test
  void decryptsEveryBlockIntoAFileOnlyTheOwnerCanRead() throws Exception {
    Path key = key("sub.pem", 2048);
    Path encrypted = encrypt(key, 200);

    Shipctl.Result result = job.shipctl("decrypt", encrypted.toString(), key.toString());

    assertEquals(0, result.exitCode(), result::toString);
    Path decrypted = dir.resolve("secrets.enc.decrypted");
    assertArrayEquals(SECRET, Files.readAllBytes(decrypted));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(decrypted)));
    assertEquals(
        "Decrypting "
            + encrypted
            + " using key "
            + key
            + "\nDecrypted "
            + encrypted
            + " to "
            + decrypted
            + "\n",
        result.stdout());
  }

  @Test
  void blockSizeFollowsTheKey() throws Exception {
    Path key = key("small.pem", 1024);
    Path encrypted = encrypt(key, 80);

    Shipctl.Result result = job.shipctl("decrypt", encrypted.toString(), key.toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertArrayEquals(SECRET, Files.readAllBytes(dir.resolve("secrets.enc.decrypted")));
  }

  @Test
  void defaultKeyIsTheSubscriptionKeyOfTheJob() throws Exception {
    Path key = key("00_sub", 2048);
    Path encrypted = encrypt(key, 200);
    job.set("SUBSCRIPTION_PRIVATE_KEY", key.toString());

    Shipctl.Result result = job.shipctl("decrypt", encrypted.toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertArrayEquals(SECRET, Files.readAllBytes(dir.resolve("secrets.enc.decrypted")));
  }

  @Test
  void missingKeyExits100() {
    Path encrypted = JobFolder.write(dir.resolve("secrets.enc"), "AAAA");

    Shipctl.Result result = job.shipctl("decrypt", encrypted.toString(), dir + "/no-key.pem");

    result.assertFailed(100, "Error: Key file " + dir + "/no-key.pem not found\n");
  }

  @Test
  void wrongKeyFailsAndLeavesNoPartialFile() throws Exception {
    Path encrypted = encrypt(key("right.pem", 2048), 200);
    Path wrong = key("wrong.pem", 2048);

    Shipctl.Result result = job.shipctl("decrypt", encrypted.toString(), wrong.toString());

    assertNotEquals(0, result.exitCode(), result::toString);
    assertTrue(result.stderr().contains("Error: could not decrypt"), result::toString);
    assertFalse(Files.exists(dir.resolve("secrets.enc.decrypted")));
  }
}
