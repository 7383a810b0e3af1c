package dev.shiprun.model.graph.layout;

/** A point of the picture, in whole pixels. */
public record Point(int x, int y) {}
