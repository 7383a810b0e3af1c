package dev.shiprun.runner.ci.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.runner.ci.CiText;
import dev.shiprun.runner.ci.SeamContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache with real files and the node's tar. */
class BuildCacheTest {

  @TempDir Path dir;
  SeamContext context;
  BuildCache cache = new BuildCache();

  @BeforeEach
  void setUp() {
    context = new SeamContext(dir.resolve("job"));
  }

  private Path checkout(String name) throws IOException {
    Path checkout = Files.createDirectories(dir.resolve(name));
    write(checkout.resolve("src/app.js"), "console.log(1)");
    Files.createDirectories(checkout.resolve(".git"));
    write(checkout.resolve(".git/HEAD"), "ref: refs/heads/master");
    return checkout;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static CiConfig config(String cacheDirList) {
    return CiText.read("build:\n  cache: true\n" + cacheDirList);
  }

  private List<Path> cacheFiles() throws IOException {
    Path folder = context.dataFolder().resolve("cache");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }

  @Test
  void aSavedFolderComesBackIntoTheNextCheckoutOfTheSameBranchOnly() throws IOException {
    CiConfig config = config("  cache_dir_list:\n    - $SHIPPABLE_BUILD_DIR/node_modules\n");
    Path first = checkout("first");
    write(first.resolve("node_modules/left-pad/index.js"), "module.exports = 1");

    cache.save(context, config, first, "master");
    Path second = checkout("second");
    cache.restore(context, config, second, "master");
    Path third = checkout("third");
    cache.restore(context, config, third, "dev");

    assertEquals(
        "module.exports = 1", Files.readString(second.resolve("node_modules/left-pad/index.js")));
    assertFalse(Files.exists(third.resolve("node_modules")));
    List<String> said = context.said();
    assertTrue(
        said.get(0).startsWith("cache saved for branch master: node_modules ("), said::toString);
    assertTrue(said.get(0).endsWith(" KiB)"), said::toString);
    assertTrue(said.get(1).startsWith("cache restored for branch master ("), said::toString);
    assertEquals("no cache yet for branch dev", said.get(2));
    assertEquals(1, cacheFiles().size(), "one archive, no partial file left");
  }

  @Test
  void theWholeCheckoutIsKeptByDefaultButNeverItsGitFolderNorOverTheNewCheckoutsFiles()
      throws IOException {
    CiConfig config = config("");
    Path first = checkout("first");
    write(first.resolve("src/app.js"), "old");
    write(first.resolve("build/out.bin"), "built");
    cache.save(context, config, first, "master");

    Path second = checkout("second");
    write(second.resolve("src/app.js"), "new");
    Files.delete(second.resolve(".git/HEAD"));
    cache.restore(context, config, second, "master");

    assertEquals("new", Files.readString(second.resolve("src/app.js")));
    assertEquals("built", Files.readString(second.resolve("build/out.bin")));
    assertFalse(Files.exists(second.resolve(".git/HEAD")), "the .git folder is never cached");
  }

  @Test
  void symbolicLinksAreKeptAsLinksAndNeverFollowed() throws IOException {
    CiConfig config = config("  cache_dir_list: [vendor]\n");
    Path outside = Files.createDirectories(dir.resolve("outside"));
    write(outside.resolve("secret.txt"), "made-up secret outside the tree");
    Path first = checkout("first");
    Files.createDirectories(first.resolve("vendor"));
    Files.createSymbolicLink(first.resolve("vendor/out"), outside);
    Files.createSymbolicLink(first.resolve("vendor/src"), Path.of("../src"));

    cache.save(context, config, first, "master");
    Path second = checkout("second");
    cache.restore(context, config, second, "master");

    assertTrue(Files.isSymbolicLink(second.resolve("vendor/out")));
    assertEquals(outside, Files.readSymbolicLink(second.resolve("vendor/out")));
    assertEquals(Path.of("../src"), Files.readSymbolicLink(second.resolve("vendor/src")));
    Files.delete(outside.resolve("secret.txt"));
    assertFalse(
        Files.exists(second.resolve("vendor/out/secret.txt")),
        "the file behind the link was not stored");
  }

  @Test
  void foldersOutsideTheCheckoutOrReachedThroughALinkAreRefusedWithALineEach() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path first = checkout("first");
    Files.createSymbolicLink(first.resolve("linked"), outside);
    Files.createDirectories(outside.resolve("deps"));
    write(first.resolve("node_modules/a.js"), "a");
    CiConfig config =
        config(
            "  cache_dir_list: [../outside, "
                + outside
                + ", linked/deps, missing, node_modules]\n");

    cache.save(context, config, first, "master");

    List<String> said = context.said();
    assertEquals(5, said.size(), said::toString);
    assertTrue(said.get(0).startsWith("cache_dir_list entry '../outside' is outside the checkout"));
    assertTrue(said.get(1).startsWith("cache_dir_list entry '" + outside + "' is outside"));
    assertTrue(said.get(2).contains("'linked/deps' is reached through a symbolic link"));
    assertEquals("cache_dir_list entry 'missing' does not exist: it is not cached", said.get(3));
    assertTrue(
        said.get(4).startsWith("cache saved for branch master: node_modules ("), said::toString);
  }

  @Test
  void anArchiveOverTheLimitIsNotKeptAndTheLastGoodOneStays() throws IOException {
    CiConfig config = config("  cache_dir_list: [data]\n");
    Path first = checkout("first");
    write(first.resolve("data/small.txt"), "small");
    cache.save(context, config, first, "master");
    List<Path> kept = cacheFiles();
    byte[] noise = new byte[3 * 1024 * 1024];
    new Random(7).nextBytes(noise);
    Files.write(first.resolve("data/noise.bin"), noise);
    context.setting(BuildCache.LIMIT_SETTING, "1");

    cache.save(context, config, first, "master");

    assertEquals(
        "cache for branch master not saved: it is over the limit of 1 MiB; cache fewer folders,"
            + " or raise the node setting ci.cacheLimitMiB",
        context.said().get(1));
    assertEquals(kept, cacheFiles(), "no partial archive is left and the good one is kept");
    Path second = checkout("second");
    cache.restore(context, config, second, "master");
    assertTrue(Files.exists(second.resolve("data/small.txt")));
    assertFalse(Files.exists(second.resolve("data/noise.bin")));
  }

  @Test
  void withoutCacheTrueNothingIsKeptNorSaid() throws IOException {
    CiConfig config = CiText.read("build:\n  cache_dir_list: [src]\n");
    Path first = checkout("first");

    cache.save(context, config, first, "master");
    cache.restore(context, config, first, "master");

    assertEquals(List.of(), context.said());
    assertEquals(List.of(), cacheFiles());
    assertTrue(Files.exists(first.resolve("src/app.js"), LinkOption.NOFOLLOW_LINKS));
  }
}
