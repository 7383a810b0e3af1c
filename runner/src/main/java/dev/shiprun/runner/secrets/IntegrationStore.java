package dev.shiprun.runner.secrets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationType;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.Secret;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A home's account integrations, encrypted at rest: {@code <home>/integrations.json} (0600) keeps
 * each integration's type and plain fields as they are and every secret field sealed by {@link
 * SecretBox} under the home's {@link MasterKey}, bound to the integration's and the field's name.
 * Reading names and plain fields ({@link #describe}) needs no key; {@link #load} opens every
 * secret. Every change rewrites the file atomically under a lock, so a crash leaves the old file or
 * the new one.
 */
public final class IntegrationStore {

  static final String FILE = "integrations.json";
  private static final String NEXT_KEY = "master.key.next";
  private static final int FORMAT = 1;
  private static final String VALUES_KEY = "shiprun values key";

  /** An integration as stored, secrets still sealed: what list and show print. */
  public record Described(String name, String type, Map<String, String> fields) {}

  private final Path home;
  private final Optional<String> environmentKey;
  private final IntegrationTypes types;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public IntegrationStore(Path home, Optional<String> environmentKey, IntegrationTypes types) {
    this.home = home;
    this.environmentKey = environmentKey;
    this.types = types;
  }

  public Path file() {
    return home.resolve(FILE);
  }

  /** The integration types this store reads and writes. */
  public IntegrationTypes types() {
    return types;
  }

  /** Every integration with its secrets opened; empty when nothing was ever stored. */
  public Map<String, Integration> load() {
    Document doc = read();
    if (doc.integrations.isEmpty()) {
      return Map.of();
    }
    SecretBox box = new SecretBox(keyFor(doc));
    Map<String, Integration> out = new LinkedHashMap<>();
    doc.integrations.forEach((name, stored) -> out.put(name, open(box, name, stored)));
    return out;
  }

  /** Names, types and plain fields, secrets as {@code ***}; needs no key. */
  public Map<String, Described> describe() {
    Map<String, Described> out = new LinkedHashMap<>();
    read()
        .integrations
        .forEach(
            (name, stored) -> {
              Map<String, String> fields = new LinkedHashMap<>();
              stored.fields.forEach(
                  (field, value) ->
                      fields.put(
                          field,
                          value.text != null
                              ? value.text
                              : value.sealed != null
                                  ? "***"
                                  : "{" + String.join(", ", value.entries.keySet()) + ": ***}"));
              out.put(name, new Described(name, stored.type, fields));
            });
    return out;
  }

  /**
   * Stores {@code integration}; an existing one of that name only with {@code replace}.
   *
   * @return true when the name was new (the API answers 201 then, 200 for a replacement)
   */
  public boolean put(Integration integration, boolean replace) {
    boolean[] created = {false};
    change(
        (doc, box) -> {
          if (!replace && doc.integrations.containsKey(integration.name())) {
            throw new IntegrationStoreException(
                "integration '"
                    + integration.name()
                    + "' is already stored; pass --replace to overwrite it");
          }
          created[0] = doc.integrations.put(integration.name(), seal(box, integration)) == null;
        });
    return created[0];
  }

  /** Stores every one of {@code integrations} in one change; see {@link #put}. */
  public void putAll(Map<String, Integration> integrations, boolean replace) {
    change(
        (doc, box) -> {
          if (!replace) {
            for (String name : integrations.keySet()) {
              if (doc.integrations.containsKey(name)) {
                throw new IntegrationStoreException(
                    "integration '"
                        + name
                        + "' is already stored; pass --replace to overwrite it (nothing was"
                        + " imported)");
              }
            }
          }
          integrations.forEach((name, i) -> doc.integrations.put(name, seal(box, i)));
        });
  }

  /**
   * Seals {@code pairs} ({@code KEY=value} lines) into a {@code secure:} blob for YAML files, with
   * the home's values key (made the first time, kept here sealed by the master key).
   */
  public String encrypt(String pairs) {
    String[] blob = {null};
    change(
        (doc, box) -> {
          if (doc.values == null) {
            ValuesKey fresh = ValuesKey.generate();
            doc.values = wrap(box, fresh);
          }
          blob[0] = unwrap(box, doc.values).seal(pairs);
        });
    return blob[0];
  }

  /**
   * What opens the home's {@code secure:} blobs; when the home has no values key or its master key
   * is not at hand, a reader that says so for every blob. Needs no lock and writes nothing (but
   * finishing an interrupted rotation, as every read does).
   */
  public SecureValueReader secureValues() {
    try {
      Document doc = read();
      if (doc.values == null) {
        return SecureValueReader.without(
            "this home ("
                + home
                + ") has no key for encrypted values: nothing was encrypted here with 'shiprun"
                + " encrypt'; encrypt it again with this home, or use the home that made it");
      }
      return SecureValueReader.with(unwrap(new SecretBox(keyFor(doc)), doc.values));
    } catch (IntegrationStoreException e) {
      return SecureValueReader.without(e.getMessage());
    }
  }

  /** Whether {@code shiprun encrypt} made a values key here (rotate-key re-wraps it). */
  public boolean holdsValuesKey() {
    return read().values != null;
  }

  private static StoredValuesKey wrap(SecretBox box, ValuesKey key) {
    StoredValuesKey stored = new StoredValuesKey();
    stored.id = key.id();
    stored.sealed = box.seal(key.encoded(), VALUES_KEY + "\0" + stored.id);
    return stored;
  }

  private static ValuesKey unwrap(SecretBox box, StoredValuesKey stored) {
    return ValuesKey.decode(
        box.open(stored.sealed, VALUES_KEY + "\0" + stored.id, "the key of encrypted values"));
  }

  /** The error for a name nothing is stored under. */
  public IntegrationStoreException noSuch(String name) {
    return new IntegrationStoreException(
        "no integration '" + name + "' in " + file() + "; see 'shiprun integration list'");
  }

  /** Removes the named integration; false when there was none. */
  public boolean remove(String name) {
    boolean[] removed = {false};
    change((doc, box) -> removed[0] = doc.integrations.remove(name) != null);
    return removed[0];
  }

  /**
   * Re-encrypts every secret under a new key: a fresh key file, or {@code next} when the key comes
   * from the environment (the user then sets {@code SHIPRUN_MASTER_KEY} to it). The integrations
   * file is written first with the new key's id and the new key file is kept beside it until the
   * key file is replaced: an interruption between the two is finished by the next read.
   *
   * @return how many integrations were re-encrypted
   */
  public int rotate(Optional<String> next) {
    try (Lock ignored = lock()) {
      Document doc = read();
      MasterKey old = doc.sealsNothing() ? null : keyFor(doc);
      MasterKey current = old != null ? old : MasterKey.findOrCreate(home, environmentKey);
      MasterKey fresh;
      if (current.fromEnvironment()) {
        fresh =
            MasterKey.decode(
                next.orElseThrow(
                    () ->
                        new IntegrationStoreException(
                            "the master key comes from "
                                + MasterKey.ENVIRONMENT
                                + ": put the new key in SHIPRUN_NEW_MASTER_KEY (base64 of 32"
                                + " bytes) and run rotate-key again")),
                "SHIPRUN_NEW_MASTER_KEY");
      } else {
        fresh = MasterKey.generate(home.resolve(MasterKey.FILE).toString());
        Files.deleteIfExists(home.resolve(NEXT_KEY));
        fresh.writeNew(home.resolve(NEXT_KEY));
      }
      Document rotated = new Document();
      rotated.key = fresh.id();
      if (old != null) {
        SecretBox from = new SecretBox(old);
        SecretBox to = new SecretBox(fresh);
        doc.integrations.forEach(
            (name, stored) -> rotated.integrations.put(name, seal(to, open(from, name, stored))));
        if (doc.values != null) {
          // The values key stays the same, so blobs in YAML files keep opening; only its wrap
          // changes.
          rotated.values = wrap(to, unwrap(from, doc.values));
        }
      }
      write(rotated);
      if (!current.fromEnvironment()) {
        Files.move(
            home.resolve(NEXT_KEY),
            home.resolve(MasterKey.FILE),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      }
      return rotated.integrations.size();
    } catch (IOException e) {
      throw new IntegrationStoreException(
          "cannot rotate the master key in " + home + ": " + e.getMessage());
    }
  }

  private interface Change {
    void apply(Document doc, SecretBox box);
  }

  private void change(Change change) {
    try (Lock ignored = lock()) {
      Document doc = read();
      MasterKey key =
          doc.sealsNothing() ? MasterKey.findOrCreate(home, environmentKey) : keyFor(doc);
      doc.key = key.id();
      change.apply(doc, new SecretBox(key));
      write(doc);
    } catch (IOException e) {
      throw new IntegrationStoreException(
          "cannot write " + file() + ": " + e.getMessage() + "; check the home's permissions");
    }
  }

  /** The key the stored values were sealed with, or why it is not at hand. */
  private MasterKey keyFor(Document doc) {
    Optional<MasterKey> key = MasterKey.find(home, environmentKey);
    if (key.isPresent() && key.get().id().equals(doc.key)) {
      return key.get();
    }
    // A rotation interrupted after the integrations were re-encrypted: finish it.
    Path next = home.resolve(NEXT_KEY);
    if (!key.map(MasterKey::fromEnvironment).orElse(false) && Files.exists(next)) {
      try {
        MasterKey candidate =
            MasterKey.decode(
                Files.readString(next).strip(), home.resolve(MasterKey.FILE).toString());
        if (candidate.id().equals(doc.key)) {
          Files.move(
              next,
              home.resolve(MasterKey.FILE),
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
          return candidate;
        }
      } catch (IOException e) {
        throw new IntegrationStoreException("cannot read " + next + ": " + e.getMessage());
      }
    }
    if (key.isEmpty()) {
      throw new IntegrationStoreException(
          "the integrations in "
              + file()
              + " are encrypted, and there is no master key: restore "
              + home.resolve(MasterKey.FILE)
              + " or set "
              + MasterKey.ENVIRONMENT);
    }
    throw new IntegrationStoreException(
        "the integrations in "
            + file()
            + " were encrypted with master key "
            + doc.key
            + ", but "
            + key.get().source()
            + " holds key "
            + key.get().id()
            + ": use the key they were stored with");
  }

  /** The store's lock file, held while a change reads and rewrites the file. */
  private record Lock(FileChannel channel) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      channel.close(); // releases the lock
    }
  }

  private Lock lock() throws IOException {
    Files.createDirectories(home);
    FileChannel channel =
        FileChannel.open(
            home.resolve("integrations.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      channel.lock();
      return new Lock(channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private Document read() {
    Path file = file();
    if (!Files.exists(file)) {
      return new Document();
    }
    try {
      Document doc = json.readValue(file.toFile(), Document.class);
      if (doc.format != FORMAT) {
        throw new IntegrationStoreException(
            file + " has format " + doc.format + "; this shiprun reads format " + FORMAT);
      }
      return doc;
    } catch (IOException e) {
      throw new IntegrationStoreException(
          "cannot read "
              + file
              + ": "
              + firstLine(e.getMessage())
              + "; restore it from a backup or remove it and add the integrations again");
    }
  }

  private void write(Document doc) throws IOException {
    Path tmp = PrivateFiles.temporary(home, ".integrations-");
    try {
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        out.write(ByteBuffer.wrap(json.writeValueAsBytes(doc)));
        out.force(true);
      }
      Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String associated(String integration, String field) {
    return "shiprun integration\0" + integration + "\0" + field;
  }

  private static StoredIntegration seal(SecretBox box, Integration integration) {
    StoredIntegration stored = new StoredIntegration();
    stored.type = integration.type().masterName();
    integration
        .fields()
        .forEach(
            (field, value) -> {
              StoredValue v = new StoredValue();
              if (value instanceof FieldValue.Text t) {
                v.text = t.value();
              } else if (value instanceof FieldValue.Hidden h) {
                v.sealed = box.seal(h.value().reveal(), associated(integration.name(), field));
              } else if (value instanceof FieldValue.Entries e) {
                v.entries = new TreeMap<>();
                e.values()
                    .forEach(
                        (k, s) ->
                            v.entries.put(
                                k,
                                box.seal(
                                    s.reveal(), associated(integration.name(), field + "\0" + k))));
              }
              stored.fields.put(field, v);
            });
    return stored;
  }

  private Integration open(SecretBox box, String name, StoredIntegration stored) {
    IntegrationType type =
        types
            .find(stored.type)
            .orElseThrow(
                () ->
                    new IntegrationStoreException(
                        "integration '"
                            + name
                            + "' has type '"
                            + stored.type
                            + "', which this shiprun does not know; remove it or install the"
                            + " plugin that adds the type"));
    Map<String, FieldValue> fields = new LinkedHashMap<>();
    stored.fields.forEach(
        (field, v) -> {
          String what = "field '" + field + "' of integration '" + name + "'";
          if (v.text != null) {
            fields.put(field, new FieldValue.Text(v.text));
          } else if (v.sealed != null) {
            fields.put(
                field,
                new FieldValue.Hidden(
                    new Secret(box.open(v.sealed, associated(name, field), what))));
          } else if (v.entries != null) {
            Map<String, Secret> entries = new LinkedHashMap<>();
            v.entries.forEach(
                (k, s) ->
                    entries.put(
                        k, new Secret(box.open(s, associated(name, field + "\0" + k), what))));
            fields.put(field, new FieldValue.Entries(entries));
          }
        });
    return new Integration(name, type, fields, SourceLocation.ofFile(file().toString()));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** The file's JSON shape. */
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  static final class Document {
    public int format = FORMAT;
    public String key = "";
    public Map<String, StoredIntegration> integrations = new TreeMap<>();

    /** The key of {@code shiprun encrypt}'s values, sealed; absent until the first one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public StoredValuesKey values;

    /** Nothing sealed yet: the first change may make the master key. */
    boolean sealsNothing() {
      return integrations.isEmpty() && values == null;
    }
  }

  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  static final class StoredValuesKey {
    public String id;
    public String sealed;
  }

  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  static final class StoredIntegration {
    public String type;
    public Map<String, StoredValue> fields = new LinkedHashMap<>();
  }

  /** One of: plain text, a sealed secret, or sealed entries (key-value envs). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  static final class StoredValue {
    public String text;
    public String sealed;
    public Map<String, String> entries;
  }
}
