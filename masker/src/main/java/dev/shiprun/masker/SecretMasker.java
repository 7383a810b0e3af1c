package dev.shiprun.masker;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces every secret a job can see with {@code ***} in its output, before the output reaches any
 * sink (console, stored log). What it looks for is each secret and the forms a script can turn it
 * into without meaning to reveal it ({@link SecretForms}: base64, URL-encoded, JSON-escaped,
 * shell-quoted, each line of a multi-line secret), all in one Aho-Corasick automaton, so the cost
 * per char of output does not grow with the number of secrets. Where matches overlap, their union
 * is masked.
 *
 * <p>A value shorter than {@value #MIN_LENGTH} characters is not masked: it would turn every {@code
 * true} or {@code 443} of a log into {@code ***} and tell a reader more than it hides. The caller
 * says so ({@link #maskable}), without the value.
 *
 * <p>Thread-safe: secrets can be added while streams are masking (a script registers one), and
 * apply to the text those streams have not written out yet.
 */
public final class SecretMasker {

  public static final String MASK = "***";

  /** The shortest value that is masked, in characters (code points). */
  public static final int MIN_LENGTH = 4;

  private final Set<String> secrets = new HashSet<>();
  private final Set<String> patterns = new LinkedHashSet<>();
  private int unmasked;

  /** How many chars of each pattern the automata's tries hold ({@link Automaton#DEPTH}). */
  private final int depth;

  /** Whether every pattern is ASCII: then one automaton serves chars and bytes. */
  private boolean ascii = true;

  /**
   * The automata of the patterns, over chars and over bytes, each made when first asked for after
   * the patterns changed (null until then): a masker used one way only (a job's output is masked as
   * bytes, the runner's own lines as text) does not pay for the other at start. When every pattern
   * is ASCII, the byte automaton's steps are the char automaton, made once for both.
   */
  private volatile Automaton automaton = Automaton.EMPTY;

  private volatile ByteAutomaton byteAutomaton = ByteAutomaton.EMPTY;

  public SecretMasker(Collection<String> secrets) {
    this(secrets, Automaton.DEPTH);
  }

  /** A masker whose automata hold {@code depth} chars of each pattern: for tests of the tails. */
  SecretMasker(Collection<String> secrets, int depth) {
    this.depth = depth;
    addAll(secrets);
  }

  /** Whether a value is long enough to be masked; an empty value needs no mask and is not. */
  public static boolean maskable(String secret) {
    String value = SecretForms.trimLineEnds(secret);
    return value.codePointCount(0, value.length()) >= MIN_LENGTH;
  }

  /** Masks {@code secret} too, from now on, also in the text streams have not written out yet. */
  public void add(String secret) {
    addAll(List.of(secret));
  }

  /** {@link #add} for several secrets, with one rebuild of the automaton. */
  public synchronized void addAll(Collection<String> more) {
    boolean widened = false;
    for (String secret : more) {
      if (secret.isEmpty() || !secrets.add(secret)) {
        continue;
      }
      if (maskable(secret)) {
        for (String form : SecretForms.of(secret)) {
          if (patterns.add(form)) {
            widened = true;
            ascii &= isAscii(form);
          }
        }
      } else {
        unmasked++;
      }
    }
    if (widened) {
      automaton = null;
      byteAutomaton = null;
    }
  }

  /** How many distinct non-empty values were given that are too short to be masked. */
  public synchronized int unmasked() {
    return unmasked;
  }

  /** A text that is complete in itself (a line of the runner's own, a message): masked. */
  public String mask(String text) {
    if (automaton() == Automaton.EMPTY) {
      return text;
    }
    MaskingStream stream = stream();
    return stream.write(text) + stream.flush();
  }

  /**
   * A new stream to mask bytes of UTF-8 text that arrive in pieces (one per channel of a process),
   * without decoding them: the same masks as {@link #stream()} gives the decoded text.
   */
  public ByteMaskingStream byteStream() {
    return new ByteMaskingStream(this);
  }

  /** A new stream to mask text that arrives in pieces (one per channel of a process). */
  public MaskingStream stream() {
    return new MaskingStream(this);
  }

  Automaton automaton() {
    Automaton a = automaton;
    return a != null ? a : built();
  }

  ByteAutomaton byteAutomaton() {
    ByteAutomaton a = byteAutomaton;
    return a != null ? a : builtBytes();
  }

  /**
   * The bytes the masker keeps for its patterns and its automata as made so far: the patterns'
   * strings and set entries, and the automata's arrays (the values given are the caller's).
   */
  synchronized long footprint() {
    long bytes = 0;
    for (String p : patterns) {
      bytes += Footprint.SET_ENTRY + Footprint.of(p);
    }
    bytes += (long) secrets.size() * Footprint.SET_ENTRY;
    Automaton a = automaton;
    ByteAutomaton b = byteAutomaton;
    return bytes + (a != null ? a.footprint() : 0) + (b != null ? b.footprint() : 0);
  }

  private synchronized Automaton built() {
    if (automaton == null) {
      ByteAutomaton b = byteAutomaton;
      automaton =
          ascii && b != null ? b.automaton : Automaton.of(patterns, depth, Automaton.DENSE_ENTRIES);
    }
    return automaton;
  }

  private synchronized ByteAutomaton builtBytes() {
    if (byteAutomaton == null) {
      byteAutomaton = ByteAutomaton.of(patterns, depth, ascii ? built() : null);
    }
    return byteAutomaton;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
