"""The neighbouring municipality's installation for the network tests (also the browser
test): its pages are built in the test database on a second site whose address is a
loopback port, their network and open data documents generated from those pages and
served by a tiny HTTP server thread on that port (with ETags and 304s, like a real
installation). A test can take the source down, make it slow, redirect, or serve anything
in place of a document."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from django.test import Client

from avp_wagtail.core.sites import full_url
from avp_wagtail.federation.document import programme_document, site_document
from avp_wagtail.open_data.export import plan_export
from tests.builders import make_item, make_plan, make_programme, make_site


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        server = self.server.neighbour
        server.requests.append((self.path, self.headers.get("If-None-Match", "")))
        server.headers.append(dict(self.headers))
        if server.delay:
            time.sleep(server.delay)
        if server.down:
            self.send_response(503)
            self.end_headers()
            return
        if self.path in server.redirects:
            self.send_response(302)
            self.send_header("Location", server.redirects[self.path])
            self.end_headers()
            return
        found = server.docs.get(self.path)
        if found is None:
            self.send_response(404)
            self.end_headers()
            return
        body, content_type = found
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)


class Neighbour:
    """The neighbour's installation: its site, pages and the server publishing them."""

    def __init__(self):
        self.docs = {}
        self.requests = []
        self.headers = []
        self.redirects = {}
        self.down = False
        self.delay = 0
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.neighbour = self
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def build(self):
        self.site = make_site("127.0.0.1", title="Naabri vald", slug="naabri")
        self.site.port = self.port
        self.site.save()
        self.programme = make_programme(self.site.root_page, in_network=True)
        self.plan = make_plan(self.programme, themes=("Noored", "Külad"), title="Naabri kava")
        self.item = make_item(
            self.plan,
            1,
            title="Noortevolikogu",
            summary="Noored arutavad valla otsuseid.",
            problem="<p>Noored ei tea, kuidas kaasa rääkida.</p>",
            theme=self.plan.themes.get(title="Noored"),
            status="in_progress",
            progress=40,
        )
        self.other = make_item(self.plan, 2, title="Külapäevad", summary="Külade päevad.")
        self.publish()
        return self

    def path(self, page):
        return urlsplit(full_url(page)).path

    def url(self, page):
        return full_url(page)

    def publish(self):
        """Generate every document from the pages as they are now."""
        as_json = lambda data: (json.dumps(data).encode(), "application/json")  # noqa: E731
        programme_path = self.path(self.programme)
        html = Client().get(programme_path, HTTP_HOST=f"127.0.0.1:{self.port}")
        assert html.status_code == 200
        self.docs.update(
            {
                "/.well-known/avp-network.json": as_json(site_document(self.site)),
                programme_path: (html.content, "text/html; charset=utf-8"),
                programme_path + "network/json/": as_json(programme_document(self.programme)),
                self.path(self.plan) + "open-data/json/": as_json(plan_export(self.plan)),
            }
        )

    @property
    def network_path(self):
        return self.path(self.programme) + "network/json/"

    @property
    def plan_path(self):
        return self.path(self.plan) + "open-data/json/"
