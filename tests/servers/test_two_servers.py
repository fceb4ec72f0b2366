"""Two application servers sharing one PostgreSQL database and one Redis, under 50 concurrent
residents who post comments and flag them on both (the several-servers requirement).

Each server is gunicorn with two worker processes on a free loopback port, in a database of
its own (``avp_servers_<pid>``, migrated afresh and dropped afterwards) and Redis database 3
(REDIS_URL), emptied first: config.settings.test_servers. The residents are threads with a
logged-in session each; every one reads the comment form on one server and sends it to the
other, so a form signed by one server is checked by the other. Meanwhile one anonymous
client at another address (127.0.1.1) posts on both servers at once, over the rate limit.
(The residents all come from 127.0.0.1, a trusted network in those settings: the load
measures posting, and the limit is checked at its default on the other address.)

Deselected without PostgreSQL and Redis (tests/servers/conftest.py); ``-m servers`` runs it.
It prints posts per second and latencies (recorded in docs/performance.md).
"""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.comments.helpers import hidden_fields

from .conftest import redis_url

pytestmark = [pytest.mark.servers, pytest.mark.comments]

ROOT = Path(__file__).resolve().parents[2]
RESIDENTS = 50
LOAD_SECONDS = float(os.environ.get("AVP_SERVERS_LOAD_SECONDS", "15"))
WORKERS_PER_SERVER = 2
RATE_CLIENT_ADDRESS = "127.0.1.1"  # loopback, but not the residents' trusted 127.0.0.1
RATE_CLIENT_THREADS = 4  # two on each server at the same moment
RATE_CLIENT_POSTS = 3  # each: 12 in all, over the limit of 5
TIMEOUT = (5, 60)  # connect, read (seconds)


# -- the database, Redis and the servers ----------------------------------------------------


