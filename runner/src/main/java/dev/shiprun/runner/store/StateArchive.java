package dev.shiprun.runner.store;

import dev.shiprun.spi.SavedFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files a job saves in {@code $JOB_STATE} (and a state resource in {@code OUT/<res>/state}),
 * packed into one value for the store with their modes, as Shippable uploaded them (spec §5 "State
 * persistence"). Entries are sorted by path, so the same files give the same bytes and the same sha
 * — a state resource's versionName.
 *
 * <p>Format: a header line, then per entry a type byte ({@code d}, {@code f}, {@code l}), the
 * relative path, the POSIX mode bits, and the content (a file's bytes, a link's target).
 */
public final class StateArchive {

  private static final String HEADER = "shiprun-state-1";

  /** Packed files and the sha-256 of the packed bytes; the files a resource type sees. */
  public record Packed(byte[] bytes, String sha) implements SavedFiles {

    @Override
    public void unpackInto(Path folder) {
      unpack(bytes, folder);
    }
  }

  private StateArchive() {}

  public static Packed pack(Path dir) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeUTF(HEADER);
      if (Files.isDirectory(dir)) {
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(dir)) {
          entries = new ArrayList<>(walk.filter(p -> !p.equals(dir)).toList());
        }
        entries.sort((a, b) -> relative(dir, a).compareTo(relative(dir, b)));
        for (Path entry : entries) {
          write(out, dir, entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = buffer.toByteArray();
    return new Packed(bytes, sha256(bytes));
  }

  private static void write(DataOutputStream out, Path root, Path entry) throws IOException {
    String path = relative(root, entry);
    if (Files.isSymbolicLink(entry)) {
      out.writeByte('l');
      out.writeUTF(path);
      out.writeInt(0777);
      byte[] target = Files.readSymbolicLink(entry).toString().getBytes(StandardCharsets.UTF_8);
      out.writeInt(target.length);
      out.write(target);
    } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
      out.writeByte('d');
      out.writeUTF(path);
      out.writeInt(mode(entry));
      out.writeInt(0);
    } else {
      out.writeByte('f');
      out.writeUTF(path);
      out.writeInt(mode(entry));
      byte[] content = Files.readAllBytes(entry);
      out.writeInt(content.length);
      out.write(content);
    }
  }

  /** Writes the packed files under {@code dir} (created when missing), with their modes. */
  public static void unpack(byte[] bytes, Path dir) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (!HEADER.equals(in.readUTF())) {
        throw new StoreException("saved state files are not in shiprun's format");
      }
      Files.createDirectories(dir);
      Path root = dir.toAbsolutePath().normalize();
      while (true) {
        int type;
        try {
          type = in.readUnsignedByte();
        } catch (EOFException end) {
          return;
        }
        String path = in.readUTF();
        int mode = in.readInt();
        byte[] content = new byte[in.readInt()];
        in.readFully(content);
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root)) {
          throw new StoreException("saved state files name a path outside their folder: " + path);
        }
        switch (type) {
          case 'd' -> Files.createDirectories(target);
          case 'l' -> {
            Files.createDirectories(target.getParent());
            Files.createSymbolicLink(target, Path.of(new String(content, StandardCharsets.UTF_8)));
          }
          case 'f' -> {
            Files.createDirectories(target.getParent());
            Files.write(target, content);
          }
          default ->
              throw new StoreException("saved state files are damaged (entry type " + type + ")");
        }
        if (type != 'l') {
          Files.setPosixFilePermissions(target, permissions(mode));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String relative(Path root, Path entry) {
    return root.relativize(entry).toString().replace('\\', '/');
  }

  private static int mode(Path entry) throws IOException {
    int mode = 0;
    for (PosixFilePermission p : Files.getPosixFilePermissions(entry, LinkOption.NOFOLLOW_LINKS)) {
      mode |= 1 << (8 - p.ordinal());
    }
    return mode;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission p : PosixFilePermission.values()) {
      if ((mode & (1 << (8 - p.ordinal()))) != 0) {
        out.add(p);
      }
    }
    return out;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
