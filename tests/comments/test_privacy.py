"""No commenter e-mail, no third-party request, no inline script; comment text is inert."""

import re

import pytest

from avp_wagtail.comments.models import AvpComment

from .helpers import confirmation_link, post_comment

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<script>alert(1)</script> <a href="javascript:alert(2)">x</a> javascript:alert(3)\n'
    "Vaata https://naidiku.example/eelarve"
)


def test_page_with_comments_leaks_no_address_and_loads_nothing_from_elsewhere(
    client, item, mailoutbox, post_moderation
):
    post_comment(client, item, comment=HOSTILE, email="salajane@example.ee", followup="on")
    client.get(confirmation_link(mailoutbox))
    assert AvpComment.objects.get().is_public
    html = client.get(item.url).content.decode()
    assert "salajane@example.ee" not in html
    assert "gravatar" not in html.lower()
    # Nothing is loaded from another host (no src, no stylesheet or icon from elsewhere).
    assert re.findall(r'src="(https?://[^"]+)"', html) == []
    assert [
        tag
        for tag in re.findall(r"<link [^>]*>", html)
        if re.search(r'rel="(?:stylesheet|icon|preload|prefetch)"', tag) and "https://" in tag
    ] == []
    # Links to other hosts: the resident's own link, and the plain share links.
    share = re.search(r'<section class="avp-share".*?</section>', html, re.S).group(0)
    external = [
        url
        for url in re.findall(r'<a [^>]*href="(https?://[^"]+)"', html.replace(share, ""))
        if not url.startswith(("http://testserver/", "http://localhost/"))
    ]
    assert external == ["https://naidiku.example/eelarve"]
    assert '<a href="https://naidiku.example/eelarve" rel="nofollow ugc">' in html
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html
    # No JavaScript at all: the only <script> elements are schema.org data.
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts == ['<script type="application/ld+json">'] * len(scripts)


def test_form_fields_are_labelled(client, item):
    html = client.get(item.url).content.decode()
    form = html[html.index('id="comment-form"') :]
    form = form[: form.index("</form>")]
    fields = re.findall(
        r'<(?:input|textarea|select)(?![^>]*type="hidden")[^>]*\bid="([^"]+)"', form
    )
    assert len(fields) >= 6  # position (4 choices), comment, name, e-mail, follow-up, honeypot
    for field_id in fields:
        assert f'for="{field_id}"' in form, field_id
