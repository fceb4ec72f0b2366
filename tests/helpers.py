"""Small helpers shared by the tests.

Pages render in their own language, so an assertion on interface text looks the message up
in that language rather than hard-coding the translation: ``assert et("Delayed") in html``.
"""

import contextlib
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import translation
from wagtail.signal_handlers import disable_reference_index_auto_update


def translated(language, message, **values):
    """``message`` (a msgid) in ``language``, %-formatted with ``values`` if given."""
    with translation.override(language):
        text = translation.gettext(message)
    return text % values if values else text


def et(message, **values):
    """The Estonian text of ``message`` (the example site's default language)."""
    return translated("et", message, **values)


def ru(message, **values):
    """The Russian text of ``message``."""
    return translated("ru", message, **values)


@contextlib.contextmanager
def rolled_back(django_db_blocker):
    """For a module-scoped fixture that builds its data once (like TestCase.setUpTestData):
    what is built inside stays for the module's tests, in a transaction that is rolled back
    afterwards; each test runs in a savepoint within it, so tests cannot see each other's
    changes. The reference index is not updated meanwhile (it only slows the build)::

        @pytest.fixture(scope="module")
        def _programme_pk(django_db_setup, django_db_blocker):
            with rolled_back(django_db_blocker):
                yield translated_programme().pk
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with disable_reference_index_auto_update():
                yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


class PageLinks(HTMLParser):
    """The links of a page (``links``: (path, attrs, text)), the breadcrumb nav's attributes
    and links (``breadcrumbs``: {"attrs", "links"}) and its ``html``; see ``get_page``."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.breadcrumbs = None
        self.html = ""
        self._nav = None
        self._link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and "avp-breadcrumbs" in (attrs.get("class") or ""):
            self._nav = {"attrs": attrs, "links": []}
        elif tag == "a" and attrs.get("href") is not None:
            self._link = [attrs["href"], attrs, ""]

    def handle_data(self, data):
        if self._link is not None:
            self._link[2] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            href, attrs, text = self._link
            link = (urlsplit(href).path, attrs, " ".join(text.split()))
            self.links.append(link)
            if self._nav is not None:
                self._nav["links"].append(link)
            self._link = None
        elif tag == "nav" and self._nav is not None:
            self.breadcrumbs = self._nav
            self._nav = None


def get_page(client, page):
    """``page`` as a resident gets it on its own site (the Host of its full URL), parsed
    into ``PageLinks``."""
    url = urlsplit(page.get_full_url())
    response = client.get(url.path, HTTP_HOST=url.netloc)
    assert response.status_code == 200, page.url
    parsed = PageLinks()
    parsed.html = response.content.decode()
    parsed.feed(parsed.html)
    return parsed


def path_of(page):
    """The path of ``page``'s full URL (as links on any site give it)."""
    return urlsplit(page.get_full_url()).path


def english_admin(user):
    """``user`` works in an English admin (messages are checked in English; a new user's
    admin speaks LANGUAGE_CODE, Estonian). Returns the user."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user
