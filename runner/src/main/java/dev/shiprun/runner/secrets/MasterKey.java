package dev.shiprun.runner.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit key that encrypts a home's integrations: from {@code SHIPRUN_MASTER_KEY} (base64 of
 * 32 bytes) when set, else the home's key file {@code master.key} (created 0600 with 32 random
 * bytes the first time something is stored). Its {@link #id()} (a digest prefix) is stored beside
 * the values, so a wrong key is told apart from damaged data.
 */
public final class MasterKey {

  public static final String ENVIRONMENT = "SHIPRUN_MASTER_KEY";
  static final String FILE = "master.key";
  private static final int BYTES = 32;

  private final byte[] key;
  private final String source;

  private MasterKey(byte[] key, String source) {
    this.key = key;
    this.source = source;
  }

  /** Where the key came from, for messages: the variable's name or the file's path. */
  public String source() {
    return source;
  }

  public String id() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  SecretKey secretKey() {
    return new SecretKeySpec(key, "AES");
  }

  public boolean fromEnvironment() {
    return source.equals(ENVIRONMENT);
  }

  /** The key of the environment or of the home; empty when neither has one yet. */
  public static Optional<MasterKey> find(Path home, Optional<String> environment) {
    if (environment.isPresent() && !environment.get().isBlank()) {
      return Optional.of(decode(environment.get(), ENVIRONMENT));
    }
    Path file = home.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString()));
    } catch (IOException e) {
      throw new IntegrationStoreException(
          "cannot read the master key " + file + ": " + e.getMessage() + "; check its permissions");
    }
  }

  /** The key of the environment or of the home, making the home's key file when there is none. */
  public static MasterKey findOrCreate(Path home, Optional<String> environment) {
    Optional<MasterKey> found = find(home, environment);
    if (found.isPresent()) {
      return found.get();
    }
    MasterKey fresh = generate(home.resolve(FILE).toString());
    try {
      fresh.writeNew(home.resolve(FILE));
    } catch (FileAlreadyExistsException raced) {
      return find(home, environment).orElseThrow();
    } catch (IOException e) {
      throw new IntegrationStoreException(
          "cannot create the master key in " + home + ": " + e.getMessage());
    }
    return fresh;
  }

  static MasterKey generate(String source) {
    byte[] key = new byte[BYTES];
    new SecureRandom().nextBytes(key);
    return new MasterKey(key, source);
  }

  /** Writes the key to a new file, 0600 from its creation; fails if the file exists. */
  void writeNew(Path file) throws IOException {
    PrivateFiles.createNew(file, encoded() + "\n");
  }

  /** Replaces {@code file} with this key, atomically. */
  void replace(Path file) throws IOException {
    Path tmp = PrivateFiles.temporary(file.getParent(), ".master-key-");
    try {
      Files.writeString(tmp, encoded() + "\n", StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private String encoded() {
    return Base64.getEncoder().encodeToString(key);
  }

  static MasterKey decode(String text, String source) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      key = new byte[0];
    }
    if (key.length != BYTES) {
      Arrays.fill(key, (byte) 0);
      throw new IntegrationStoreException(
          "the master key in "
              + source
              + " is not base64 of 32 bytes; make one with `head -c 32 /dev/urandom | base64`");
    }
    return new MasterKey(key, source);
  }

  @Override
  public String toString() {
    return "MasterKey[" + source + ", id " + id() + "]";
  }
}
