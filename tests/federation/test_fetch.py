"""Outbound requests: only http(s), only public addresses (after DNS and on redirects)."""

from __future__ import annotations

import contextlib

import pytest
from django.utils import translation

from avp_wagtail.federation import fetch as fetch_module
from avp_wagtail.federation.fetch import FetchError, address_allowed, fetch

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def refused(message):
    """``fetch`` raises a FetchError saying ``message``: checked in English, as the error
    speaks the active language (Estonian by default, and a request to the neighbour's pages
    leaves it active)."""
    with translation.override("en"), pytest.raises(FetchError, match=message):
        yield


@pytest.mark.parametrize(
    "address",
    [
        "10.1.2.3",
        "192.168.0.1",
        "172.16.0.1",
        "169.254.169.254",
        "127.0.0.1",
        "::1",
        "fe80::1",
        "0.0.0.0",  # noqa: S104  (an address refused, not a binding)
        "::ffff:127.0.0.1",
        "224.0.0.1",
        "100.64.0.1",
    ],
)
def test_private_local_and_reserved_addresses_are_refused(address):
    assert not address_allowed(address)


def test_loopback_only_when_the_setting_allows_it(settings):
    settings.AVP_WAGTAIL = {**settings.AVP_WAGTAIL, "NETWORK_ALLOW_LOOPBACK": True}
    assert address_allowed("127.0.0.1")
    assert not address_allowed("10.0.0.1")  # private stays refused


def test_public_addresses_are_allowed():
    assert address_allowed("93.184.215.14")
    assert address_allowed("2606:2800:21f:cb07:6820:80da:af6b:8b2c")


@pytest.mark.parametrize(
    "url",
    ["ftp://example.ee/x", "file:///etc/passwd", "javascript:alert(1)", "http://u:p@example.ee/"],
)
def test_only_http_and_https_without_credentials(url):
    with pytest.raises(FetchError):
        fetch(url)


def test_a_name_resolving_to_a_private_address_is_refused(monkeypatch):
    monkeypatch.setattr(
        fetch_module.socket,
        "getaddrinfo",
        lambda *a, **k: [(2, 1, 6, "", ("93.184.215.14", 80)), (2, 1, 6, "", ("10.0.0.5", 80))],
    )
    with refused("private or local"):
        fetch("http://rebind.example/")


def test_a_redirect_to_a_private_address_is_refused(settings, neighbour):
    neighbour.redirects["/go"] = "http://10.0.0.1/secret"
    with refused("private or local"):
        fetch(f"http://127.0.0.1:{neighbour.port}/go")
    neighbour.redirects["/loop"] = "/loop"
    with refused("too many"):
        fetch(f"http://127.0.0.1:{neighbour.port}/loop")


def test_loopback_is_refused_without_the_setting(neighbour, settings):
    settings.AVP_WAGTAIL = {**settings.AVP_WAGTAIL, "NETWORK_ALLOW_LOOPBACK": False}
    with refused("private or local"):
        fetch(f"http://127.0.0.1:{neighbour.port}/.well-known/avp-network.json")
    assert neighbour.requests == []


def test_no_cookie_is_sent_and_the_client_says_who_it_is(neighbour):
    fetch(f"http://127.0.0.1:{neighbour.port}/.well-known/avp-network.json")
    (headers,) = neighbour.headers
    assert not {name.lower() for name in headers} & {"cookie", "authorization"}
    assert headers["User-Agent"].startswith("avp-wagtail/")


def test_subdomains_of_localhost_are_loopback(settings, monkeypatch):
    """RFC 6761: refused as loopback, and with loopback allowed, reached at 127.0.0.1 even
    where the resolver does not know the name (the demo's naaber.localhost)."""
    with refused("private or local"):
        fetch("http://naaber.localhost:8000/")
    settings.AVP_WAGTAIL = {**settings.AVP_WAGTAIL, "NETWORK_ALLOW_LOOPBACK": True}
    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", None)  # never asked
    assert fetch_module.resolve("naaber.localhost", 8000) == "127.0.0.1"
