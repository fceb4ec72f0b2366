"""Posting comments the way a browser does: read the rendered form, send its fields back."""

import re
from html.parser import HTMLParser

from django.urls import reverse

POST_URL = "/comments/post/"


class _FormFields(HTMLParser):
    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.fields = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        elif tag == "input" and self.inside and attrs.get("type") == "hidden":
            self.fields[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def hidden_fields(html, form_id="comment-form"):
    parser = _FormFields(form_id)
    parser.feed(html)
    return parser.fields


def comment_data(client, page, url=None, **fields):
    """The hidden fields of the page's comment form plus the resident's input."""
    response = client.get(url or page.url)
    assert response.status_code == 200
    data = hidden_fields(response.content.decode())
    assert "security_hash" in data, "the page shows no comment form"
    data.pop("csrfmiddlewaretoken", None)
    defaults = {"name": "Mari Maasikas", "email": "mari@example.ee", "mark": "for"}
    data.update({**defaults, "comment": "Hea mõte!", **fields})
    return data


def post_comment(client, page, url=None, **fields):
    return client.post(POST_URL, comment_data(client, page, url=url, **fields))


def confirmation_link(mailbox):
    """The confirmation path in the last e-mail sent."""
    match = re.search(r"https?://[^/\s]+(/comments/confirm/[^\s]+/)", mailbox[-1].body)
    assert match, mailbox[-1].body
    return match.group(1)


def flag_url(comment):
    return reverse("avp_comments:flag", args=[comment.pk])


def shown_comments(html):
    """Texts of the comments rendered in the thread (not the awaiting-response list)."""
    return [
        re.sub(r"<[^>]+>", "", text).strip()
        for text in re.findall(r'<div class="avp-comment__text"[^>]*>(.*?)</div>', html, re.S)
    ]


def mark_summary(language, for_count, against_count, question_count=None):
    """The discussion's counts by mark as the page writes them in ``language`` (each count
    with its own plural form); without ``question_count``, as the plan table writes them."""
    from django.utils import translation
    from django.utils.translation import ngettext

    with translation.override(language):
        parts = [
            ngettext("%(counter)s for", "%(counter)s for", for_count) % {"counter": for_count},
            ngettext("%(counter)s against", "%(counter)s against", against_count)
            % {"counter": against_count},
        ]
        if question_count is None:
            return ", ".join(parts)
        parts.append(
            ngettext(
                "%(counter)s question or idea", "%(counter)s questions or ideas", question_count
            )
            % {"counter": question_count}
        )
        return ", ".join(parts) + "."


def add_threads(page, threads, replies=0, text="Teema"):
    """``threads`` published top-level comments on ``page`` ("Teema 0", "Teema 1", ... in
    posting order), each with ``replies`` published replies ("Teema 0 / vastus 0", ...).
    Returns the top-level comments."""
    from avp_wagtail.comments.models import AvpComment

    roots = []
    for n in range(threads):
        root = AvpComment(
            content_object=page,
            site_id=1,
            user_name=f"Elanik {n}",
            user_email=f"elanik{n}@example.ee",
            comment=f"{text} {n}",
            mark=["for", "against", "question", "neutral"][n % 4],
        )
        root.save()
        roots.append(root)
        for m in range(replies):
            AvpComment(
                content_object=page,
                site_id=1,
                user_name=f"Vastaja {m}",
                user_email=f"vastaja{m}@example.ee",
                comment=f"{text} {n} / vastus {m}",
                parent_id=root.pk,
            ).save()
    return roots


def discussion(html):
    """The discussion's section of a rendered page."""
    start = html.index('<section id="comments"')
    return html[start : html.index("</section>", start)]
