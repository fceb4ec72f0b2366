"""The project's own hostile-input campaign (issue 13): the corpus of hostile_values.py is
posted into every public form field, query parameter and admin import/borrow file, then
every page, feed, calendar, export and admin listing where a value could appear is fetched.

Asserted everywhere: no 5xx; no unescaped reflection (each value carries a unique token, and
no element, attribute, script or ``javascript:`` link may come from a value); no formula
cell in any CSV; nothing half-written (a rejected comment, follow, import or borrow stores
nothing). Problems are collected per test and reported together.

The pages are built once per module (tests/security/conftest.py); each test runs in a
savepoint. Posts in bulk are sent as the site's superuser (officials are never rate-limited)
and, for residents, from a different address each time (so that the rate limits, which are
tested elsewhere, let the corpus through)."""

import csv
import io
import json
import re
import sys
from html.parser import HTMLParser
from xml.dom import minidom

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page, Site

from avp_wagtail.comments.models import AvpComment
from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    InterestSubmission,
    ItemFollower,
    MeetingProtocolPage,
    NetworkPage,
)
from tests.comments.helpers import POST_URL, hidden_fields

from .hostile_values import (
    CORPUS,
    INVALID_UTF8_BYTES,
    MARKED_CATEGORIES,
    PERCENT_ENCODED_INVALID_UTF8,
    PLACEHOLDER,
    marked,
    nested_json,
    nested_json_object,
)

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


# --- fixtures ---------------------------------------------------------------------------


@pytest.fixture
def pages(security_programme):
    programme = security_programme
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


@pytest.fixture
def client(client):
    """A server error is answered with a 500 (and reported), not raised in the test."""
    client.raise_request_exception = False
    return client


@pytest.fixture
def superuser_client(db, django_user_model):
    """The municipality's superuser (another client than the resident's ``client``)."""
    from django.test import Client

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


def admin_comment_urls(client):
    """The comment listing (every page of it)."""
    urls = []
    response = client.get("/admin/avp/comments/")
    last = max([int(n) for n in re.findall(r"[?&]p=(\d+)", body_of(response))] or [1])
    urls += [f"/admin/avp/comments/?p={number}" for number in range(1, last + 1)]
    return urls


# --- the corpus itself ----------------------------------------------------------------


def test_corpus_has_at_least_300_values_of_every_kind():
    assert len(CORPUS) >= 300
    categories = {value.category for value in CORPUS}
    assert {
        "xss",
        "attribute",
        "javascript_url",
        "unicode",
        "control",
        "formula",
        "integer",
        "huge",
    } <= categories
    assert all(PLACEHOLDER in v.text for v in CORPUS if v.category in MARKED_CATEGORIES)
    assert any("\x00" in v.text for v in CORPUS)
    assert any(len(v.text) >= 1024 * 1024 for v in CORPUS)
    assert any(v.text == "9" * 30 for v in CORPUS)
    assert len(INVALID_UTF8_BYTES) >= 5
    assert len(TOKENS) == len(CORPUS)


def test_checks_find_what_they_look_for():
    """The checks themselves: an unescaped value is found, an escaped one is not."""
    from django.utils.html import escape

    _token, text = next((t, v) for t, v in VALUES if v.startswith("<img src=x onerror"))
    assert html_problems(f"<p>{text}</p>", "raw")
    assert not html_problems(f"<p>{escape(text)}</p>", "escaped")
    _token, text = next((t, v) for t, v in VALUES if v.startswith('" onmouseover="'))
    assert html_problems(f'<input value="{text}">', "raw attribute")
    assert not html_problems(f'<input value="{escape(text)}">', "escaped attribute")
    assert csv_problems('a,"=1+1"\r\n', "csv")
    assert not csv_problems("a,'=1+1\r\n", "csv")


# --- comments -------------------------------------------------------------------------


