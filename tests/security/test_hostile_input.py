"""The project's own hostile-input campaign (issue 13): the corpus of hostile_values.py is
posted into every public form field, query parameter and admin import/borrow file, then
every page, feed, calendar, export and admin listing where a value could appear is fetched.

Asserted everywhere: no 5xx; no unescaped reflection (each value carries a unique token, and
no element, attribute, script or ``javascript:`` link may come from a value); no formula
cell in any CSV; nothing half-written (a rejected follow, import or borrow stores
nothing). Problems are collected per test and reported together. The discussion's part of
the campaign (comments, flags, the comment listing): tests/comments/test_hostile_input.py.

The pages are built once per module (tests/security/conftest.py); each test runs in a
savepoint. Posts in bulk are sent as the site's superuser (officials are never rate-limited)
and, for residents, from a different address each time (so that the rate limits, which are
tested elsewhere, let the corpus through)."""

import csv
import io
import json
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page

from avp_wagtail.models import (
    ActionItemPage,
    InterestSubmission,
    ItemFollower,
)

from .hostile_checks import (
    CONTROL_RE,
    FORMULA_STARTS,
    TOKENS,
    VALUES,
    admin_search_problems,
    body_of,
    check_response,
    csv_problems,
    fetch,
    html_problems,
    pages_of,
    public_urls,
    report,
    short,
    spread,
    superuser_client_of,
    tokens_in,
)
from .hostile_values import (
    CORPUS,
    INVALID_UTF8_BYTES,
    MARKED_CATEGORIES,
    PERCENT_ENCODED_INVALID_UTF8,
    PLACEHOLDER,
    nested_json,
    nested_json_object,
)

# --- fixtures ---------------------------------------------------------------------------


@pytest.fixture
def pages(security_programme):
    return pages_of(security_programme)


@pytest.fixture
def client(client):
    """A server error is answered with a 500 (and reported), not raised in the test."""
    client.raise_request_exception = False
    return client


@pytest.fixture
def superuser_client(db, django_user_model):
    return superuser_client_of(django_user_model)


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
    "/admin/avp/interest-submissions/",
    "/admin/snippets/avp_wagtail/organisation/",
    "/admin/snippets/avp_wagtail/contactperson/",
    "/admin/snippets/avp_wagtail/avptag/",
    "/admin/reports/avp-action-items/",
    "/admin/pages/search/",
)


def test_admin_search_and_filter_parameters(pages, superuser_client):
    """Hostile search terms (NUL among them) and filter values in the admin listings (the
    comment listing's: tests/comments/test_hostile_input.py)."""
    report(admin_search_problems(superuser_client, ADMIN_SEARCHES))
