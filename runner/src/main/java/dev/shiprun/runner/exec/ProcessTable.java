package dev.shiprun.runner.exec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds the live processes of a {@link ProcessTree} by reading /proc (Linux). */
final class ProcessTable {

  private static final int MAX_COMMAND_LINE = 500;

  /** Up to this many pids handed out since a window opened are read one by one. */
  private static final long PROBE_LIMIT = 256;

  private final Path proc;
  private final long self = ProcessHandle.current().pid();

  ProcessTable(Path proc) {
    this.proc = proc;
  }

  /** Whether processes can be seen here at all (Linux, with /proc mounted). */
  boolean isReadable() {
    return Files.isReadable(proc.resolve("self/stat"));
  }

  /**
   * Where processes created from now on will be in the pid space; empty when this system does not
   * say (then every search reads every process).
   */
  Optional<PidWindow> window() {
    long lastPid = number(readSysctl(proc.resolve("sys/kernel/ns_last_pid")));
    long forks = forks();
    return lastPid > 0 && forks > 0 ? Optional.of(new PidWindow(lastPid, forks)) : Optional.empty();
  }

  /** The live (not zombie) processes of the tree. */
  List<ProcessHandle> find(ProcessTree tree) {
    List<ProcessHandle> handles = new ArrayList<>();
    for (long pid : pids(tree)) {
      ProcessHandle.of(pid).ifPresent(handles::add);
    }
    return handles;
  }

  /** The pids of the live processes of the tree, as /proc lists them. */
  List<Long> pids(ProcessTree tree) {
    Optional<PidWindow> window =
        tree.window().filter(w -> w.holdsEverythingSince(forks(), pidMax()));
    Map<Long, Stat> live = liveProcesses(window);
    byte[] entry = tree.token().environmentEntry();
    Set<Long> found = new LinkedHashSet<>();
    Optional<ProcessHandle> root = tree.root();
    boolean rootAlive = root.isPresent() && root.get().isAlive();
    if (rootAlive) {
      found.add(root.get().pid());
    }
    // A cgroup's members are the run's whatever their environment, session or parent, and may be
    // outside the window when pids wrapped: read them as listed.
    for (JobCgroup cgroup : tree.cgroups()) {
      for (long pid : cgroup.pids()) {
        if (pid != self && !live.containsKey(pid)) {
          Stat.parse(read(proc.resolve(Long.toString(pid)).resolve("stat")))
              .filter(Stat::isLive)
              .ifPresent(stat -> live.put(pid, stat));
        }
        found.add(pid);
      }
    }
    for (long pid : live.keySet()) {
      if (carries(pid, entry, tree.tokenPrefix())) {
        found.add(pid);
      }
    }
    // A group id cannot be reused while the group has members; once the root is gone and its
    // pid belongs to another process, the root's group is gone too.
    if (tree.rootLeadsGroup() && root.isPresent() && (rootAlive || !exists(root.get().pid()))) {
      long group = root.get().pid();
      live.forEach(
          (pid, stat) -> {
            if (stat.group() == group) {
              found.add(pid);
            }
          });
    }
    found.retainAll(live.keySet());
    return withDescendants(found, live);
  }

  /** The command line as shown by ps, or {@code [name]} when there is none. */
  String commandLine(long pid) {
    Path dir = proc.resolve(Long.toString(pid));
    String line = read(dir.resolve("cmdline")).replace('\0', ' ').strip();
    if (line.isEmpty()) {
      line = "[" + read(dir.resolve("comm")).strip() + "]";
    }
    return line.length() > MAX_COMMAND_LINE ? line.substring(0, MAX_COMMAND_LINE) + "…" : line;
  }

  private static List<Long> withDescendants(Set<Long> found, Map<Long, Stat> live) {
    Map<Long, List<Long>> children = new HashMap<>();
    live.forEach(
        (pid, stat) -> children.computeIfAbsent(stat.parent(), p -> new ArrayList<>()).add(pid));
    Set<Long> all = new LinkedHashSet<>();
    Deque<Long> queue = new ArrayDeque<>(found);
    while (!queue.isEmpty()) {
      long pid = queue.removeFirst();
      if (all.add(pid)) {
        queue.addAll(children.getOrDefault(pid, List.of()));
      }
    }
    return new ArrayList<>(all);
  }

