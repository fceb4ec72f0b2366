"""A long discussion comes in screens: paging links, deep links, one form, no 500."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from avp_wagtail.comments.models import AvpComment, CommentFlagReport
from avp_wagtail.comments.threads import COMMENTS_PER_SCREEN, THREADS_PER_SCREEN

from .helpers import (
    POST_URL,
    add_threads,
    comment_data,
    discussion,
    hidden_fields,
    mark_summary,
    shown_comments,
)

pytestmark = pytest.mark.django_db


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _ids(html):
    """Ids of the comments rendered in the discussion, in page order."""
    return [int(pk) for pk in re.findall(r'<li id="c(\d+)"', discussion(html))]


def _top_level(html):
    """Texts of the top-level comments rendered (the helper's "Teema <n>")."""
    return [text for text in shown_comments(html) if "/" not in text]


def _translation(page, language):
    locale = Locale.objects.get_or_create(language_code=language)[0]
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.has_translation(locale):
            ancestor.copy_for_translation(locale).save_revision().publish()
    copy = page.copy_for_translation(locale)
    copy.save_revision().publish()
    return copy


def _in(language, text, **values):
    with translation.override(language):
        return gettext(text) % values if values else gettext(text)


def test_screens_of_fifty_threads_in_thread_order_with_links(client, item):
    add_threads(item, 120)
    first = _get(client, item.url)
    assert _top_level(first) == [f"Teema {n}" for n in range(50)]  # oldest thread first
    nav = re.search(r'<nav class="avp-pagination avp-comment-pages"[^>]*>(.*?)</nav>', first, re.S)
    assert nav, "no navigation landmark for the screens"
    assert f'aria-label="{_in("et", "Pages of the discussion")}"' in first
    assert f'href="{item.url}?comments=2#comments" rel="next"' in nav.group(1)
    assert 'rel="prev"' not in nav.group(1)
    assert 'aria-current="page"' in nav.group(1)
    assert _in("et", "Page %(number)s of %(total)s", number=1, total=3) in first

    second = _get(client, f"{item.url}?comments=2")
    assert _top_level(second) == [f"Teema {n}" for n in range(50, 100)]
    assert f'href="{item.url}#comments" rel="prev"' in second  # the first screen: no number
    assert f'href="{item.url}?comments=3#comments" rel="next"' in second

    third = _get(client, f"{item.url}?comments=3")
    assert _top_level(third) == [f"Teema {n}" for n in range(100, 120)]
    assert 'rel="next"' not in third
    # Counts are the whole discussion's, on every screen.
    for html in (first, second, third):
        assert mark_summary("et", 30, 30, 30) in html


def test_each_thread_keeps_its_replies_and_a_screen_stays_bounded(client, item):
    roots = add_threads(item, 30, replies=9)  # 300 comments in threads of 10
    html = _get(client, item.url)
    shown = shown_comments(html)
    assert len(shown) <= COMMENTS_PER_SCREEN
    assert len(shown) % 10 == 0  # whole threads only
    threads = len(shown) // 10
    assert shown[:10] == ["Teema 0"] + [f"Teema 0 / vastus {m}" for m in range(9)]
    second = _get(client, f"{item.url}?comments=2")
    assert _top_level(second)[0] == f"Teema {threads}"  # nothing skipped between screens
    assert f'id="c{roots[threads].pk}"' in second


def test_a_thousand_comments_make_a_bounded_first_screen(client, item):
    roots = add_threads(item, 1000)
    html = _get(client, item.url)
    ids = _ids(html)
    top_level = {root.pk for root in roots} & set(ids)
    assert 0 < len(top_level) <= 60
    assert len(ids) <= COMMENTS_PER_SCREEN
    section = discussion(html)
    assert len(section) < 100_000, len(section)  # it was 1.6 MB with 1,000 comments
    assert _in("et", "Page %(number)s of %(total)s", number=1, total=20) in html


def test_no_form_per_comment_only_small_links(client, item, resident):
    add_threads(item, 5, replies=1)
    client.force_login(resident)
    html = _get(client, item.url)
    section = discussion(html)
    assert section.count("<form") == 1  # the comment form, once
    assert section.count('name="security_hash"') == 1
    assert 'name="reason"' not in section
    for comment in AvpComment.objects.all():
        assert f'href="/comments/flag/{comment.pk}/?next={item.url}"' in section
        if comment.level == 0:
            assert f'href="{item.url}?reply_to={comment.pk}#comment-form"' in section


def test_reporting_through_the_report_page_keeps_the_flag_rules(client, item):
    roots = add_threads(item, 60)
    late = roots[55]  # on the second screen
    page = _get(client, f"{item.url}?comments=2")
    link = re.search(rf'href="(/comments/flag/{late.pk}/\?next=[^"]+)"', page).group(1)
    link = link.replace("&amp;", "&")
    form_page = client.get(link)
    assert form_page.status_code == 200
    html = form_page.content.decode()
    assert "Teema 55" in html  # she sees what she reports
    assert "elanik55@example.ee" not in html
    assert '<label for="flag-reason">' in html
    fields = hidden_fields(html, form_id="flag-form")
    fields.pop("csrfmiddlewaretoken", None)
    assert fields == {"next": f"{item.url}?comments=2"}

    for n, ip in enumerate(("10.0.0.1", "10.0.0.1", "10.0.0.2", "10.0.0.3")):
        response = client.post(link.split("?")[0], {**fields, "reason": "spam"}, REMOTE_ADDR=ip)
        assert response.status_code == 302
        # Back to the screen she reported from.
        assert response["Location"] == f"{item.url}?comments=2&comment=flagged#comments"
        if n == 2:  # the same resident twice counts once
            assert CommentFlagReport.objects.filter(comment=late).count() == 2
    late.refresh_from_db()
    assert late.hidden_by_flags  # the threshold (3) still hides it
    assert not late.is_public
    # A hidden comment has no report page (and no 500).
    assert client.get(link).status_code == 400


def test_report_page_is_in_the_language_of_the_page(client, item):
    (comment,) = add_threads(item, 1)
    ru_item = _translation(item, "ru")
    html = _get(client, ru_item.url)
    link = re.search(rf'href="(/comments/flag/{comment.pk}/[^"]+)"', html).group(1)
    response = client.get(link.replace("&amp;", "&"), HTTP_ACCEPT_LANGUAGE="et")
    assert response["Content-Language"] == "ru"
    assert _in("ru", "Why should a moderator look at it?") in response.content.decode()
    assert client.get("/comments/flag/999999/").status_code == 400
    assert client.get("/comments/flag/" + "9" * 30 + "/").status_code == 400


def test_a_link_to_a_comment_lands_on_its_screen(client, item, resident, moderator):
    roots = add_threads(item, 130)
    target = roots[120]  # third screen
    html = _get(client, f"{item.url}?c={target.pk}")
    assert f'id="c{target.pk}"' in html
    assert _in("et", "Page %(number)s of %(total)s", number=3, total=3) in html

    # After posting, the redirect goes to the screen with the new comment.
    client.force_login(resident)
    data = comment_data(client, item, comment="Uus mõte lõpus")
    response = client.post(POST_URL, data)
    new = AvpComment.objects.get(comment="Uus mõte lõpus")
    assert response["Location"] == f"{item.url}?comment=posted&c={new.pk}#c{new.pk}"
    assert f'id="c{new.pk}"' in _get(client, response["Location"])

    # A reply link to a comment of a later screen shows that screen, with the reply form.
    html = _get(client, f"{item.url}?reply_to={target.pk}#comment-form")
    assert f'id="c{target.pk}"' in html
    assert f'name="reply_to" value="{target.pk}"' in html

    # The awaiting-response list links to a comment of another screen through ?c=.
    assert f'href="#c{roots[0].pk}"' in _get(client, item.url)  # on this screen
    html = _get(client, f"{item.url}?comments=2")
    assert f'href="{item.url}?c={roots[0].pk}#c{roots[0].pk}"' in html

    # The admin's "In context" link.
    from avp_wagtail.comments.viewsets import CommentInContextColumn

    cell = CommentInContextColumn("page").get_value(target)
    assert f'href="{item.url}?c={target.pk}#c{target.pk}"' in cell


def test_mark_filter_pages_keep_the_mark(client, item):
    add_threads(item, 240)  # 60 of each mark
    html = _get(client, f"{item.url}?mark=for")
    assert len(_top_level(html)) == THREADS_PER_SCREEN
    assert f'href="{item.url}?mark=for&amp;comments=2#comments" rel="next"' in html
    second = _get(client, f"{item.url}?mark=for&comments=2")
    assert len(_top_level(second)) == 10
    assert f'href="{item.url}?mark=for#comments" rel="prev"' in second


@pytest.mark.parametrize(
    "query",
    [
        "comments=abc",
        "comments=-3",
        "comments=0",
        "comments=1.5",
        "comments=99999",
        "comments=" + "9" * 40,
        "comments=%00",
        "c=abc",
        "c=-1",
        "c=" + "9" * 40,
        "reply_to=" + "9" * 40,
        "cid=x&comment=duplicate",
        "comments=2&comments=x",
    ],
)
def test_junk_screen_numbers_show_a_screen(client, item, query):
    add_threads(item, 60)
    html = _get(client, f"{item.url}?{query}")
    if query.startswith("comments=9"):  # too large: the last screen
        assert _top_level(html) == [f"Teema {n}" for n in range(50, 60)]
    else:
        assert _top_level(html) == [f"Teema {n}" for n in range(50)]


def test_junk_on_a_page_without_comments(client, item):
    html = _get(client, f"{item.url}?comments=7&c=3")
    assert _in("et", "No comments yet.") in html
    assert "avp-comment-pages" not in html


@pytest.mark.parametrize("language", ["et", "en", "ru"])
def test_screens_in_the_language_of_the_page(client, item, language):
    add_threads(item, 120)
    page = item if language == "et" else _translation(item, language)
    html = _get(client, f"{page.url}?comments=2")
    assert _in(language, "Page %(number)s of %(total)s", number=2, total=3) in html
    assert f'aria-label="{_in(language, "Pages of the discussion")}"' in html
    assert _in(language, "Earlier comments") in html
    assert _in(language, "Later comments") in html
    # The translation shows the same screen of the one discussion.
    assert _top_level(html) == [f"Teema {n}" for n in range(50, 100)]


def test_report_page_of_a_restricted_page_shows_no_text(client, item):
    from wagtail.models import PageViewRestriction

    (comment,) = add_threads(item, 1, text="Salajane")
    PageViewRestriction.objects.create(
        page=item, restriction_type=PageViewRestriction.PASSWORD, password="salasona"
    )
    response = client.get(f"/comments/flag/{comment.pk}/")
    assert response.status_code == 400
    assert "Salajane" not in response.content.decode()
