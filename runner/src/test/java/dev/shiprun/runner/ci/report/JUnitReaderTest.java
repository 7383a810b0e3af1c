package dev.shiprun.runner.ci.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitReaderTest {

  static final String SUREFIRE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:noNamespaceSchemaLocation="https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report-3.0.xsd" \
      version="3.0" name="com.example.CartTest" time="0.412" tests="5" errors="1" skipped="1" failures="1">
        <properties>
          <property name="java.version" value="17.0.9"/>
        </properties>
        <testcase name="addsItems" classname="com.example.CartTest" time="0.101"/>
        <testcase name="total" classname="com.example.CartTest" time="0.2">
          <failure message="expected: &lt;3&gt; but was: &lt;4&gt;" type="org.opentest4j.AssertionFailedError"><![CDATA[org.opentest4j.AssertionFailedError: expected: <3> but was: <4>
      \tat com.example.CartTest.total(CartTest.java:21)
      ]]></failure>
          <system-out><![CDATA[total=4
      ]]></system-out>
        </testcase>
        <testcase name="checkout" classname="com.example.CartTest" time="0.011">
          <error message="Connection refused" type="java.net.ConnectException">java.net.ConnectException: Connection refused
      \tat com.example.Shop.checkout(Shop.java:40)</error>
        </testcase>
        <testcase name="discount" classname="com.example.CartTest" time="0">
          <skipped message="not yet"/>
        </testcase>
        <testcase name="flaky" classname="com.example.CartTest" time="0.1">
          <flakyFailure message="timing" type="java.lang.AssertionError"><stackTrace>at x</stackTrace></flakyFailure>
        </testcase>
      </testsuite>
      """;

  static final String PYTEST =
      """
      <?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="0" \
      failures="1" skipped="1" tests="3" time="0.050" timestamp="2026-12-06T19:00:00.000000" \
      hostname="build"><testcase classname="tests.test_cart" name="test_add" time="0.001" />\
      <testcase classname="tests.test_cart" name="test_total" time="0.002"><failure \
      message="assert 4 == 3&#10; +  where 4 = total()">def test_total():
      &gt;       assert total() == 3
      E       assert 4 == 3</failure></testcase><testcase classname="tests.test_cart" \
      name="test_later" time="0.000"><skipped type="pytest.skip" message="later">\
      tests/test_cart.py:9: later</skipped></testcase></testsuite></testsuites>
      """;

  static final String JEST =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="jest tests" tests="3" failures="1" errors="0" time="1.234">
        <testsuite name="cart" errors="0" failures="1" skipped="0" timestamp="2026-12-06T19:00:00" time="1.1" tests="3">
          <testcase classname="cart adds items" name="cart adds items" time="0.004">
          </testcase>
          <testcase classname="cart total" name="cart total" time="0.01">
            <failure>

      Error: expect(received).toBe(expected) // Object.is equality

      Expected: 3
      Received: 4
          at Object.toBe (/build/cart.test.js:9:20)</failure>
          </testcase>
          <testcase classname="cart checkout" name="cart checkout" time="0.2">
          </testcase>
        </testsuite>
      </testsuites>
      """;

  static final String GO =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <testsuites tests="2" failures="1">
      \t<testsuite name="example.com/cart" tests="2" failures="1" errors="0" id="0" hostname="h" time="0.003">
      \t\t<properties><property name="go.version" value="go1.21.0"></property></properties>
      \t\t<testcase name="TestAdd" classname="example.com/cart" time="0.000"></testcase>
      \t\t<testcase name="TestTotal" classname="example.com/cart" time="0.000"><failure message="Failed" type="">    cart_test.go:12: got 4, want 3</failure></testcase>
      \t</testsuite>
      </testsuites>
      """;

  static final String MOCHA =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="Mocha Tests" time="0.0120" tests="3" failures="1">
        <testsuite name="Root Suite" timestamp="2026-12-06T19:00:00" tests="0" time="0.0000" failures="0">
        </testsuite>
        <testsuite name="cart" timestamp="2026-12-06T19:00:00" tests="3" file="/build/test/cart.spec.js" time="0.0120" failures="1">
          <testcase name="cart adds items" time="0.0010" classname="adds items">
          </testcase>
          <testcase name="cart total" time="0.0100" classname="total">
            <failure message="expected 4 to equal 3" type="AssertionError"><![CDATA[AssertionError: expected 4 to equal 3
          at Context.<anonymous> (test/cart.spec.js:9:22)]]></failure>
          </testcase>
          <testcase name="cart pending" time="0.0000" classname="pending">
            <skipped/>
          </testcase>
        </testsuite>
      </testsuites>
      """;

  @TempDir Path dir;

  private final JUnitReader reader = new JUnitReader();

  private void write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void surefireReportCountsItsTestCasesAndNamesTheFailedOnes() throws IOException {
    write("TEST-com.example.CartTest.xml", SUREFIRE);

    TestResults results = reader.read(dir);

    assertEquals(1, results.files());
    assertEquals(5, results.tests());
    assertEquals(1, results.failures());
    assertEquals(1, results.errors());
    assertEquals(1, results.skipped());
    assertEquals(2, results.passed(), "a flaky failure that passed on rerun is a pass");
    assertEquals(Duration.ofMillis(412), results.duration());
    assertEquals(
        List.of(
            new FailedTest(
                "com.example.CartTest.total",
                FailedTest.Outcome.FAILED,
                "expected: <3> but was: <4>"),
            new FailedTest(
                "com.example.CartTest.checkout", FailedTest.Outcome.ERROR, "Connection refused")),
        results.failed());
    assertEquals(List.of(), results.warnings());
  }

  @Test
  void pytestMessageGivesItsFirstLine() throws IOException {
    write("pytest.xml", PYTEST);

    TestResults results = reader.read(dir);

    assertEquals(3, results.tests());
    assertEquals(1, results.failures());
    assertEquals(1, results.skipped());
    assertEquals(
        List.of(
            new FailedTest(
                "tests.test_cart.test_total", FailedTest.Outcome.FAILED, "assert 4 == 3")),
        results.failed());
  }

  @Test
  void jestFailureWithoutMessageGivesTheFirstLineOfItsText() throws IOException {
    write("junit.xml", JEST);

    TestResults results = reader.read(dir);

    assertEquals(3, results.tests());
    assertEquals(2, results.passed());
    assertEquals(
        "FAILED cart total: Error: expect(received).toBe(expected) // Object.is equality",
        results.failed().get(0).line(),
        "jest-junit's equal classname and name are said once");
    assertEquals(Duration.ofMillis(214), results.duration());
  }

  @Test
  void reportsOfSeveralFilesAndSubFoldersAddUp() throws IOException {
    write("TEST-com.example.CartTest.xml", SUREFIRE);
    write("py/pytest.xml", PYTEST);
    write("go/report.xml", GO);
    write("notes.txt", "not a report");

    TestResults results = reader.read(dir);

    assertEquals(3, results.files());
    assertEquals(10, results.tests());
    assertEquals(3, results.failures());
    assertEquals(1, results.errors());
    assertEquals(2, results.skipped());
    assertEquals(
        List.of(
            "com.example.CartTest.total",
            "com.example.CartTest.checkout",
            "example.com/cart.TestTotal",
            "tests.test_cart.test_total"),
        results.failed().stream().map(FailedTest::name).toList(),
        "in file name order: go/ before py/");
  }

  @Test
  void mochaReportWithAnEmptyRootSuite() throws IOException {
    write("test-results.xml", MOCHA);

    TestResults results = reader.read(dir);

    assertEquals("tests: 1 passed, 1 failed, 0 errors, 1 skipped in 0.0 s", results.summary());
    assertEquals(
        List.of(
            new FailedTest("total.cart total", FailedTest.Outcome.FAILED, "expected 4 to equal 3")),
        results.failed());
  }

  @Test
  void nestedSuitesWithoutTestCasesCountTheOutermostAttributes() throws IOException {
    write(
        "nested.xml",
        """
        <testsuites>
          <testsuite name="outer" tests="3" failures="1" time="2.0">
            <testsuite name="inner" tests="2" failures="1" time="1.5"/>
          </testsuite>
          <testsuite name="other" tests="4" skipped="1" errors="1" time="0.5"/>
        </testsuites>
        """);

    TestResults results = reader.read(dir);

    assertEquals(7, results.tests(), "the inner suite is inside the outer one's count");
    assertEquals(1, results.failures());
    assertEquals(1, results.errors());
    assertEquals(1, results.skipped());
    assertEquals(Duration.ofMillis(2500), results.duration());
    assertEquals(List.of(), results.failed());
  }

  @Test
  void testCasesInNestedSuitesAreCountedOnce() throws IOException {
    write(
        "phpunit.xml",
        """
        <testsuites>
          <testsuite name="all" tests="3" failures="1">
            <testsuite name="Cart" tests="2" failures="1">
              <testcase class="CartTest" classname="CartTest" name="testAdd" time="0.5"/>
              <testcase classname="CartTest" name="testTotal" time="0.25">
                <failure type="PHPUnit\\Framework\\ExpectationFailedException">Failed asserting that 4 matches expected 3.</failure>
              </testcase>
            </testsuite>
            <testcase name="standalone" time="0.25"/>
          </testsuite>
        </testsuites>
        """);

    TestResults results = reader.read(dir);

    assertEquals(3, results.tests());
    assertEquals(1, results.failures());
    assertEquals(Duration.ofSeconds(1), results.duration());
    assertEquals(
        "FAILED CartTest.testTotal: Failed asserting that 4 matches expected 3.",
        results.failed().get(0).line());
  }

  @Test
  void malformedAndForeignFilesAreWarningsNamingThemAndTheOthersStillCount() throws IOException {
    write("good.xml", SUREFIRE);
    write(
        "sub/truncated.xml",
        SUREFIRE.substring(0, SUREFIRE.indexOf("<testcase name=\"checkout\"")));
    write("page.xml", "<html><body>not a report</body></html>");
    write("empty.xml", "");

    TestResults results = reader.read(dir);

    assertEquals(1, results.files());
    assertEquals(5, results.tests());
    assertEquals(3, results.warnings().size(), results.warnings().toString());
    assertTrue(results.warnings().get(0).startsWith("test results file empty.xml "));
    assertTrue(
        results
            .warnings()
            .get(1)
            .equals(
                "test results file page.xml is not JUnit XML (its root element is <html>); skipped it"),
        results.warnings().get(1));
    assertTrue(
        results
            .warnings()
            .get(2)
            .startsWith("test results file sub/truncated.xml is not well-formed XML (line "),
        results.warnings().get(2));
  }

  @Test
  void missingOrEmptyFolderHasNoResults() throws IOException {
    TestResults missing = reader.read(dir.resolve("shippable/testresults"));
    Files.createDirectories(dir.resolve("empty"));
    TestResults empty = reader.read(dir.resolve("empty"));

    for (TestResults results : List.of(missing, empty)) {
      assertFalse(results.hasResults());
      assertEquals("tests: no results", results.summary());
      assertEquals(List.of(), results.warnings());
    }
  }

  @Test
  void fileOverTheSizeLimitIsAWarningAndSkipped() throws IOException {
    write("big.xml", SUREFIRE);
    write("small.xml", GO);

    TestResults results = new JUnitReader(1000).read(dir);

    assertEquals(2, results.tests());
    assertTrue(
        results.warnings().get(0).startsWith("test results file big.xml is "),
        results.warnings().toString());
    assertTrue(results.warnings().get(0).contains("over the limit of 1000 bytes per report"));
  }

  @Test
  void symbolicLinkIsNotFollowed() throws IOException {
    Path outside = dir.resolve("outside.xml");
    Files.writeString(outside, GO);
    Path folder = Files.createDirectories(dir.resolve("testresults"));
    Files.createSymbolicLink(folder.resolve("link.xml"), outside);

    TestResults results = reader.read(folder);

    assertFalse(results.hasResults());
    assertEquals(
        List.of("test results file link.xml is a symbolic link, which is not followed; skipped it"),
        results.warnings());
  }

  @Test
  void summaryCountsAndTime() throws IOException {
    write("TEST-com.example.CartTest.xml", SUREFIRE);

    assertEquals(
        "tests: 2 passed, 1 failed, 1 error, 1 skipped in 0.4 s", reader.read(dir).summary());
  }
}
