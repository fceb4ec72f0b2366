"""The hostile-input campaign (issue 13) in the discussion: the corpus of
tests/security/hostile_values.py as comment texts, officials' roles, residents' names and
addresses, the comment form's hidden fields, flag reasons and the comment listing's search;
then every page and admin view where a value could appear (see
tests/security/test_hostile_input.py for what is asserted, and for the rest of the campaign).

The pages are built once per module (``security_programme`` of tests/security/conftest.py,
with its discussion); each test runs in a savepoint."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from avp_wagtail.comments.models import AvpComment
from tests.comments.helpers import POST_URL, hidden_fields
from tests.security.conftest import _security_programme_pk, security_programme
from tests.security.hostile_checks import (
    VALUES,
    admin_search_problems,
    body_of,
    check_response,
    fetch,
    pages_of,
    public_urls,
    report,
    short,
    spread,
    superuser_client_of,
    tokens_in,
)

__all__ = ["_security_programme_pk", "security_programme"]  # fixtures of tests/security


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


def admin_comment_urls(client):
    """The comment listing (every page of it)."""
    urls = []
    response = client.get("/admin/avp/comments/")
    last = max([int(n) for n in re.findall(r"[?&]p=(\d+)", body_of(response))] or [1])
    urls += [f"/admin/avp/comments/?p={number}" for number in range(1, last + 1)]
    return urls


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
    shown = tokens_in(response)
    for screen in range(2, 12):  # the discussion comes in screens of 50 (?comments=N)
        response, found = fetch(superuser_client, f"{item.url}?comments={screen}")
        problems += found
        shown |= tokens_in(response)
    assert len(shown) >= 250, "the page shows the posted comments"
    for url in [
        english.url,
        pages["plan"].url,
        *admin_comment_urls(superuser_client),
        "/admin/",
    ]:
        problems += fetch(superuser_client, url)[1]
    for comment in stored[::10]:
        problems += fetch(superuser_client, f"/admin/avp/comments/inspect/{comment.pk}/")[1]
        problems += fetch(superuser_client, f"/comments/flag/{comment.pk}/")[1]  # report page
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


def test_admin_comment_search_and_filter_parameters(pages, superuser_client):
    """Hostile search terms (NUL among them) and filter values in the comment listing."""
    report(admin_search_problems(superuser_client, ["/admin/avp/comments/"]))
