package dev.shiprun.runner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

  private final List<String> lines = new ArrayList<>();

  @Test
  void joinsLinesAcrossChunksAndKeepsALastLineWithoutNewline() {
    LineSplitter splitter = new LineSplitter((text, ends) -> lines.add(text), 1024);

    feed(splitter, "par", "tial\r\nwhole\n\nla", "st");
    splitter.finish();

    assertEquals(List.of("partial", "whole", "", "last"), lines);
  }

  @Test
  void cutsAnOverlongLineBetweenCharactersAndSaysWhichPiecesGoOn() {
    LineSplitter splitter =
        new LineSplitter((text, ends) -> lines.add(ends ? text + "|end" : text + "|more"), 8);

    feed(splitter, "abcdefgé€xyz\n12345678\n"); // é would straddle the 8th byte: it moves on
    splitter.finish();

    assertEquals(List.of("abcdefg|more", "é€xyz|end", "12345678|end"), lines);
  }

  @Test
  void turnsInvalidUtf8IntoReplacementCharacters() {
    LineSplitter splitter = new LineSplitter((text, ends) -> lines.add(text), 1024);

    byte[] bytes = {'o', 'k', (byte) 0xFF, (byte) 0xC3, '\n'};
    splitter.accept(bytes, 0, bytes.length);

    assertEquals(List.of("ok\uFFFD\uFFFD"), lines);
  }

  private static void feed(LineSplitter splitter, String... chunks) {
    for (String chunk : chunks) {
      byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
      splitter.accept(bytes, 0, bytes.length);
    }
  }
}
