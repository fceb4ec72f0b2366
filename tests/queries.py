"""Counting the database queries of one page view: performance targets are query counts."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def page_queries(client, url, **extra):
    """The number of queries of a GET of ``url`` (after a first GET that warms per-process
    caches), and the response, which must be a 200."""
    client.get(url, **extra)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **extra)
    assert response.status_code == 200, url
    return len(ctx.captured_queries), response
