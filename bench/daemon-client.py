# bench/daemon-client.py — one HTTP client (keep-alive) of shiprun's daemon, for bench/daemon.sh
# and bench/buildbot.sh:
#
#   daemon-client.py drain PORT TOKEN JOBS LINES   JOBS trivial runs triggered over LINES lines as
#                                                  fast as the client can, until the last one ended:
#                                                  prints "queued took" in seconds
#   daemon-client.py latency PORT TOKEN COUNT      COUNT runs one at a time on an idle daemon,
#                                                  trigger → finished (polled every 5 ms): prints
#                                                  the seconds of each, one a line
#
# Exits non-zero when a run did not end in success.
import http.client, json, sys, time

mode, port, token = sys.argv[1], int(sys.argv[2]), sys.argv[3]
h = {"Authorization": "Bearer " + token}
c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
ENDED = ("success", "failure", "error", "cancelled", "timeout", "interrupted")


def call(method, path, body=None, ctype=None):
    headers = dict(h)
    if ctype:
        headers["Content-Type"] = ctype
    c.request(method, path, body=body, headers=headers)
    r = c.getresponse()
    return r.status, r.read()


line = "resources:\n  - name: go\n    type: params\n    versionTemplate: {params: {X: \"1\"}}\njobs:\n  - name: t\n    type: runSh\n    steps:\n      - IN: go\n      - TASK: {script: ['true']}\n"


def put_lines(names):
    for name in names:
        s, b = call("PUT", "/api/lines/" + name, line, "application/yaml")
        assert s in (200, 201), (s, b)


def trigger(name):
    s, b = call("POST", "/api/lines/%s/jobs/t/runs" % name)
    assert s == 202, (s, b)
    return json.loads(b)["id"]


def drain(jobs, lines):
    put_lines(["drain-%d" % i for i in range(lines)])
    start = time.monotonic()
    for i in range(jobs):
        trigger("drain-%d" % (i % lines))
    queued = time.monotonic() - start

    # Done when no run is queued and none is processing (every trigger was queued before this, and
    # a queued run leaves that status only to process). Two answers of at most one run each:
    # listing the ended runs at every poll costs the daemon more than a job.
    def waiting():
        for st in ("queued", "processing"):
            s, b = call("GET", "/api/runs?status=%s&limit=1" % st)
            if json.loads(b):
                return True
        return False

    while waiting():
        time.sleep(0.05)
    took = time.monotonic() - start
    for st in ENDED[1:]:
        s, b = call("GET", "/api/runs?status=%s&limit=1" % st)
        if json.loads(b):
            sys.exit("some runs ended %s" % st)
    print("%.3f %.3f" % (queued, took))


def latency(count):
    put_lines(["latency"])
    for _ in range(count):
        start = time.monotonic()
        run = trigger("latency")
        while True:
            s, b = call("GET", "/api/runs/%d" % run)
            status = json.loads(b)["status"]
            if status in ENDED:
                break
            time.sleep(0.005)
        took = time.monotonic() - start
        if status != "success":
            sys.exit("run %d ended %s" % (run, status))
        print("%.4f" % took)
        time.sleep(0.2)


if mode == "drain":
    drain(int(sys.argv[4]), int(sys.argv[5]))
elif mode == "latency":
    latency(int(sys.argv[4]))
else:
    sys.exit("daemon-client.py: drain or latency, not " + mode)
