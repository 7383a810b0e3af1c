# bench/buildbot-client.py — the buildbot side of bench/buildbot.sh: one PB client that adds
# changes, as `buildbot sendchange` does but on one connection kept open, each change a build on
# the builder its branch names; the master's sqlite store (WAL: reading it never blocks the
# master) tells when the build requests completed. Run it with buildbot's own python3 (twisted).
#
#   buildbot-client.py PORT DB latency COUNT      COUNT builds one at a time on an idle master,
#                                                 change sent → build request complete (polled
#                                                 every 5 ms): the seconds of each, one a line
#   buildbot-client.py PORT DB drain JOBS LINES   JOBS builds over LINES builders, the changes sent
#                                                 as fast as the client can, until the last build
#                                                 request completed: "queued took" in seconds
#
# Exits non-zero when a build did not succeed.
import sqlite3
import sys
import time

from twisted.cred import credentials
from twisted.internet import defer, reactor, task
from twisted.spread import pb

port, db, mode = int(sys.argv[1]), sys.argv[2], sys.argv[3]
store = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
result = []


def completed():
    done, failed = store.execute(
        "SELECT COUNT(*), COALESCE(SUM(results != 0), 0) FROM buildrequests WHERE complete = 1"
    ).fetchone()
    if failed:
        raise RuntimeError("%d builds did not succeed" % failed)
    return done


def change(number, line):
    return {"who": "bench", "files": [], "comments": "bench", "branch": "line-%d" % line,
            "revision": str(number), "category": None, "when": None, "properties": {},
            "repository": "", "project": "", "revlink": "", "src": None}


def pause(seconds):
    return task.deferLater(reactor, seconds, lambda: None)


@defer.inlineCallbacks
def until(count, every):
    while completed() < count:
        yield pause(every)


@defer.inlineCallbacks
def main():
    factory = pb.PBClientFactory()
    reactor.connectTCP("127.0.0.1", port, factory)
    remote = yield factory.login(credentials.UsernamePassword(b"bench", b"made-up-change-pass"))
    base = completed()
    if mode == "latency":
        for i in range(int(sys.argv[4])):
            start = time.monotonic()
            yield remote.callRemote("addChange", change(i, 0))
            yield until(base + i + 1, 0.005)
            result.append("%.4f" % (time.monotonic() - start))
            yield pause(0.2)
    else:
        jobs, lines = int(sys.argv[4]), int(sys.argv[5])
        start = time.monotonic()
        for i in range(jobs):
            yield remote.callRemote("addChange", change(i, i % lines))
        queued = time.monotonic() - start
        yield until(base + jobs, 0.05)
        result.append("%.3f %.3f" % (queued, time.monotonic() - start))
    remote.broker.transport.loseConnection()


def run():
    done = main()
    done.addErrback(lambda failure: (result.append(None), sys.stderr.write(failure.getTraceback())))
    done.addBoth(lambda _: reactor.stop())


reactor.callWhenRunning(run)
reactor.run()
if not result or result[-1] is None:
    sys.exit(1)
print("\n".join(result))
