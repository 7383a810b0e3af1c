package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** split_tests: this CI job's share of the tests, balanced with cached JUnit timings. */
class SplitTestsTest {

  @TempDir Path dir;
  JobFolder job;

  @BeforeEach
  void setUp() {
    job = JobFolder.runSh(dir, "ci");
    for (String name :
        new String[] {"test_a.py", "test_b.py", "test_c.py", "test_d.py", "test_e.py"}) {
      JobFolder.write(job.root().resolve("tests/" + name), "");
    }
    JobFolder.write(job.root().resolve("tests/helper.py"), "");
    // test_c's report names it by an absolute path of an earlier build.
    JobFolder.write(
        job.root().resolve("reports/junit.xml"),
        """
        <?xml version="1.0"?>
        <testsuites>
          <testsuite name="a" file="tests/test_a.py" tests="3" time="5.5"></testsuite>
          <testsuite name="b" tests="1" time="1.0" file="tests/test_b.py"/>
        </testsuites>
        """);
    JobFolder.write(
        job.root().resolve("reports/more/c.xml"),
        "<testsuite\n  filepath=\"/build/IN/repo/gitRepo/tests/test_c.py\"\n  time=\"3\">\n</testsuite>\n");
  }

  private Shipctl.Result share(int number, int count) {
    job.set("SHIPPABLE_JOB_NUMBER", Integer.toString(number));
    job.set("SHIPPABLE_JOB_COUNT", Integer.toString(count));
    return job.shipctl("split_tests", "tests", "test_*.py", "reports");
  }

  @Test
  void timedTestsComeFirstFastestFirstThenTheOthers() {
    Shipctl.Result result = share(1, 1);

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(
        "tests/test_b.py\ntests/test_c.py\ntests/test_a.py\ntests/test_d.py\ntests/test_e.py\n",
        result.stdout());
  }

  @Test
  void eachJobTakesEveryNthTest() {
    assertEquals("tests/test_b.py\ntests/test_a.py\ntests/test_e.py\n", share(1, 2).stdout());
    assertEquals("tests/test_c.py\ntests/test_d.py\n", share(2, 2).stdout());
  }

  @Test
  void jobNumberOutsideTheCountExits99() {
    Shipctl.Result result = share(3, 2);

    result.assertFailed(
        99, "Error: SHIPPABLE_JOB_NUMBER (3) must be between 1 and SHIPPABLE_JOB_COUNT (2)\n");
  }
}
