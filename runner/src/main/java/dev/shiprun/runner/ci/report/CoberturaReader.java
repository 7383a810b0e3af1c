package dev.shiprun.runner.ci.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the Cobertura XML files of a folder ({@code shippable/codecoverage/}) as coverage.py,
 * istanbul/nyc and JaCoCo converters write them: the {@code line-rate} and {@code branch-rate} of
 * the root {@code <coverage>}, with {@code lines-covered}/{@code lines-valid} and {@code
 * branches-covered}/{@code branches-valid} when present. Several files add up their counts; when a
 * file lacks them, the first file's rate stands, with a note. A file that cannot be read is a
 * warning.
 */
public final class CoberturaReader {

  static final String LABEL = "coverage";

  private final ReportFolder folder;
  private final ReportXml xml = new ReportXml();

  public CoberturaReader() {
    this(ReportFolder.DEFAULT_MAX_FILE_BYTES);
  }

  CoberturaReader(long maxFileBytes) {
    this.folder = new ReportFolder(maxFileBytes);
  }

  /** The root element's figures of one file. */
  private record Root(String file, Figures lines, Figures branches) {}

  /** One kind's rate and counts as a file gives them. */
  private record Figures(OptionalDouble rate, OptionalLong covered, OptionalLong valid) {
    boolean hasCounts() {
      return covered.isPresent() && valid.isPresent();
    }
  }

  /** The coverage of every report file of the folder; a missing or empty folder has none. */
  public CoverageResults read(Path dir) {
    ReportFolder.Listing listing = folder.list(dir, LABEL);
    List<String> warnings = new ArrayList<>(listing.warnings());
    List<Root> roots = new ArrayList<>();
    for (Path file : listing.files()) {
      String name = ReportFolder.relative(dir, file);
      try {
        Root[] root = new Root[1];
        xml.read(file, stream -> root[0] = readFile(stream, name));
        roots.add(root[0]);
      } catch (UnreadableReport e) {
        warnings.add(ReportFolder.warning(LABEL, name, e.getMessage()));
      }
    }
    List<String> notes = new ArrayList<>();
    Optional<CoverageMeasure> lines = total(roots, Root::lines, "line", notes);
    Optional<CoverageMeasure> branches = total(roots, Root::branches, "branch", notes);
    return new CoverageResults(roots.size(), lines, branches, notes, warnings);
  }

  private static Root readFile(XMLStreamReader in, String name)
      throws XMLStreamException, UnreadableReport {
    in.nextTag();
    String root = in.getLocalName();
    if (!root.equals("coverage")) {
      throw new UnreadableReport("is not Cobertura XML (its root element is <" + root + ">)");
    }
    Root figures =
        new Root(
            name,
            new Figures(
                rate(in.getAttributeValue(null, "line-rate")),
                count(in.getAttributeValue(null, "lines-covered")),
                count(in.getAttributeValue(null, "lines-valid"))),
            new Figures(
                rate(in.getAttributeValue(null, "branch-rate")),
                count(in.getAttributeValue(null, "branches-covered")),
                count(in.getAttributeValue(null, "branches-valid"))));
    // The rest is read too, so that a truncated or broken file is a warning, not half a figure.
    while (in.hasNext()) {
      in.next();
    }
    return figures;
  }

  /**
   * The total of one kind: the summed counts when every file gives them (none when nothing of that
   * kind was measured), else the first file's rate.
   */
  private static Optional<CoverageMeasure> total(
      List<Root> roots, Function<Root, Figures> kind, String word, List<String> notes) {
    if (roots.isEmpty()) {
      return Optional.empty();
    }
    if (roots.stream().map(kind).allMatch(Figures::hasCounts)) {
      long covered = roots.stream().map(kind).mapToLong(f -> f.covered().getAsLong()).sum();
      long valid = roots.stream().map(kind).mapToLong(f -> f.valid().getAsLong()).sum();
      return valid > 0 && covered <= valid
          ? Optional.of(CoverageMeasure.ofCounts(covered, valid))
          : Optional.empty();
    }
    Root first = roots.get(0);
    OptionalDouble rate = kind.apply(first).rate();
    if (roots.size() > 1) {
      notes.add(
          "not every coverage file gives "
              + word
              + " counts, so the "
              + word
              + " rate is that of "
              + first.file()
              + " alone");
    }
    return rate.isPresent()
        ? Optional.of(CoverageMeasure.ofRate(rate.getAsDouble()))
        : Optional.empty();
  }

  /** A rate from 0 to 1; anything else is no rate. */
  private static OptionalDouble rate(String value) {
    if (value == null || value.isBlank()) {
      return OptionalDouble.empty();
    }
    try {
      double rate = Double.parseDouble(value.strip());
      return rate >= 0 && rate <= 1 ? OptionalDouble.of(rate) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  private static OptionalLong count(String value) {
    if (value == null || value.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      long count = Long.parseLong(value.strip());
      return count >= 0 ? OptionalLong.of(count) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
