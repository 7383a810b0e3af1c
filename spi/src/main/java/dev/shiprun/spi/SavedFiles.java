package dev.shiprun.spi;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The files a version keeps (a state resource's), packed by shiprun: a type gets them with the
 * version it reads and makes them with {@link OutRun#pack(Path)}.
 */
public interface SavedFiles {

  /** The sha-256 of the packed files, in hex. */
  String sha();

  /** Writes the files into {@code folder}, which exists. */
  void unpackInto(Path folder) throws IOException;
}
