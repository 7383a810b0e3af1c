#!/usr/bin/env python3
"""CPU time (user + sys, from getrusage) of `shiprun validate samples/params-state` through the
distribution's launcher, for several builds side by side: each argument is a folder holding a
shiprun.jar (the launcher makes its start-up archive beside it on the first run). The builds run
in turn, ROUNDS times (first argument); medians and quartiles are printed, then each build's
median as a ratio of the first's.

  python3 bench/validate-cpu.py 30 /tmp/old-build /tmp/new-build
"""
import os
import resource
import statistics
import subprocess
import sys

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
rounds = int(sys.argv[1])
builds = sys.argv[2:]
launcher = os.path.join(here, "runner", "src", "main", "dist", "bin", "shiprun")
times = {b: [] for b in builds}
env = dict(os.environ)
for build in builds:  # the first run of each build makes its start-up archive
    env["SHIPRUN_LIB"] = build
    subprocess.run([launcher, "validate", "samples/params-state"], cwd=here, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
for _ in range(rounds):
    for build in builds:
        env["SHIPRUN_LIB"] = build
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([launcher, "validate", "samples/params-state"], cwd=here, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times[build].append(1000 * (after.ru_utime - before.ru_utime
                                    + after.ru_stime - before.ru_stime))
base = statistics.median(times[builds[0]])
for build in builds:
    v = sorted(times[build])
    m = statistics.median(v)
    print(f"{build}: median {m:.1f} ms, quartiles {v[len(v) // 4]:.1f}-{v[3 * len(v) // 4]:.1f},"
          f" {m / base:.2f}x the first")