  /** Every live process, or those that may have started within the window. */
  private Map<Long, Stat> liveProcesses(Optional<PidWindow> window) {
    Map<Long, Stat> live = new HashMap<>();
    if (window.isPresent()) {
      // Without a wrap, what started since the window opened has a pid up to the last one handed
      // out now: a short script's check reads a handful of entries, not a listing of every
      // process on the machine (a wrapped pid space also leaves old processes above the window).
      long from = window.get().lastPid();
      long to = number(readSysctl(proc.resolve("sys/kernel/ns_last_pid")));
      if (to >= from && to - from <= PROBE_LIMIT) {
        for (long pid = from + 1; pid <= to; pid++) {
          if (pid != self) {
            long found = pid;
            Stat.parse(read(proc.resolve(Long.toString(pid)).resolve("stat")))
                .filter(Stat::isLive)
                .ifPresent(stat -> live.put(found, stat));
          }
        }
        return live;
      }
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, ProcessTable::isPid)) {
      for (Path dir : dirs) {
        long pid = Long.parseLong(dir.getFileName().toString());
        if (pid == self || pid == 1 || (window.isPresent() && !window.get().mayHoldNew(pid))) {
          continue;
        }
        Optional<Stat> stat = Stat.parse(read(dir.resolve("stat")));
        stat.filter(Stat::isLive).ifPresent(s -> live.put(pid, s));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list the processes in " + proc + ": " + e, e);
    }
    return live;
  }

  /** All forks since boot ({@code processes} in /proc/stat), or 0 when unknown. */
  private long forks() {
    String stat = read(proc.resolve("stat"));
    int at = stat.indexOf("\nprocesses ");
    if (at < 0) {
      return 0;
    }
    int end = stat.indexOf('\n', at + 1);
    return number(stat.substring(at + "\nprocesses ".length(), end < 0 ? stat.length() : end));
  }

  /** {@code /proc/sys/kernel/pid_max}, or 0 when unknown (no window is then trusted). */
  private long pidMax() {
    return number(readSysctl(proc.resolve("sys/kernel/pid_max")));
  }

  /**
   * A /proc/sys value, read in one call: these files answer only a read from their start ({@link
   * Files#readAllBytes} reads one byte first and then gets the end of the file).
   */
  private static String readSysctl(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(64), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return "";
    }
  }

  private static long number(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private boolean exists(long pid) {
    return Files.exists(proc.resolve(Long.toString(pid)));
  }

  /**
   * Whether the environment the process started with holds exactly {@code entry} (or an entry that
   * starts with it).
   */
  private boolean carries(long pid, byte[] entry, boolean prefix) {
    byte[] environ;
    try {
      environ = Files.readAllBytes(proc.resolve(pid + "/environ"));
    } catch (IOException e) {
      return false; // gone, or not ours to read
    }
    int start = 0;
    while (start < environ.length) {
      int end = start;
      while (end < environ.length && environ[end] != 0) {
        end++;
      }
      int length = prefix ? Math.min(end - start, entry.length) : end - start;
      if (length == entry.length
          && Arrays.equals(environ, start, start + length, entry, 0, entry.length)) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  private static boolean isPid(Path dir) {
    String name = dir.getFileName().toString();
    return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The fields of /proc/PID/stat that matter here. */
  record Stat(char state, long parent, long group) {

    /** Parses {@code pid (comm) state ppid pgrp …}; comm may hold spaces and parentheses. */
    static Optional<Stat> parse(String text) {
      int close = text.lastIndexOf(')');
      if (close < 0) {
        return Optional.empty();
      }
      String[] fields = text.substring(close + 1).strip().split(" ");
      if (fields.length < 3 || fields[0].isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            new Stat(fields[0].charAt(0), Long.parseLong(fields[1]), Long.parseLong(fields[2])));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    /** Zombies and dead processes hold nothing and cannot be signalled. */
    boolean isLive() {
      return state != 'Z' && state != 'X' && state != 'x';
    }
  }
}
