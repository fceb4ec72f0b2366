"""The checks of the hostile-input campaign (tests/security/test_hostile_input.py, and its
part about the discussion, tests/comments/test_hostile_input.py): the corpus with one token
per value, and what may not become of a value in HTML, CSV, feeds, calendars and JSON."""

import csv
import io
import json
import re
import sys
from html.parser import HTMLParser
from urllib.parse import urlencode
from xml.dom import minidom

from django.test import Client
from wagtail.models import Site

from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    MeetingProtocolPage,
    NetworkPage,
)

from .hostile_values import CORPUS, marked

# One token per corpus entry: "hv0000x" ... (never a prefix of another).
TOKENS = {f"hv{index:04d}x": marked(value, f"hv{index:04d}x") for index, value in enumerate(CORPUS)}
VALUES = list(TOKENS.items())  # (token, text)
TOKEN_RE = re.compile(r"hv\d{4}x")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "background"}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")


def spread(values, count):
    """About ``count`` values picked evenly over the list (so over every category)."""
    step = max(1, len(values) // count)
    return values[::step]


def short(values, length):
    return [(token, text) for token, text in values if len(text) <= length]


# --- checks -----------------------------------------------------------------------------


class _Markup(HTMLParser):
    """Finds elements, attributes and scripts that a value created."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.raw_text = None  # "script" or "style" while inside one (not JSON-LD)

    def handle_starttag(self, tag, attrs):
        if TOKEN_RE.search(tag):
            self.problems.append(f"element <{tag}> created by a value")
        for name, value in attrs:
            if TOKEN_RE.search(name):
                self.problems.append(f"attribute {name!r} created by a value in <{tag}>")
                continue
            if not value or not TOKEN_RE.search(value):
                continue
            lowered = name.lower()
            token_text = TOKENS.get(TOKEN_RE.search(value).group(), "")
            if lowered.startswith("on") or lowered in ("style", "srcdoc"):
                self.problems.append(f"<{tag} {name}={value[:80]!r}> carries a value")
            elif lowered in URL_ATTRIBUTES and re.sub(r"[\x00-\x20]", "", value).lower().startswith(
                SCRIPT_SCHEMES
            ):
                self.problems.append(f"<{tag} {name}={value[:80]!r}>: a script link")
            elif self._set_by_value(name, value, token_text):
                self.problems.append(f"<{tag} {name}={value[:80]!r}> set by a value")
        if tag in ("script", "style"):
            kind = dict(attrs).get("type", "")
            self.raw_text = None if kind == "application/ld+json" else tag

    @staticmethod
    def _set_by_value(name, value, text):
        """The value names this attribute (``x" name="...``) and the attribute holds what
        follows in the value, as it is: the value broke out of another attribute."""
        for match in re.finditer(rf"(^|[\s\"'`/]){re.escape(name)}\s*=\s*[\"'`]?", text):
            token = TOKEN_RE.search(text, match.end())
            if token and text[match.end() : token.end()] in value:
                return True
        return False

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.raw_text = None

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.raw_text = None

    def handle_data(self, data):
        if self.raw_text and TOKEN_RE.search(data):
            self.problems.append(f"<{self.raw_text}> contains a value: {data[:80]!r}")


JSON_LD_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def html_problems(body, where):
    """Problems of one HTML document (or fragment): see the module docstring."""
    if not TOKEN_RE.search(body):
        return []
    problems = []
    for block in JSON_LD_RE.findall(body):
        try:
            json.loads(block)
        except ValueError:
            problems.append(f"{where}: JSON-LD is not valid JSON: {block[:120]!r}")
    outside_json = JSON_LD_RE.sub("", body)
    for token in sorted(set(TOKEN_RE.findall(outside_json))):
        text = TOKENS[token]
        start = text.index(token) if token in text else -1
        if start < 0:
            continue
        end = start + len(token)
        # The value's text from its nearest "<" or ">" to the token (and on to the next):
        # found as it is, the value's markup reached the page unescaped.
        before = max(text.rfind("<", 0, start), text.rfind(">", 0, start))
        after = min((i for i in (text.find("<", end), text.find(">", end)) if i >= 0), default=-1)
        # One character more on each side: a token followed by the page's own "</p>" is
        # not the value's "<script>".
        for fragment in (
            text[max(before - 1, 0) : end] if before >= 0 else None,
            text[start : after + 2] if after >= 0 else None,
        ):
            if fragment and fragment in outside_json:
                problems.append(f"{where}: unescaped {fragment[:80]!r} (value {token})")
                break
    parser = _Markup()
    parser.feed(body)
    parser.close()
    problems.extend(f"{where}: {problem}" for problem in parser.problems)
    return problems


def csv_problems(text, where):
    csv.field_size_limit(sys.maxsize)
    problems = []
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        for cell in row:
            if cell.startswith(FORMULA_STARTS):
                problems.append(f"{where}: row {number}: formula cell {cell[:60]!r}")
    return problems


def feed_problems(body, where):
    """A feed is well-formed XML; its HTML parts (RSS description, Atom summary/content of
    type html) are checked as HTML, as a feed reader renders them."""
    try:
        document = minidom.parseString(body)
    except Exception as error:
        return [f"{where}: not well-formed XML: {error}"]
    problems = []
    for name in ("description", "summary", "content"):
        for element in document.getElementsByTagName(name):
            if name != "description" and element.getAttribute("type") not in ("html", ""):
                continue
            text = "".join(node.data for node in element.childNodes if node.nodeType in (3, 4))
            problems.extend(html_problems(text, f"{where} <{name}>"))
    return problems


def ics_problems(text, where):
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    lines = unfolded.splitlines()
    problems = [f"{where}: injected line {line[:60]!r}" for line in lines if "HV-INJECTED" in line]
    if sum(line == "BEGIN:VEVENT" for line in lines) != sum(line == "END:VEVENT" for line in lines):
        problems.append(f"{where}: unbalanced VEVENT")
    return problems


def body_of(response):
    if not hasattr(response, "_hostile_body"):
        if getattr(response, "streaming", False):
            raw = b"".join(response.streaming_content)
        else:
            raw = response.content
        response._hostile_body = raw.decode("utf-8", "replace")
    return response._hostile_body


def fetch(client, url, where=None, **extra):
    """GET ``url`` and check it by its content type; returns (response, problems)."""
    where = where or url[:120]
    response = client.get(url, **extra)
    if response.status_code >= 500:
        return response, [f"{where}: {response.status_code}"]
    return response, check_response(response, where)


def check_response(response, where):
    if response.status_code >= 500:
        return [f"{where}: {response.status_code}"]
    kind = response.get("Content-Type", "")
    body = body_of(response)
    if "html" in kind:
        return html_problems(body, where)
    if "csv" in kind:
        return csv_problems(body, where)
    if kind.startswith(("application/rss", "application/atom", "application/xml", "text/xml")):
        return feed_problems(body.encode(), where)
    if "calendar" in kind:
        return ics_problems(body, where)
    if "json" in kind:
        try:
            json.loads(body)
        except ValueError:
            return [f"{where}: not valid JSON"]
    return []


def tokens_in(response):
    """The corpus tokens a response shows (to check the values did reach it)."""
    return set(TOKEN_RE.findall(body_of(response)))


def report(problems):
    unique = list(dict.fromkeys(problems))
    assert not unique, f"{len(unique)} problems:\n" + "\n".join(unique[:60])


# --- the pages and the clients ----------------------------------------------------------


def pages_of(programme):
    """The pages of the programme built by tests/security/conftest.py."""
    # The discussed action, translated into English (see conftest.py).
    item = ActionItemPage.objects.descendant_of(programme).order_by("path").first()
    english = ActionItemPage.objects.get(
        translation_key=item.translation_key, locale__language_code="en"
    )
    return {
        "programme": programme,
        "item": item,
        "item_en": english,
        "plan": ActionPlanPage.objects.descendant_of(programme).get(),
        "call": CallToParticipatePage.objects.descendant_of(programme).get(),
        "network": NetworkPage.objects.descendant_of(programme).get(),
        "meeting": MeetingProtocolPage.objects.descendant_of(programme).first(),
        "home": Site.objects.get(is_default_site=True).root_page.specific,
        "neighbour_network": NetworkPage.objects.exclude(
            pk__in=programme.get_descendants()
        ).first(),
    }


def superuser_client_of(django_user_model):
    """The municipality's superuser (another client than the resident's ``client``)."""
    user = django_user_model.objects.create_superuser(
        "hostile-admin", "hostile-admin@example.ee", "pw", first_name="Kaja"
    )
    superuser = Client(raise_request_exception=False)
    superuser.force_login(user)
    return superuser


def public_urls(pages):
    """Every public page, feed, calendar and export where a value can appear."""
    plan, programme = pages["plan"], pages["programme"]
    urls = [page.url for page in pages.values() if page is not None]
    for page in (plan, programme):
        urls += [page.url + suffix for suffix in ("feed/rss/", "feed/atom/", "calendar/")]
    urls += [plan.url + "open-data/json/", plan.url + "open-data/csv/"]
    urls += [pages["item"].url + "open-data/json/"]
    return urls


def admin_search_problems(client, urls):
    """Hostile search terms (NUL among them) and filter values in the admin listings."""
    problems = []
    sample = [v for v in VALUES if "\x00" in v[1]][:3] + spread(short(VALUES, 5000), 12)
    for url in urls:
        for token, text in sample:
            query = urlencode({"q": text, "call": text, "plan": text, "status": text, "p": text})
            problems += fetch(client, f"{url}?{query}", f"{url}?q={token}")[1]
        problems += fetch(client, f"{url}?q=%ff%fe&p=%c0%af")[1]
    return problems
