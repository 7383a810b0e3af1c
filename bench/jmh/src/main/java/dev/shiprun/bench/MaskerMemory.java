package dev.shiprun.bench;

import dev.shiprun.masker.SecretMasker;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The secret masker's memory: builds a masker for a set of made-up secrets, with both its automata
 * (the char one, as the runner's own lines use it, and the byte one, as a job's output uses it),
 * and prints the heap it retains (used heap after a full GC, with the masker, less the same without
 * it) and the peak heap while it was built, for {@code bench/masker-memory.sh}. Run it with the
 * serial collector, whose full GC leaves only what is reachable.
 *
 * <pre>java -XX:+UseSerialGC -cp bench/jmh/target/benchmarks.jar dev.shiprun.bench.MaskerMemory SET
 * </pre>
 *
 * <p>SET is {@code 40xN} (N secrets of 40 chars) or {@code mixed} (1,800 secrets of 8 – 64 chars
 * and 200 of 4 KiB, half of these one line, half a PEM-like key of 64-char lines). Prints one line
 * of tab-separated figures: set, secrets, their chars, retained bytes, peak heap bytes (the heap
 * pools' peaks added up: garbage not yet collected included), build milliseconds.
 */
public final class MaskerMemory {

  private static final String CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_!@#%^&*+=";
  private static final String BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final int LONG = 4096;

  private MaskerMemory() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: MaskerMemory 40xN|mixed");
      System.exit(2);
    }
    List<String> secrets = secrets(args[0], new Random(LogFile.SEED));
    // The classes and their static data (the forms' encoders, the empty automata) are loaded
    // by a first masker, dropped before measuring: they are the JVM's, not per masker.
    built(secrets("40x1", new Random(LogFile.SEED + 1)));
    resetPeaks(); // the pools' MXBeans are made and kept on first use: before measuring
    long before = usedAfterGc();
    resetPeaks();
    long start = System.nanoTime();
    SecretMasker masker = built(secrets);
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = peakHeap() - before;
    long retained = usedAfterGc() - before;
    Reference.reachabilityFence(masker);
    long chars = secrets.stream().mapToLong(String::length).sum();
    System.out.println(
        String.join(
            "\t",
            args[0],
            Integer.toString(secrets.size()),
            Long.toString(chars),
            Long.toString(retained),
            Long.toString(peak),
            Long.toString(millis)));
  }

  /** A masker with both its automata made. */
  private static SecretMasker built(List<String> secrets) {
    SecretMasker masker = new SecretMasker(secrets);
    masker.mask("makes the char automaton");
    masker.byteStream(); // makes the byte automaton
    return masker;
  }

  static List<String> secrets(String set, Random random) {
    List<String> out = new ArrayList<>();
    if (set.equals("mixed")) {
      for (int i = 0; i < 1_800; i++) {
        out.add(token(8 + random.nextInt(57), random));
      }
      for (int i = 0; i < 100; i++) {
        out.add(token(LONG, random));
        out.add(pem(random));
      }
    } else if (set.startsWith("40x")) {
      for (int i = 0, n = Integer.parseInt(set.substring(3)); i < n; i++) {
        out.add(token(40, random));
      }
    } else {
      throw new IllegalArgumentException("no set " + set + ": 40xN or mixed");
    }
    return out;
  }

  private static String token(int length, Random random) {
    StringBuilder s = new StringBuilder(length);
    for (int k = 0; k < length; k++) {
      s.append(CHARS.charAt(random.nextInt(CHARS.length())));
    }
    return s.toString();
  }

  /** A made-up PEM-like key of {@link #LONG} chars: a header, 64-char base64 lines, a footer. */
  private static String pem(Random random) {
    String head = "-----BEGIN PRIVATE KEY-----\n";
    String foot = "\n-----END PRIVATE KEY-----";
    StringBuilder body = new StringBuilder();
    while (head.length() + body.length() + foot.length() < LONG) {
      if (body.length() % 65 == 64) {
        body.append('\n');
      } else {
        body.append(BASE64.charAt(random.nextInt(BASE64.length())));
      }
    }
    body.setLength(LONG - head.length() - foot.length());
    return head + body + foot;
  }

  private static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks since {@link #resetPeaks}: an upper bound of the peak. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
