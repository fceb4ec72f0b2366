"""The fetcher's limits that a hostile source tries first: addresses that wrap a private
IPv4 address in IPv6, and a source that sends its headers a byte at a time."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from django.utils import translation

from avp_wagtail.federation.fetch import FetchError, address_allowed, fetch

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "address",
    [
        "::127.0.0.1",  # IPv4-compatible
        "::a9fe:a9fe",
        "64:ff9b::a9fe:a9fe",  # NAT64 to 169.254.169.254
        "64:ff9b:1::a00:1",
        "2002:a9fe:a9fe::1",  # 6to4
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
    ],
)
def test_ipv6_addresses_that_carry_an_ipv4_address_are_refused(address):
    assert not address_allowed(address)


def test_a_public_ipv6_address_is_allowed():
    assert address_allowed("2a00:1450:4001:82a::200e")


@pytest.fixture
def trickling_server():
    """Answers with a status line and then one header byte every 0.3 s, forever."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    stop = threading.Event()

    def serve():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                conn.recv(4096)
                conn.sendall(b"HTTP/1.1 200 OK\r\n")
                try:
                    while not stop.is_set():
                        conn.sendall(b"X")
                        time.sleep(0.3)
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    server.close()


def test_a_source_trickling_its_headers_is_cut_at_the_deadline(settings, trickling_server):
    settings.AVP_WAGTAIL = {
        **settings.AVP_WAGTAIL,
        "NETWORK_ALLOW_LOOPBACK": True,
        "NETWORK_TIMEOUT": 1,  # each read; the whole request: 3 s
    }
    started = time.monotonic()
    with translation.override("en"), pytest.raises(FetchError, match="took too long"):
        fetch(f"http://127.0.0.1:{trickling_server}/network.json")
    assert time.monotonic() - started < 6