def _comment_form(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    data = hidden_fields(response.content.decode())
    assert "security_hash" in data
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_comment_text_and_role_as_official(pages, superuser_client):
    """Every value as a comment's text (and, when short, as the official's role), posted by
    the municipality's superuser on the Estonian and the English page; then the pages and
    the admin listing."""
    item, english = pages["item"], pages["item_en"]
    forms = {
        item.pk: _comment_form(superuser_client, item),
        english.pk: _comment_form(superuser_client, english),
    }
    problems = []
    for number, (token, text) in enumerate(VALUES):
        page = english if number % 5 == 0 else item
        _role_token, role = VALUES[(number + 7) % len(VALUES)]
        data = {
            **forms[page.pk],
            "comment": text,
            "mark": ("for", "against", "neutral")[number % 3],
            "official_response": "on" if number % 2 else "",
            "official_role": role if len(role) <= 100 and number % 2 else "",
        }
        before = AvpComment.objects.count()
        response = superuser_client.post(POST_URL, data)
        problems += check_response(response, f"post comment {token}")
        stored = AvpComment.objects.count() - before
        if response.status_code >= 400 and stored:
            problems.append(f"comment {token}: rejected ({response.status_code}) but stored")
        if response.status_code == 302 and stored != 1:
            problems.append(f"comment {token}: accepted but {stored} stored")
    stored = list(AvpComment.objects.filter(comment__regex=r"hv[0-9]{4}x"))
    assert len(stored) >= 250, "most of the corpus is a valid comment text"
    response, found = fetch(superuser_client, item.url)
    problems += found
    assert len(tokens_in(response)) >= 250, "the page shows the posted comments"
    for url in [
        english.url,
        pages["plan"].url,
        *admin_comment_urls(superuser_client),
        "/admin/",
    ]:
        problems += fetch(superuser_client, url)[1]
    for comment in stored[::10]:
        problems += fetch(superuser_client, f"/admin/avp/comments/inspect/{comment.pk}/")[1]
    report(problems)


def test_comment_fields_as_anonymous_residents(pages, client):
    """A sample as a resident's name, e-mail address and text, each from another address;
    the confirmation link publishes it. The confirmation e-mail gets no extra recipient."""
    item = pages["item"]
    form = _comment_form(client, item)
    problems = []
    sample = spread(short(VALUES, 5000), 70)
    for number, (token, text) in enumerate(sample):
        address = f"10.13.{number // 200}.{number % 200 + 1}"
        email = text if "@" in text else f"{token}@example.ee"
        data = {
            **form,
            "name": text[:50],
            "email": email,
            "comment": f"{text} ({token}).",
            "mark": "for",
        }
        mail.outbox.clear()
        before = AvpComment.objects.count()
        response = client.post(POST_URL, data, REMOTE_ADDR=address)
        problems += check_response(response, f"anonymous comment {token}")
        if response.status_code >= 400 and (AvpComment.objects.count() != before or mail.outbox):
            problems.append(f"anonymous comment {token}: rejected but stored or mailed")
        for message in mail.outbox:
            recipients = message.recipients()
            if len(recipients) != 1 or "evil.example" in " ".join(recipients):
                problems.append(f"anonymous comment {token}: mail to {recipients}")
            if any(ch in message.subject for ch in "\r\n"):
                problems.append(f"anonymous comment {token}: line break in the subject")
            link = re.search(r"https?://[^/\s]+(/comments/confirm/[^\s]+/)", message.body)
            if link:
                problems += fetch(client, link.group(1), f"confirm {token}", REMOTE_ADDR=address)[1]
    for url in public_urls(pages)[:3]:
        problems += fetch(client, url)[1]
    report(problems)


HIDDEN_FIELDS = (
    "content_type",
    "object_pk",
    "timestamp",
    "security_hash",
    "honeypot",
    "reply_to",
    "from_page",
    "mark",
    "followup",
)


def test_hidden_comment_fields(pages, superuser_client):
    """Hostile values in the form's hidden and choice fields: a clear 4xx (or the comment as
    if the field were empty), never a 5xx, nothing stored when rejected."""
    item = pages["item"]
    form = _comment_form(superuser_client, item)
    problems = []
    sample = [v for v in VALUES if v[1].lstrip("-").isdigit()] + spread(VALUES, 60)
    for number, (token, text) in enumerate(sample):
        field = HIDDEN_FIELDS[number % len(HIDDEN_FIELDS)]
        data = {**form, "comment": f"Hidden field {field} ({token}).", "mark": "for", field: text}
        before = AvpComment.objects.count()
        response = superuser_client.post(POST_URL, data)
        problems += check_response(response, f"{field}={token}")
        if response.status_code >= 400 and AvpComment.objects.count() != before:
            problems.append(f"{field}={token}: rejected but stored")
    report(problems)


def test_flag_form(pages, client):
    """Flag reasons, "next" addresses and comment ids (30 digits among them)."""
    comment = AvpComment.objects.filter(is_public=True, is_removed=False).first()
    problems = []
    for number, (token, text) in enumerate(spread(short(VALUES, 5000), 80)):
        field = ("reason", "next")[number % 2]
        data = {"reason": "spam", "next": pages["item"].url, field: text}
        response = client.post(
            reverse("avp_comments:flag", args=[comment.pk]),
            data,
            REMOTE_ADDR=f"10.14.0.{number + 1}",
        )
        problems += check_response(response, f"flag {field}={token}")
        location = response.get("Location", "")
        if location.startswith(("//", "http", "/\\")) or "evil" in location:
            problems.append(f"flag next={token}: redirects off the site to {location[:80]}")
    for digits in ("9" * 25, "9" * 30, "1" + "0" * 20):
        response = client.post(f"/comments/flag/{digits}/", {"reason": "spam"})
        problems += check_response(response, f"flag of comment {digits}")
    for token in ("x" * 20, "%00", "\u202e", "9" * 30):
        for prefix in ("/comments/confirm/", "/comments/unsubscribe/"):
            problems += fetch(client, prefix + token + "/")[1]
    report(problems)


# --- follow and interest forms ---------------------------------------------------------


def test_follow_form(pages, client):
    """Every short value as the follow form's address: no 5xx, no reflection; an invalid
    address stores nothing and sends nothing."""
    item = pages["item"]
    problems = []
    for number, (token, text) in enumerate(spread(short(VALUES, 5000), 90)):
        mail.outbox.clear()
        response = client.post(
            item.url + "follow/",
            {"follow-email": text},
            REMOTE_ADDR=f"10.15.{number // 200}.{number % 200 + 1}",
        )
        problems += check_response(response, f"follow {token}")
        if response.status_code >= 400 and mail.outbox:
            problems.append(f"follow {token}: rejected but mailed")
        for message in mail.outbox:
            if len(message.recipients()) != 1 or "evil.example" in " ".join(message.recipients()):
                problems.append(f"follow {token}: mail to {message.recipients()}")
    assert not ItemFollower.objects.exists(), "nothing is stored before the address is confirmed"
    for value in ("", "x", "%00", "9" * 30):
        problems += fetch(client, item.url + f"follow/confirm/?t={value}")[1]
        problems += fetch(client, item.url + f"follow/unsubscribe/?t={value}")[1]
    report(problems)


def _interest_submissions():
    """(tokens, form data) covering the corpus: a name, an organisation (and its first 64
    characters as the phone) and a message per submission; long values as messages; each
    e-mail-like value as the address of its own submission."""
    addresses = [(t, v) for t, v in VALUES if "@" in v]
    fitting = [(t, v) for t, v in VALUES if len(v) <= 255 and (t, v) not in addresses]
    long = [(t, v) for t, v in VALUES if len(v) > 255]
    for number in range(0, len(fitting), 3):
        group = fitting[number : number + 3]
        (name_token, name), (org_token, organisation), (message_token, message) = (
            group + [group[-1]] * 2
        )[:3]
        tokens = [name_token, org_token, message_token]
        if long:
            token, text = long.pop()
            message = f"{message}\n{text}"
            tokens.append(token)
        yield (
            tokens,
            {
                "name": name if name.strip() else f"({name_token})",
                "organisation": organisation,
                "phone": organisation[:64],
                "message": message,
                "email": f"{name_token}@example.ee",
            },
        )
    for token, text in addresses:
        yield [token], {"name": f"Address ({token})", "email": text}


def test_interest_form_and_its_admin_listing_and_export(pages, client, superuser_client):
    """The corpus over the interest form's text fields, each submission from another
    address; then the admin listing, inspect and edit views and the CSV/XLSX export."""
    call = pages["call"]
    problems = []
    themes = [theme.title for theme in call.interest_themes.all()]
    for number, (tokens, data) in enumerate(_interest_submissions()):
        data = {"consent": "on", "themes": themes[:1], **data}
        if number % 8 == 4:
            data["themes"] = [data.get("message", "x")[:200]]  # not one of the call's themes
        before = InterestSubmission.objects.count()
        response = client.post(
            call.url, data, REMOTE_ADDR=f"10.16.{number // 200}.{number % 200 + 1}"
        )
        problems += check_response(response, f"interest {' '.join(tokens)}")
        stored = InterestSubmission.objects.count() - before
        if response.status_code != 302 and stored:
            problems.append(f"interest {' '.join(tokens)}: rejected but stored")
    assert InterestSubmission.objects.count() >= 60
    for number, (token, text) in enumerate(spread(short(VALUES, 5000), 10)):
        # The honeypot filled in: refused, nothing stored.
        before = InterestSubmission.objects.count()
        data = {"name": "Robot", "email": "robot@example.ee", "consent": "on", "website": text}
        response = client.post(call.url, data, REMOTE_ADDR=f"10.17.0.{number + 1}")
        problems += check_response(response, f"interest honeypot {token}")
        if text.strip() and InterestSubmission.objects.count() != before:
            problems.append(f"interest honeypot {token}: stored")
    for token, text in spread(short(VALUES, 5000), 20):
        # Without consent: the form comes back with what was typed, escaped.
        response = client.post(call.url, {"name": text, "email": text, "message": text})
        problems += check_response(response, f"interest without consent {token}")
    problems += fetch(superuser_client, "/admin/avp/interest-submissions/")[1]
    response, found = fetch(superuser_client, "/admin/avp/interest-submissions/?export=csv")
    problems += found
    assert len(tokens_in(response)) >= 200, "the export has the submissions"
    problems += fetch(superuser_client, "/admin/avp/interest-submissions/?export=xlsx")[1]
    for submission in InterestSubmission.objects.all()[::6]:
        for view in ("inspect", "edit"):
            problems += fetch(
                superuser_client, f"/admin/avp/interest-submissions/{view}/{submission.pk}/"
            )[1]
    report(problems)


# --- query parameters --------------------------------------------------------------------

# The parameters each page reads (grep request.GET in avp_wagtail/), and a junk one.
PAGE_PARAMETERS = {
    "item": ("mark", "reply_to", "comment", "cid", "follow", "junk"),
    "network": ("theme", "tag", "status", "ogp", "page", "municipality"),
    "call": ("submitted", "comment", "mark", "reply_to", "cid", "junk"),
}


def test_query_parameters(pages, client):
    """Each value in each parameter a page reads (every value reaches every page, the
    parameters of one request carry different values), then the invalid UTF-8 ones."""
    from urllib.parse import urlencode

    problems = []
    for name, parameters in PAGE_PARAMETERS.items():
        url = pages[name].url
        for start in range(0, len(VALUES), len(parameters)):
            query = {
                parameter: VALUES[(start + offset) % len(VALUES)][1]
                for offset, parameter in enumerate(parameters)
            }
            problems += fetch(client, f"{url}?{urlencode(query)}", f"{name}?{start}")[1]
        for raw in PERCENT_ENCODED_INVALID_UTF8:
            query = "&".join(f"{parameter}={raw}" for parameter in parameters)
            problems += fetch(client, f"{url}?{query}", f"{name}?{query[:60]}")[1]
    # Pages that read no parameter must not reflect the query either.
    for url in public_urls(pages):
        for token, text in spread(short(VALUES, 5000), 4):
            problems += fetch(
                client, f"{url}?{urlencode({'q': text, 'page': text})}", f"{url}?q={token}"
            )[1]
        problems += fetch(client, f"{url}?%ff%fe=%c0%af&page=%ed%a0%80")[1]
    report(problems)


# --- admin imports -----------------------------------------------------------------------


def _import(client, plan, data, publish=True):
    upload = SimpleUploadedFile("items.csv", data, content_type="text/csv")
    return client.post(
        reverse("avp_import_items", args=[plan.pk]),
        {"file": upload, "publish": "on" if publish else "", "allow_duplicate_titles": "on"},
    )


def _csv(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["Commitment Title", "Commitment Description", "Tags", "Problem", "Funding Source"]
    )
    writer.writerows(rows)
    return out.getvalue().encode()


def _escaped(text):
    """As an editor would type it: a formula-looking cell starts with an apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _item_snapshot(plan):
    return set(ActionItemPage.objects.child_of(plan).values_list("pk", flat=True))


def test_csv_import_of_hostile_rows_then_every_public_view(pages, superuser_client, client):
    """The corpus as titles, summaries, tags, rich text and plain text of imported, published
    actions; then every public page, feed, calendar and export and the admin report."""
    plan = pages["plan"]
    # Control characters: test_csv_imports_that_must_be_rejected_or_cleaned. Four values a
    # row (title, description, tags, funding source) and a long one as its rich text.
    clean = [(t, v) for t, v in VALUES if not CONTROL_RE.search(v)]
    fitting = [(t, v) for t, v in clean if len(v) <= 200]
    long = [(t, v) for t, v in clean if len(v) > 200]
    rows = []
    for number in range(0, len(fitting), 4):
        group = (fitting[number : number + 4] * 4)[:4]
        (title_token, title), (_t, summary), (_t, tags), (_t, funding) = group
        problem = long.pop()[1] if long else title
        rows.append(
            [
                _escaped(f"{title} ({title_token})."),
                _escaped(f"{summary} ({title_token})."),
                _escaped(tags[:90]),
                _escaped(problem),
                _escaped(funding),
            ]
        )
    before = _item_snapshot(plan)
    response = _import(superuser_client, plan, _csv(rows))
    problems = check_response(response, "import")
    created = _item_snapshot(plan) - before
    if response.status_code != 302:
        section = body_of(response).split('id="avp-import-errors"', 1)[-1]
        errors = re.findall(r"<li>(.*?)</li>", section.split("</section>")[0], re.S)
        problems.append(f"import rejected ({response.status_code}): {errors[:5]}")
        if created:
            problems.append(f"rejected import left {len(created)} actions")
        report(problems)
    assert len(created) >= len(rows) - 5
    urls = public_urls(pages)
    urls += [page.url for page in ActionItemPage.objects.filter(pk__in=created).order_by("pk")[::4]]
    urls += [pages["network"].url + f"?page={number}" for number in range(2, 8)]
    seen = set()
    for url in urls:
        response, found = fetch(client, url)
        problems += found
        seen |= tokens_in(response)
    assert len(seen) >= 250, "the public pages and exports show the imported values"
    for url in (
        "/admin/reports/avp-action-items/",
        "/admin/reports/avp-action-items/?export=csv",
        f"/admin/pages/{plan.pk}/",
        "/admin/",
    ):
        problems += fetch(superuser_client, url)[1]
    report(problems)


def test_csv_imports_that_must_be_rejected_or_cleaned(pages, superuser_client):
    """NUL and control characters, raw formula cells, invalid UTF-8 and a 1 MB cell: each
    file is imported cleanly or rejected with a message, and a rejected file leaves no row."""
    plan = pages["plan"]
    control = [(t, v) for t, v in VALUES if CONTROL_RE.search(v)]
    formulas = [(t, v) for t, v in VALUES if v.startswith(FORMULA_STARTS)]
    files = {
        "control characters": _csv([[f"{t} {v}"[:200], v, v[:90], v, v[:200]] for t, v in control]),
        "formula cells": _csv([[v, v, "", "", ""] for _t, v in formulas]),
        "one megabyte": _csv([["Huge " + "A" * 1024 * 1024, "x", "", "", ""]]),
        "one megabyte of rich text": _csv([["Huge rich text", "x", "", "<p>" * 200_000, ""]]),
    }
    for raw in INVALID_UTF8_BYTES:
        files[f"invalid UTF-8 {raw!r}"] = _csv([["Title", "Summary", "", "", ""]]).replace(
            b"Summary", b"Sum" + raw
        )
    problems = []
    for name, data in files.items():
        before = _item_snapshot(plan)
        response = _import(superuser_client, plan, data)
        problems += check_response(response, f"import of {name}")
        created = _item_snapshot(plan) - before
        if response.status_code != 302 and created:
            problems.append(f"rejected import of {name} left {len(created)} actions")
        if name == "formula cells" and response.status_code == 302:
            problems.append("a file of raw formula cells was imported")
        for page in ActionItemPage.objects.filter(pk__in=created):
            latest = page.get_latest_revision_as_object()
            texts = [latest.title, latest.summary, str(latest.problem), *latest.tags.names()]
            if any("\x00" in text for text in texts):
                problems.append(f"import of {name}: a NUL character was stored")
    report(problems)


# --- borrowing ---------------------------------------------------------------------------


def _borrow_upload(client, plan, data, name="export.json"):
    upload = SimpleUploadedFile(name, data, content_type="application/json")
    return client.post(reverse("avp_borrow_items", args=[plan.pk]), {"file": upload})


def _hostile_export(client, pages):
    """The plan's own export, its items' texts replaced by the corpus."""
    document = json.loads(client.get(pages["plan"].url + "open-data/json/").content)
    template = document["items"][0]
    items = []
    for number, (token, text) in enumerate(VALUES):
        item = json.loads(json.dumps(template))
        item.update(
            id=f"hostile-{number}-{token}",
            title=f"{text[:200]} ({token}).".strip(),
            summary=text,
            problem=text,
            tags=[text[:90]],
        )
        for milestone in item.get("milestones", []):
            milestone["title"] = text[:200]
        items.append(item)
    document["items"] = items
    document["publisher"]["name"] = VALUES[0][1]
    document["plan"]["title"] = VALUES[1][1]
    return document


def test_borrow_of_a_hostile_export(pages, superuser_client):
    """An export whose every text is a hostile value: the choice page, then copying them all
    as drafts, then the admin explorer. Values with a NUL are either cleaned or rejected."""
    plan = pages["plan"]
    document = _hostile_export(superuser_client, pages)
    problems = []
    response = _borrow_upload(superuser_client, plan, json.dumps(document).encode())
    problems += check_response(response, "borrow upload")
    if response.status_code == 302:
        choose = reverse("avp_borrow_items", args=[plan.pk]) + "?step=choose"
        response, found = fetch(superuser_client, choose, "borrow choice")
        problems += found
        keys = re.findall(r'<input[^>]*name="items"[^>]*value="([^"]*)"', body_of(response))
        assert len(keys) >= 250, "the choice lists the uploaded actions"
        before = _item_snapshot(plan)
        response = superuser_client.post(choose, {"items": keys})
        problems += check_response(response, "borrow copy")
        created = _item_snapshot(plan) - before
        if response.status_code == 302 and len(created) < len(keys):
            problems.append(f"borrow copied {len(created)} of {len(keys)} actions")
        if response.status_code != 302 and created:
            problems.append(f"rejected borrow left {len(created)} actions")
        problems += fetch(superuser_client, f"/admin/pages/{plan.pk}/")[1]
        problems += fetch(superuser_client, "/admin/reports/avp-action-items/?export=csv")[1]
        for page in Page.objects.filter(pk__in=created).specific()[::25]:
            problems += fetch(superuser_client, f"/admin/pages/{page.pk}/edit/")[1]
    else:
        problems.append(f"borrow upload rejected ({response.status_code})")
    report(problems)


def test_borrow_files_that_must_be_rejected(pages, superuser_client):
    """Deeply nested JSON, invalid UTF-8, a huge text and wrong types: a 4xx or the form again
    with a message, never a 5xx, nothing stored."""
    plan = pages["plan"]
    files = {
        "nested list": nested_json().encode(),
        "nested object": nested_json_object().encode(),
        "nested 1000": nested_json(1000).encode(),
        "huge title": json.dumps(
            {"title": "A" * 1024 * 1024, "summary": "", "ogp_values": []}
        ).encode(),
        "wrong types": json.dumps({"schema": ["x"], "items": {"a": 1}}).encode(),
        "ids of 30 digits": json.dumps(
            {"title": "x", "summary": "y", "ogp_values": [], "id": 10**30}
        ).encode(),
        "NaN": b'{"title": NaN, "summary": Infinity, "ogp_values": -Infinity}',
    }
    for raw in INVALID_UTF8_BYTES:
        files[f"invalid UTF-8 {raw!r}"] = (
            b'{"title": "' + raw + b'", "summary": "", "ogp_values": []}'
        )
    problems = []
    before = _item_snapshot(plan)
    for name, data in files.items():
        response = _borrow_upload(superuser_client, plan, data)
        problems += check_response(response, f"borrow of {name}")
        if response.status_code == 302:
            choose = reverse("avp_borrow_items", args=[plan.pk]) + "?step=choose"
            problems += fetch(superuser_client, choose, f"borrow choice of {name}")[1]
    if _item_snapshot(plan) != before:
        problems.append("uploading (without choosing) created actions")
    report(problems)


# Admin listings with a search box or filters (?q= is sent to the database).
ADMIN_SEARCHES = (
    "/admin/avp/comments/",
    "/admin/avp/interest-submissions/",
    "/admin/snippets/avp_wagtail/organisation/",
    "/admin/snippets/avp_wagtail/contactperson/",
    "/admin/snippets/avp_wagtail/avptag/",
    "/admin/reports/avp-action-items/",
    "/admin/pages/search/",
)


def test_admin_search_and_filter_parameters(pages, superuser_client):
    """Hostile search terms (NUL among them) and filter values in the admin listings."""
    from urllib.parse import urlencode

    problems = []
    sample = [v for v in VALUES if "\x00" in v[1]][:3] + spread(short(VALUES, 5000), 12)
    for url in ADMIN_SEARCHES:
        for token, text in sample:
            query = urlencode({"q": text, "call": text, "plan": text, "status": text, "p": text})
            problems += fetch(superuser_client, f"{url}?{query}", f"{url}?q={token}")[1]
        problems += fetch(superuser_client, f"{url}?q=%ff%fe&p=%c0%af")[1]
    report(problems)
