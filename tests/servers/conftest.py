"""The several-servers test needs PostgreSQL (DATABASE_URL=postgres://...), a Redis server
(REDIS_URL, default redis://127.0.0.1:6379/3) and gunicorn.

Without them (the SQLite runs) its tests are deselected, and the run's summary says why.
Asked for by marker (``-m servers``) they are never deselected: a missing prerequisite is
then a failure, so a CI step that runs ``-m servers`` cannot pass without running them.
"""

import importlib.util
import os
import re
import socket
from urllib.parse import urlparse

import pytest

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/3"
_deselected = []


def redis_url():
    return os.environ.get("REDIS_URL", DEFAULT_REDIS_URL)


def _reachable(host, port):
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def missing_prerequisite():
    """Why the test cannot run here, or None."""
    database = urlparse(os.environ.get("DATABASE_URL", ""))
    if database.scheme not in ("postgres", "postgresql"):
        return "DATABASE_URL is not a PostgreSQL database"
    if not _reachable(database.hostname or "127.0.0.1", database.port or 5432):
        return f"no PostgreSQL at {database.hostname}:{database.port or 5432}"
    redis = urlparse(redis_url())
    if not _reachable(redis.hostname or "127.0.0.1", redis.port or 6379):
        return f"no Redis at {redis.hostname}:{redis.port or 6379} (REDIS_URL)"
    for package in ("gunicorn", "redis", "requests"):
        if importlib.util.find_spec(package) is None:
            return f"{package} is not installed (pip install -e '.[test]')"
    return None


def asked_for(config):
    """Whether the run's -m expression selects the servers marker itself."""
    expression = config.getoption("markexpr", "") or ""
    return re.search(r"(?<!not )\bservers\b", expression) is not None


def pytest_collection_modifyitems(config, items):
    tests = [item for item in items if item.get_closest_marker("servers")]
    if not tests or asked_for(config):
        return
    reason = missing_prerequisite()
    if reason is None:
        return
    items[:] = [item for item in items if item not in tests]
    config.hook.pytest_deselected(items=tests)
    _deselected.append((len(tests), reason))


def pytest_terminal_summary(terminalreporter):
    for count, reason in _deselected:
        terminalreporter.write_line(
            f"tests/servers: {count} test(s) deselected: {reason} "
            "(run them with DATABASE_URL=postgres://... and Redis: -m servers)"
        )


@pytest.fixture(scope="session")
def servers_prerequisites():
    reason = missing_prerequisite()
    if reason is not None:
        pytest.fail(f"the several-servers test cannot run: {reason}")
