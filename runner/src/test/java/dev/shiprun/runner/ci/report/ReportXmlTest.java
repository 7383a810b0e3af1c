package dev.shiprun.runner.ci.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report files come from the build: the parser never reads anything they point to. */
class ReportXmlTest {

  private static final String SECRET = "made-up-secret-7f3a";

  @TempDir Path dir;

  private Path reports() throws IOException {
    return Files.createDirectories(dir.resolve("testresults"));
  }

  @Test
  void externalEntityIsRefusedAsAWarningAndTheFileNeverRead() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    Path reports = reports();
    Files.writeString(
        reports.resolve("xxe.xml"),
        """
        <?xml version="1.0"?>
        <!DOCTYPE testsuite [<!ENTITY xxe SYSTEM "%s">]>
        <testsuite tests="1"><testcase classname="a" name="b">\
        <failure message="&xxe;">&xxe;</failure></testcase></testsuite>
        """
            .formatted(secret.toUri()));

    TestResults results = new JUnitReader().read(reports);

    assertFalse(results.hasResults());
    assertEquals(1, results.warnings().size());
    String warning = results.warnings().get(0);
    assertTrue(warning.startsWith("test results file xxe.xml is not well-formed XML ("), warning);
    assertTrue(warning.contains("DOCTYPE with declarations"), warning);
    assertFalse(warning.contains(SECRET));
  }

  /**
   * The entity and the external DTD name a FIFO: opening it for reading would block until a writer
   * comes, so a reader that returns at all has not opened it.
   */
  @Test
  void externalDtdAndEntityNamingAFifoAreNeverOpened() throws Exception {
    Path fifo = dir.resolve("fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertEquals(0, mkfifo.waitFor());
    Path reports = reports();
    Files.writeString(
        reports.resolve("dtd.xml"),
        """
        <?xml version="1.0"?>
        <!DOCTYPE testsuite SYSTEM "%s">
        <testsuite tests="1"/>
        """
            .formatted(fifo.toUri()));
    Files.writeString(
        reports.resolve("param.xml"),
        """
        <?xml version="1.0"?>
        <!DOCTYPE coverage [<!ENTITY %% remote SYSTEM "%s"> %%remote;]>
        <coverage line-rate="1"/>
        """
            .formatted(fifo.toUri()));

    TestResults tests =
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> new JUnitReader().read(reports));
    CoverageResults coverage =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> new CoberturaReader().read(reports));

    assertEquals(1, tests.files(), "a DOCTYPE that only names a DTD is read without it");
    assertEquals(1, tests.tests());
    assertEquals(1, tests.warnings().size(), tests.warnings().toString());
    assertTrue(tests.warnings().get(0).startsWith("test results file param.xml "));
    assertEquals(0, coverage.files());
    assertEquals(2, coverage.warnings().size(), coverage.warnings().toString());
  }

  @Test
  void internalEntitiesAreRefusedToo() throws IOException {
    Path reports = reports();
    Files.writeString(
        reports.resolve("laughs.xml"),
        """
        <?xml version="1.0"?>
        <!DOCTYPE testsuite [
          <!ENTITY a "ha">
          <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
        ]>
        <testsuite><testcase name="x"><failure message="&c;"/></testcase></testsuite>
        """);

    TestResults results = new JUnitReader().read(reports);

    assertFalse(results.hasResults());
    assertTrue(
        results.warnings().get(0).startsWith("test results file laughs.xml is not well-formed XML"),
        results.warnings().toString());
  }
}
