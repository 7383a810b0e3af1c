package dev.shiprun.model.graph.layout;

/**
 * A big line for layout tests and timing: {@code chains} chains of {@code length} jobs, each job
 * reading the image the job before it built, one of ten shared params (a fan-out across chains),
 * and every fifth job a state resource it also writes (a cycle to break). As many resources as
 * jobs.
 */
public final class GeneratedLine {

  private GeneratedLine() {}

  public static String yaml(int chains, int length) {
    int jobs = chains * length;
    StringBuilder y = new StringBuilder("resources:\n");
    for (int p = 0; p < 10; p++) {
      y.append("  - {name: shared-")
          .append(p)
          .append(", type: params, versionTemplate: {params: {K: \"")
          .append(p)
          .append("\"}}}\n");
    }
    int states = 0;
    for (int i = 0; i < jobs; i++) {
      if (i % 5 == 4 && states < jobs / 10) {
        y.append("  - {name: state-").append(i).append(", type: state}\n");
        states++;
      }
    }
    int images = jobs - 10 - states;
    for (int i = 0; i < images; i++) {
      y.append("  - {name: img-")
          .append(i)
          .append(", type: image, versionTemplate: {sourceName: example/img-")
          .append(i)
          .append(", versionName: latest}}\n");
    }
    y.append("jobs:\n");
    int stateCount = 0;
    for (int c = 0; c < chains; c++) {
      for (int k = 0; k < length; k++) {
        int i = c * length + k;
        y.append("  - name: job-").append(i).append("\n    type: runSh\n    steps:\n");
        if (k > 0 && i - 1 < images) {
          y.append("      - IN: img-").append(i - 1).append('\n');
        }
        y.append("      - IN: shared-").append((i * 7) % 10).append('\n');
        if (k > 2 && k % 4 == 3) {
          y.append("        switch: off\n");
        }
        boolean state = i % 5 == 4 && stateCount < jobs / 10;
        if (state) {
          y.append("      - IN: state-").append(i).append('\n');
          stateCount++;
        }
        y.append("      - TASK:\n          script:\n            - echo ").append(i).append('\n');
        if (i < images) {
          y.append("      - OUT: img-").append(i).append('\n');
        }
        if (state) {
          y.append("      - OUT: state-").append(i).append('\n');
        }
      }
    }
    return y.toString();
  }
}
