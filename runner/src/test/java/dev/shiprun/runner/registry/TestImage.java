package dev.shiprun.runner.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny OCI image layout for tests, written in Java: {@code oci-layout}, {@code index.json}, and
 * blobs for a manifest, a config and one gzip tar layer holding one file. Copy it to a registry
 * with {@code skopeo copy oci:<layout>:<tag> docker://…}.
 *
 * @param layout the layout's folder
 * @param tag the name {@code index.json} gives the image
 * @param manifestDigest {@code sha256:…} of the manifest, as a registry reports it after a push
 */
public record TestImage(Path layout, String tag, String manifestDigest) {

  /** The file in the layer. */
  public static final String FILE = "hello.txt";

  /** Writes an image tagged {@code tag} into {@code layout} (created when missing). */
  public static TestImage write(Path layout, String tag) throws IOException {
    Path blobs = Files.createDirectories(layout.resolve("blobs/sha256"));
    byte[] tar = tar(FILE, ("hello from the " + tag + " image\n").getBytes(StandardCharsets.UTF_8));
    byte[] layer = gzip(tar);
    String layerDigest = blob(blobs, layer);
    String config =
        """
        {"architecture":"amd64","os":"linux","config":{},\
        "rootfs":{"type":"layers","diff_ids":["%s"]}}"""
            .formatted(digest(tar));
    byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
    String configDigest = blob(blobs, configBytes);
    String manifest =
        """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",\
        "config":{"mediaType":"application/vnd.oci.image.config.v1+json",\
        "digest":"%s","size":%d},\
        "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip",\
        "digest":"%s","size":%d}]}"""
            .formatted(configDigest, configBytes.length, layerDigest, layer.length);
    byte[] manifestBytes = manifest.getBytes(StandardCharsets.UTF_8);
    String manifestDigest = blob(blobs, manifestBytes);
    String index =
        """
        {"schemaVersion":2,"manifests":[{\
        "mediaType":"application/vnd.oci.image.manifest.v1+json",\
        "digest":"%s","size":%d,\
        "annotations":{"org.opencontainers.image.ref.name":"%s"}}]}"""
            .formatted(manifestDigest, manifestBytes.length, tag);
    Files.writeString(layout.resolve("index.json"), index);
    Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    return new TestImage(layout, tag, manifestDigest);
  }

  /** {@code oci:<layout>:<tag>}: the source of a {@code skopeo copy}. */
  public String reference() {
    return "oci:" + layout + ":" + tag;
  }

  private static String blob(Path blobs, byte[] content) throws IOException {
    String digest = digest(content);
    Files.write(blobs.resolve(digest.substring("sha256:".length())), content);
    return digest;
  }

  private static String digest(byte[] content) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    }
    return out.toByteArray();
  }

  /** A ustar archive of one regular file, mode 0644, owned by root, dated 1970. */
  private static byte[] tar(String name, byte[] content) {
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", content.length));
    put(header, 136, String.format("%011o", 0));
    Arrays.fill(header, 148, 156, (byte) ' '); // the checksum counts itself as spaces
    header[156] = '0';
    put(header, 257, "ustar");
    put(header, 263, "00");
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum));
    header[154] = 0;
    header[155] = ' ';
    int padded = (content.length + 511) / 512 * 512;
    // header, content padded to a block, then two empty blocks: the end of the archive
    byte[] tar = new byte[512 + padded + 1024];
    System.arraycopy(header, 0, tar, 0, 512);
    System.arraycopy(content, 0, tar, 512, content.length);
    return tar;
  }

  private static void put(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }
}
