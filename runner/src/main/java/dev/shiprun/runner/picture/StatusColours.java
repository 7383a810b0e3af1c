package dev.shiprun.runner.picture;

import java.util.List;

/**
 * The colours of a box: fill, border and text. Text is dark on a light fill in every case (contrast
 * well above 4.5:1), so the picture reads the same in light and dark pages.
 */
record StatusColours(String name, String fill, String stroke, String text) {

  /** Job statuses (the wire names, and {@code none} for a job never run). */
  static final List<StatusColours> JOBS =
      List.of(
          new StatusColours("none", "#ffffff", "#767676", "#1f1f1f"),
          new StatusColours("queued", "#e8eef3", "#5b7083", "#1f2d3a"),
          new StatusColours("processing", "#e3f0fd", "#1565c0", "#0b2e59"),
          new StatusColours("success", "#e6f4ea", "#1e7e34", "#0d3d1a"),
          new StatusColours("failure", "#fde8e8", "#c62828", "#5c0b0b"),
          new StatusColours("error", "#fde8e8", "#c62828", "#5c0b0b"),
          new StatusColours("timeout", "#fff4e0", "#b26a00", "#4a2c00"),
          new StatusColours("cancelled", "#eeeeee", "#6b6b6b", "#262626"),
          new StatusColours("interrupted", "#eeeeee", "#6b6b6b", "#262626"));

  static final StatusColours RESOURCE =
      new StatusColours("resource", "#f4f4fa", "#6e6e91", "#1f1f33");

  static final StatusColours EXTERNAL =
      new StatusColours("external", "#ffffff", "#8a8a8a", "#262626");

  /** The contrast ratio of two sRGB colours written {@code #rrggbb} (WCAG 2). */
  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    return 0.2126 * channel(rgb >> 16 & 0xff)
        + 0.7152 * channel(rgb >> 8 & 0xff)
        + 0.0722 * channel(rgb & 0xff);
  }

  private static double channel(int value) {
    double c = value / 255.0;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