def _server_database():
    """The PostgreSQL server of DATABASE_URL, and a database name of this run's own."""
    url = urlparse(os.environ["DATABASE_URL"])
    name = f"avp_servers_{os.getpid()}"
    connect = {
        "host": url.hostname or "127.0.0.1",
        "port": url.port or 5432,
        "user": url.username or "postgres",
        "password": url.password or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    database_url = url._replace(path=f"/{name}").geturl()
    return connect, name, database_url


def _run(args, env, timeout):
    done = subprocess.run(  # noqa: S603 (our own interpreter and scripts)
        args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{args} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def _wait_until_up(process, base_url, log, requests):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server at {base_url} stopped:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(base_url + "/", timeout=2, allow_redirects=False).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    pytest.fail(f"the server at {base_url} did not answer in 30 s:\n{log.read_text()[-3000:]}")


@pytest.fixture
def two_servers(servers_prerequisites, tmp_path):
    import psycopg
    import redis
    import requests

    connect, name, database_url = _server_database()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test_servers",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url(),
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "example_site")]),
    }
    cache = redis.Redis.from_url(redis_url(), socket_timeout=5)
    processes, logs = [], []
    with psycopg.connect(**connect) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    phases, began = [], time.monotonic()

    def phase(label):
        phases.append(f"{label} {time.monotonic() - began:.1f} s")

    try:
        script = [sys.executable, str(ROOT / "tests" / "servers" / "data.py")]
        cache.flushdb()
        urls = []
        for n in range(2):
            port = _free_port()
            log = tmp_path / f"server-{n}.log"
            command = [
                *(sys.executable, "-m", "gunicorn", "--chdir", str(ROOT / "example_site")),
                *("--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS_PER_SERVER)),
                *("--timeout", "60", "--graceful-timeout", "5", "--preload"),
                "config.wsgi:application",
            ]
            with log.open("w") as out:
                processes.append(
                    subprocess.Popen(  # noqa: S603 (our own interpreter)
                        command, env=env, cwd=ROOT, stdout=out, stderr=out, start_new_session=True
                    )
                )
            logs.append(log)
            urls.append(f"http://127.0.0.1:{port}")
        # Migrated and filled while the servers start (they are asked nothing before).
        data = json.loads(_run([*script, "prepare", str(RESIDENTS)], env, timeout=120))
        phase("migrated and filled")
        for process, url, log in zip(processes, urls, logs, strict=True):
            _wait_until_up(process, url, log, requests)
        phase("servers up")
        print("\nset up: " + ", ".join(phases))

        def report():
            return json.loads(_run([*script, "report"], env, timeout=60))

        yield {"urls": urls, "data": data, "report": report, "logs": logs}
    finally:
        for process in processes:
            _stop(process)
        cache.flushdb()
        with psycopg.connect(**connect) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# -- the clients -------------------------------------------------------------------------------


def _session(source_address=None, session_key=None):
    import requests
    from requests.adapters import HTTPAdapter

    class FromAddress(HTTPAdapter):
        def init_poolmanager(self, *args, **kwargs):
            kwargs["source_address"] = (source_address, 0)
            super().init_poolmanager(*args, **kwargs)

    session = requests.Session()
    if source_address:
        session.mount("http://", FromAddress())
    if session_key:
        session.cookies.set("sessionid", session_key, domain="127.0.0.1", path="/")
    return session


class Record:
    """What every client saw, appended from many threads (list.append is atomic)."""

    def __init__(self):
        self.responses = []  # (kind, server, status, location, seconds, extra)
        self.errors = []

    def add(self, kind, server, response, seconds, **extra):
        location = response.headers.get("Location", "")
        self.responses.append((kind, server, response.status_code, location, seconds, extra))


def _form(session, url, record, server):
    started = time.perf_counter()
    page = session.get(url, timeout=TIMEOUT)
    record.add("page", server, page, time.perf_counter() - started)
    assert page.status_code == 200, page.status_code
    fields = hidden_fields(page.text)
    assert "security_hash" in fields, "the page shows no comment form"
    return fields


def _resident(n, session_key, urls, data, flags, record, start, clock):
    item_url = data["item_url"]
    session = _session(session_key=session_key)
    try:
        start.wait()
        # First the flags, all residents at once: the flags of one comment arrive together.
        for k, comment_id in enumerate(flags):
            server = (n + k) % 2
            fields = _form(session, urls[server] + item_url, record, server)
            started = time.perf_counter()
            response = session.post(
                f"{urls[1 - server]}/comments/flag/{comment_id}/",
                {"reason": "spam", "next": item_url, **_csrf(fields)},
                allow_redirects=False,
                timeout=TIMEOUT,
            )
            record.add(
                "flag", 1 - server, response, time.perf_counter() - started, comment=comment_id
            )
        k = 0
        while time.monotonic() < clock["deadline"]:
            server = (n + k) % 2  # read the form on one server, send it to the other
            fields = _form(session, urls[server] + item_url, record, server)
            text = f"Resident {n}, comment {k}: {uuid.uuid4()}"
            started = time.perf_counter()
            response = session.post(
                f"{urls[1 - server]}/comments/post/",
                {**fields, "comment": text, "mark": "for", "honeypot": ""},
                allow_redirects=False,
                timeout=TIMEOUT,
            )
            elapsed = time.perf_counter() - started
            record.add("post", 1 - server, response, elapsed, text=text, resident=n)
            k += 1
    except Exception as error:  # reported by the test, not lost in the thread
        record.errors.append(f"resident {n}: {error!r}")


def _csrf(fields):
    return {"csrfmiddlewaretoken": fields.get("csrfmiddlewaretoken", "")}


def _rate_client(t, urls, data, record, start, window):
    """One anonymous client (one address) posting on both servers at once, over the limit."""
    session = _session(source_address=RATE_CLIENT_ADDRESS)
    try:
        start.wait()
        period = data["rate_period"]
        # The limit counts per time window: begin well inside one, so that all the posts
        # below fall in the same window.
        remaining = period - time.time() % period
        if remaining < 30:
            time.sleep(remaining + 0.5)
        for k in range(RATE_CLIENT_POSTS):
            server = (t + k) % 2
            fields = _form(session, urls[server] + data["item_url"], record, server)
            text = f"Anonymous, thread {t}, comment {k}: {uuid.uuid4()}"
            window.append(int(time.time() // period))
            started = time.perf_counter()
            response = session.post(
                f"{urls[server]}/comments/post/",
                {
                    **fields,
                    "name": "Kati Karu",
                    "email": "kati@example.ee",
                    "comment": text,
                    "mark": "against",
                    "honeypot": "",
                },
                allow_redirects=False,
                timeout=TIMEOUT,
            )
            window.append(int(time.time() // period))
            record.add("anonymous", server, response, time.perf_counter() - started, text=text)
    except Exception as error:
        record.errors.append(f"anonymous client {t}: {error!r}")


def _flag_plan(data):
    """Which resident flags which comment: every comment "over" is flagged by more residents
    than the threshold, every comment "under" by one fewer than the threshold."""
    over, under = data["over_threshold"], data["under_threshold"]
    threshold = data["flag_threshold"]
    assert RESIDENTS // len(over) > threshold, "too few residents for the flag plan"
    plan = {n: [] for n in range(RESIDENTS)}
    for n in range(RESIDENTS):
        plan[n].append(over[n % len(over)])
        if n // len(under) < threshold - 1:
            plan[n].append(under[n % len(under)])
    return plan


def _percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _server_logs(servers):
    return "\n".join(f"--- {log.name}\n{log.read_text()[-4000:]}" for log in servers["logs"])


# -- the test ----------------------------------------------------------------------------------


def test_two_servers_under_concurrent_residents(two_servers):
    urls, data = two_servers["urls"], two_servers["data"]
    plan = _flag_plan(data)
    record, window, clock = Record(), [], {}

    def go():  # run once, by the last client to arrive, as all are released together
        clock["began"] = time.monotonic()
        clock["deadline"] = clock["began"] + LOAD_SECONDS

    start = threading.Barrier(RESIDENTS + RATE_CLIENT_THREADS, action=go)
    threads = [
        threading.Thread(
            target=_resident,
            args=(n, key, urls, data, plan[n], record, start, clock),
            daemon=True,
        )
        for n, key in enumerate(data["sessions"])
    ] + [
        threading.Thread(
            target=_rate_client, args=(t, urls, data, record, start, window), daemon=True
        )
        for t in range(RATE_CLIENT_THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:  # the residents first: their time is the one measured
        thread.join(timeout=LOAD_SECONDS + 120)
        if thread is threads[RESIDENTS - 1]:
            duration = time.monotonic() - clock["began"]
    assert not any(thread.is_alive() for thread in threads), "a client is still running"
    report = two_servers["report"]()

    posts = [r for r in record.responses if r[0] == "post"]
    flags = [r for r in record.responses if r[0] == "flag"]
    # What it measured (docs/performance.md, "Two servers under concurrent load").
    post_seconds = [r[4] for r in posts]
    page_seconds = [r[4] for r in record.responses if r[0] == "page"]
    print(
        f"\n{len(posts)} comments posted by {RESIDENTS} residents on 2 servers x "
        f"{WORKERS_PER_SERVER} workers in {duration:.1f} s: {len(posts) / duration:.1f} posts/s; "
        f"POST p50 {_percentile(post_seconds, 0.5) * 1000:.0f} ms, "
        f"p95 {_percentile(post_seconds, 0.95) * 1000:.0f} ms; "
        f"page GET p95 {_percentile(page_seconds, 0.95) * 1000:.0f} ms; "
        f"{len(flags)} flags"
    )

    # No client failed, and no server answered with an error.
    assert record.errors == [], record.errors
    server_errors = [r for r in record.responses if r[2] >= 500]
    assert server_errors == [], f"{server_errors[:5]}\n{_server_logs(two_servers)}"

    # Every resident's comment was accepted and published at once ...
    refused = [r[:4] for r in posts if r[2] != 302 or "comment=posted" not in r[3]]
    assert refused == [], refused[:5]
    assert {r[1] for r in posts} == {0, 1}, "both servers took comments"
    # ... and is in the database exactly once, under the id the redirect named, as the
    # resident's; nothing else was stored.
    stored = {}
    for comment in report["comments"]:
        stored.setdefault(comment["text"], []).append(comment)
    for _kind, _server, _status, location, _seconds, extra in posts:
        copies = stored.get(extra["text"], [])
        assert len(copies) == 1, (extra["text"], copies)
        assert location.endswith(f"#c{copies[0]['pk']}")
        assert copies[0]["user"] == f"resident{extra['resident']}"
        assert copies[0]["is_public"]
    resident_comments = [c for c in report["comments"] if (c["user"] or "").startswith("resident")]
    assert len(resident_comments) == len(posts)

    # The flag threshold held: every comment flagged by more residents than the threshold is
    # hidden, and was hidden once; every comment flagged by fewer is still shown.
    threshold = data["flag_threshold"]
    by_pk = {c["pk"]: c for c in report["comments"]}
    for pk in data["over_threshold"]:
        assert not by_pk[pk]["is_public"], pk
        assert by_pk[pk]["hidden_by_flags"], pk
        assert report["flags"].get(str(pk), 0) >= threshold
        times = report["hidden_logs"].get(str(pk))
        assert times == 1, f"comment {pk} hidden by flags {times} times: {report['hidden_logs']}"
        answers = [r[2] for r in flags if r[5]["comment"] == pk]
        assert answers.count(302) >= threshold, answers  # later ones: "no longer shown" (400)
        assert set(answers) <= {302, 400}, answers
    for pk in data["under_threshold"]:
        assert by_pk[pk]["is_public"], pk
        assert not by_pk[pk]["hidden_by_flags"], pk
        assert report["flags"].get(str(pk)) == threshold - 1
        assert str(pk) not in report["hidden_logs"]
        assert [r[2] for r in flags if r[5]["comment"] == pk] == [302] * (threshold - 1)

    # The rate limit held across both servers: the anonymous client, posting on both at once,
    # had exactly the limit accepted (kept for its e-mail confirmation), the rest refused.
    assert len(set(window)) == 1, "the anonymous client's posts spanned two rate windows"
    anonymous = [r for r in record.responses if r[0] == "anonymous"]
    assert {r[1] for r in anonymous} == {0, 1}
    accepted = [r for r in anonymous if r[2] == 302 and "comment=sent" in r[3]]
    assert len(accepted) == data["rate_limit"], [r[:4] for r in anonymous]
    assert sorted(r[2] for r in anonymous if r not in accepted) == [429] * (
        len(anonymous) - data["rate_limit"]
    )
    pending = report["pending"]
    assert sorted(p["text"] for p in pending) == sorted(r[5]["text"] for r in accepted)
    assert {p["ip"] for p in pending} == {RATE_CLIENT_ADDRESS}
