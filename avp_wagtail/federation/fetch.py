"""Outbound requests to other installations, made safe.

Only ``http``/``https``; the host is resolved here and every address it resolves to must
be public (no private, loopback, link-local, multicast or reserved address; loopback only
with ``AVP_WAGTAIL["NETWORK_ALLOW_LOOPBACK"]``), and the connection goes to the address
that was checked (no second DNS answer in between). Redirects are followed by hand, each
target checked the same way, at most ``NETWORK_MAX_REDIRECTS``. No cookies are sent or
kept; the body is read up to ``NETWORK_MAX_BYTES``; every read has a timeout and the
whole request a deadline. Conditional requests: ``ETag`` and ``Last-Modified`` of the last
good copy are sent back as ``If-None-Match`` and ``If-Modified-Since``.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from avp_wagtail import __version__
from avp_wagtail.federation.conf import network_setting

USER_AGENT = f"avp-wagtail/{__version__} (AVP KOV network)"
REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A request failed; the message says why, for the admin's "last error"."""


@dataclass
class Response:
    url: str  # after redirects
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def check_url(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path with query) of an address we may request, else FetchError."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise FetchError(_("“%(url)s” is not a web address.") % {"url": url}) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(
            _("Only http:// and https:// addresses can be followed (not “%(url)s”).") % {"url": url}
        )
    if parts.username or parts.password:
        raise FetchError(_("An address with a user name or password is not followed."))
    default = 443 if parts.scheme == "https" else 80
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return parts.scheme, parts.hostname, port or default, path


# IPv6 ranges that carry an IPv4 address inside (IPv4-compatible, NAT64, 6to4, Teredo):
# what they reach depends on the network, so they are never followed.
TRANSLATED_V6 = tuple(
    ipaddress.ip_network(net)
    for net in ("::/96", "64:ff9b::/96", "64:ff9b:1::/48", "2002::/16", "2001::/32")
)


def address_allowed(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    elif isinstance(ip, ipaddress.IPv6Address) and any(ip in net for net in TRANSLATED_V6):
        return ip == ipaddress.IPv6Address("::1") and bool(
            network_setting("NETWORK_ALLOW_LOOPBACK")
        )
    if ip.is_loopback:
        return bool(network_setting("NETWORK_ALLOW_LOOPBACK"))
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def resolve(host: str, port: int) -> str:
    """The one address of ``host`` the request goes to: every address it resolves to must
    be allowed (a name resolving to a public and a private address is refused)."""
    if host == "localhost" or host.endswith(".localhost"):
        # RFC 6761: *.localhost is the loopback interface, whatever a resolver says
        # (many do not resolve subdomains of localhost at all).
        if not address_allowed("127.0.0.1"):
            raise FetchError(
                _("“%(host)s” is a private or local address; only public addresses are followed.")
                % {"host": host}
            )
        return "127.0.0.1"
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(_("The name “%(host)s” was not found.") % {"host": host}) from None
    addresses = [info[4][0] for info in infos]
    if not addresses or not all(address_allowed(address) for address in addresses):
        raise FetchError(
            _("“%(host)s” is a private or local address; only public addresses are followed.")
            % {"host": host}
        )
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


def too_large(limit: int) -> str:
    return _("The document is larger than %(limit)s, the largest document read.") % {
        "limit": filesizeformat(limit)
    }


def _read(response: http.client.HTTPResponse, limit: int, deadline: float) -> bytes:
    length = response.getheader("Content-Length")
    if length and length.isdigit() and int(length) > limit:
        raise FetchError(too_large(limit))
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(_("The source took too long to answer."))
        chunk = response.read1(64 * 1024) if hasattr(response, "read1") else response.read(65536)
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            raise FetchError(too_large(limit))
        chunks.append(chunk)
    return b"".join(chunks)


def _cut(connection: http.client.HTTPConnection, expired: threading.Event) -> None:
    """The deadline passed: end the exchange (a blocked read returns at once)."""
    expired.set()
    sock = connection.sock
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def fetch(url: str, etag: str = "", last_modified: str = "") -> Response:
    """GET ``url`` safely (see the module's docstring); a 304 when the copy is current."""
    timeout = float(network_setting("NETWORK_TIMEOUT"))
    limit = int(network_setting("NETWORK_MAX_BYTES"))
    deadline = time.monotonic() + 3 * timeout
    for _hop in range(int(network_setting("NETWORK_MAX_REDIRECTS")) + 1):
        scheme, host, port, path = check_url(url)
        address = resolve(host, port)
        connection_class = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
        connection = connection_class(host, port, address, timeout)
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json, text/html;q=0.5"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        # The deadline holds for the whole exchange, headers included: a source that
        # answers a byte at a time has its connection cut when the time is up.
        expired = threading.Event()
        watchdog = threading.Timer(max(deadline - time.monotonic(), 0), _cut, (connection, expired))
        watchdog.daemon = True
        watchdog.start()
        try:
            connection.request("GET", path, headers=headers)
            raw = connection.getresponse()
            if raw.status in REDIRECTS:
                location = raw.getheader("Location") or ""
                raw.close()
                if not location:
                    raise FetchError(_("The source redirected to nowhere."))
                url = urljoin(url, location)
                continue
            body = b"" if raw.status == 304 else _read(raw, limit, deadline)
            response = Response(
                url=url,
                status=raw.status,
                body=body,
                headers={key.lower(): value for key, value in raw.getheaders()},
            )
        except (OSError, http.client.HTTPException) as error:
            if expired.is_set() or isinstance(error, TimeoutError | socket.timeout):
                raise FetchError(_("The source took too long to answer.")) from None
            raise FetchError(
                _("The source could not be reached (%(problem)s).")
                % {"problem": error.__class__.__name__}
            ) from None
        finally:
            watchdog.cancel()
            connection.close()
        if expired.is_set():
            raise FetchError(_("The source took too long to answer."))
        if response.status not in (200, 304):
            raise FetchError(
                _("The source answered with HTTP status %(status)d.") % {"status": response.status}
            )
        return response
    raise FetchError(_("The source redirected too many times."))


def same_origin(url: str, other: str) -> bool:
    """Whether two addresses are on the same scheme, host and port."""
    try:
        return check_url(url)[:3] == check_url(other)[:3]
    except FetchError:
        return False
