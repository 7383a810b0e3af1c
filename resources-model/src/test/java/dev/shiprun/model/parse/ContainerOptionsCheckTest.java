package dev.shiprun.model.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which words of a TASK's container options set what shiprun sets itself. */
class ContainerOptionsCheckTest {

  @Test
  void longOptionsWithOrWithoutAValueConflict() {
    assertEquals(List.of("--name"), ContainerOptionsCheck.conflicts("--name"));
    assertEquals(List.of("--name"), ContainerOptionsCheck.conflicts("--name=builder"));
    assertEquals(List.of("--rm"), ContainerOptionsCheck.conflicts("--rm=false"));
    assertEquals(List.of("--workdir"), ContainerOptionsCheck.conflicts("--workdir=/src"));
  }

  @Test
  void shortOptionsAloneGroupedOrWithAnAttachedValueConflict() {
    assertEquals(List.of("-d"), ContainerOptionsCheck.conflicts("-d"));
    assertEquals(List.of("-d", "-t"), ContainerOptionsCheck.conflicts("-itd"));
    assertEquals(List.of("-w"), ContainerOptionsCheck.conflicts("-w/src"));
  }

  @Test
  void otherOptionsAndValuesPass() {
    for (String word :
        List.of(
            "--privileged=true",
            "-v",
            "/tmp:/tmp",
            "-e",
            "A=--rm",
            "--network",
            "-i",
            "-P",
            "-td=x")) {
      assertEquals(List.of(), ContainerOptionsCheck.conflicts(word), word);
    }
  }
}
