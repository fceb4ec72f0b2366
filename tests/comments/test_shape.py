"""The shape of a discussion (issue 18, part 3): the bar of the comments by mark and the
answered share, drawn in SVG under the discussion and in the plan table, with the same
numbers as text."""

import datetime
import re
from collections import Counter

import pytest
from django.utils import timezone, translation
from django.utils.translation import ngettext
from wagtail.models import Locale

from avp_wagtail.comments.counts import counts_for_pages
from avp_wagtail.comments.models import AvpComment
from avp_wagtail.comments.shape import FULL_WIDTH, SMALL_WIDTH, DiscussionShape, split
from avp_wagtail.comments.threads import CommentThread
from tests.builders import make_call, make_item, make_meeting
from tests.queries import page_queries

from .helpers import add_threads, discussion

pytestmark = pytest.mark.django_db

MARKS = ("for", "against", "question", "neutral")


# -- helpers ---------------------------------------------------------------------------


def _comment(holder, mark="for", parent=None, official=False, **fields):
    comment = AvpComment(
        content_object=holder,
        site_id=1,
        user_name="Vallavalitsus" if official else "Elanik",
        user_email="" if official else "elanik@example.ee",
        comment="Vastus" if official else "Kommentaar",
        mark=mark,
        is_official_response=official,
        parent_id=parent.pk if parent is not None else 0,
        **fields,
    )
    comment.save()
    return comment


def _answered_discussion(holder):
    """Top-level comments of residents, some answered, some not: 4 count (2 answered)."""
    answered = _comment(holder, "for")
    _comment(holder, "neutral", parent=answered, official=True)  # answered
    hidden_answer = _comment(holder, "against")
    _comment(holder, "neutral", parent=hidden_answer, official=True, is_public=False)
    removed_answer = _comment(holder, "question")
    _comment(holder, "neutral", parent=removed_answer, official=True, is_removed=True)
    deep = _comment(holder, "neutral")
    reply = _comment(holder, "against", parent=deep, is_public=False)  # hidden in between
    _comment(holder, "neutral", parent=reply, official=True)  # answered, two levels below
    _comment(holder, "neutral", official=True)  # an official response of its own
    hidden = _comment(holder, "for", is_public=False)  # not shown: does not count
    _comment(holder, "neutral", parent=hidden, official=True)
    removed = _comment(holder, "for", is_removed=True)
    _comment(holder, "neutral", parent=removed, official=True)
    _comment(holder, "for", parent=answered)  # a reply of a resident: not top-level


def _visible_counts(holder):
    comments = AvpComment.objects.filter(object_pk=str(holder.pk), is_public=True, is_removed=False)
    return Counter(comments.values_list("mark", flat=True))


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _attrs(tag):
    return dict(re.findall(r'([\w:-]+)="([^"]*)"', tag))


def _segments(svg):
    """The bar's segments drawn in ``svg``: (mark, count, x, width)."""
    return [
        (a["data-mark"], int(a["data-count"]), int(a["x"]), int(a["width"]))
        for a in map(
            _attrs, re.findall(r'<rect class="avp-shape__segment [^>]*data-mark[^>]*>', svg)
        )
    ]


def _answered_rects(svg):
    """The answered share's bar: "yes" (answered) and "no" parts drawn, with their counts."""
    return {
        kind: int(_attrs(tag)["data-count"])
        for tag, kind in re.findall(r'(<rect class="avp-shape__answered-(yes|no)"[^>]*>)', svg)
    }


def _answered_expected(shape):
    return {k: v for k, v in {"yes": shape.answered, "no": shape.unanswered}.items() if v}


def _figure(html):
    match = re.search(r'<figure class="avp-shape".*?</figure>', html, re.S)
    assert match, "no picture of the discussion's shape"
    return match.group(0)


def _texts(language, shape, small=False):
    """The numbers as the page writes them in ``language``."""
    with translation.override(language):
        texts = [
            ngettext("%(counter)s comment", "%(counter)s comments", shape.total)
            % {"counter": shape.total},
            ngettext("%(counter)s for", "%(counter)s for", shape.for_count)
            % {"counter": shape.for_count},
            ngettext("%(counter)s against", "%(counter)s against", shape.against_count)
            % {"counter": shape.against_count},
            ngettext(
                "%(counter)s question or idea",
                "%(counter)s questions or ideas",
                shape.question_count,
            )
            % {"counter": shape.question_count},
            ngettext("%(counter)s neutral", "%(counter)s neutral", shape.neutral_count)
            % {"counter": shape.neutral_count},
        ]
        values = {"counter": shape.answerable, "answered": shape.answered}
        if small:
            answered = ngettext(
                "%(answered)s of %(counter)s answered by the municipality",
                "%(answered)s of %(counter)s answered by the municipality",
                shape.answerable,
            )
        else:
            answered = ngettext(
                "The municipality has answered %(answered)s of %(counter)s comment from residents.",
                "The municipality has answered %(answered)s of %(counter)s comments from "
                "residents.",
                shape.answerable,
            )
        texts.append(answered % values)
    return texts


def _plain(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _assert_picture_matches(html, shape, language):
    figure = _figure(discussion(html))
    svg = figure[: figure.index("</svg>")]
    drawn = _segments(svg)
    assert {mark: count for mark, count, _x, _w in drawn} == {
        mark: count for mark, count in shape.counts.items() if count
    }
    assert sum(width for *_rest, width in drawn) == FULL_WIDTH
    assert _answered_rects(svg) == _answered_expected(shape)
    total, *marks, answered = _texts(language, shape)
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S).group(1)
    assert desc == f"{total}: {', '.join(marks)}. {answered}"
    caption = _plain(figure[figure.index("<figcaption") :])
    for text in [*marks, answered]:  # the numbers as visible text too
        assert text in caption, (language, text)


def _translation(page, language):
    locale = Locale.objects.get_or_create(language_code=language)[0]
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.has_translation(locale):
            ancestor.copy_for_translation(locale).save_revision().publish()
    copy = page.copy_for_translation(locale)
    copy.save_revision().publish()
    return copy


# -- geometry --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "counts",
    [(1, 1, 1), (5, 3, 2, 2), (7, 0, 0, 0), (1, 2, 3, 4), (333, 333, 334), (1, 1000), (2, 0, 5)],
)
@pytest.mark.parametrize("width", [FULL_WIDTH, SMALL_WIDTH])
def test_widths_are_proportional_and_add_up_to_the_bar(counts, width):
    widths = split(width, counts)
    assert sum(widths) == width
    total = sum(counts)
    for count, segment in zip(counts, widths, strict=True):
        if count == 0:
            assert segment == 0
        else:
            assert segment >= 1
            # Within a unit of the exact share (the 1-unit floor of a tiny count aside).
            assert abs(segment - width * count / total) < 1 or segment == 1


def test_segments_follow_each_other_and_zero_counts_draw_nothing():
    shape = DiscussionShape({"for": 6, "against": 0, "question": 3, "neutral": 1})
    bar = shape.full
    assert [(s.mark, s.count) for s in bar.segments] == [
        ("for", 6),
        ("question", 3),
        ("neutral", 1),
    ]
    assert [(s.x, s.width) for s in bar.segments] == [(0, 180), (180, 90), (270, 30)]
    small = shape.small
    assert [s.width for s in small.segments] == [48, 24, 8]
    assert small.segments[-1].end_x == SMALL_WIDTH


def test_the_answered_bar_shows_the_share_and_only_when_residents_commented():
    shape = DiscussionShape({"for": 5}, answerable=5, answered=3)
    assert (shape.full.answered_width, shape.full.unanswered_width) == (180, 120)
    assert shape.full.answered_height > 0
    only_responses = DiscussionShape({"neutral": 2}, answerable=0, answered=0)
    assert only_responses.full.answered_height == 0
    assert only_responses.full.height == only_responses.full.bar_height


def test_the_answered_share_counts_top_level_residents_comments_with_a_visible_response(item):
    _answered_discussion(item)
    thread = CommentThread(item)
    shape = thread.counts.shape
    assert (shape.answerable, shape.answered) == (4, 2)
    assert shape.answered == shape.answerable - thread.awaiting_count
    assert dict(shape.counts) == dict(_visible_counts(item))
    # The plan table's counts (other queries) say the same.
    plan_shape = counts_for_pages([item])[item.translation_key].shape
    assert (plan_shape.answerable, plan_shape.answered) == (4, 2)
    assert dict(plan_shape.counts) == dict(shape.counts)


def test_the_discussion_shape_costs_no_query_of_its_own(item, django_assert_num_queries):
    _answered_discussion(item)
    thread = CommentThread(item)
    with django_assert_num_queries(0):
        shape = thread.counts.shape
        assert shape.full.segments
        assert shape.small.segments


# -- the pages -------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["et", "ru"])
def test_the_item_page_draws_the_shape_with_its_numbers(client, item, language):
    _answered_discussion(item)
    add_threads(item, 6)  # 2 for, 2 against, 1 question, 1 neutral: unanswered
    page = item if language == "et" else _translation(item, language)
    html = _get(client, page.url)
    shape = CommentThread(item).counts.shape
    assert (shape.answerable, shape.answered) == (10, 2)
    _assert_picture_matches(html, shape, language)
    figure = _figure(html)
    assert 'role="img"' in figure
    assert 'aria-labelledby="avp-shape-discussion-title"' in figure
    assert 'aria-describedby="avp-shape-discussion-desc"' in figure
    # Patterns as well as colours: stripes against, dots for a question.
    assert 'fill="url(#avp-shape-discussion-stripes)"' in figure
    assert 'fill="url(#avp-shape-discussion-dots)"' in figure


def test_no_picture_without_comments(client, item):
    html = _get(client, item.url)
    assert 'class="avp-shape"' not in html
    _comment(item, "for", is_public=False)
    assert 'class="avp-shape"' not in _get(client, item.url)


def test_the_picture_changes_with_the_discussion(client, item):
    _comment(item, "for")
    first = _segments(_figure(_get(client, item.url)))
    assert first == [("for", 1, 0, FULL_WIDTH)]
    _comment(item, "against")
    assert _segments(_figure(_get(client, item.url))) == [
        ("for", 1, 0, FULL_WIDTH // 2),
        ("against", 1, FULL_WIDTH // 2, FULL_WIDTH // 2),
    ]


def test_meetings_calls_and_ideas_draw_their_discussions_shape(client, item):
    from avp_wagtail.ideas.choices import ModerationMode
    from avp_wagtail.ideas.models import IdeaCollection
    from tests.ideas.helpers import make_idea

    plan = item.get_parent().specific
    programme = plan.get_parent().specific
    IdeaCollection.objects.create(
        plan=plan,
        opens_on=timezone.localdate() - datetime.timedelta(days=1),
        moderation=ModerationMode.POST,
    )
    idea = make_idea(plan, title="Pingid parki")
    pages = {
        "meeting": (make_meeting(programme, 1, 3), None),
        "call": (make_call(programme), None),
        "idea": (idea, idea.url_in(plan.url)),
    }
    for name, (holder, url) in pages.items():
        parent = _comment(holder, "question")
        _comment(holder, "neutral", parent=parent, official=True)
        _comment(holder, "against")
        html = _get(client, url or holder.url)
        shape = DiscussionShape(
            dict(_visible_counts(holder)), answerable=2, answered=1, key="discussion"
        )
        _assert_picture_matches(html, shape, "et")
        assert html.count('class="avp-shape"') == 1, name


def _rows(html):
    """The plan table's rows: item href -> its "Comments" cell."""
    tables = re.findall(r'<table class="avp-items[^"]*">(.*?)</table>', html, re.S)
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", "".join(tables), re.S):
        href = re.search(r'<a href="([^"]+)"', row)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        if href and cells:
            rows[href.group(1)] = cells[-1]
    return rows


@pytest.mark.parametrize("language", ["et", "ru"])
def test_the_plan_table_draws_each_items_shape(client, item, language):
    plan = item.get_parent().specific
    items = [item, make_item(plan, 2), make_item(plan, 3)]
    _answered_discussion(items[0])
    add_threads(items[1], 5)
    answered = _comment(items[1], "against")
    _comment(items[1], "neutral", parent=answered, official=True)
    _comment(plan, "for")  # the plan's own discussion: one more picture on the page
    # items[2]: no comments, no picture.
    sources = items
    if language != "et":
        items = [_translation(page, language) for page in items]
        plan = items[0].get_parent().specific
    html = _get(client, plan.url)
    rows = _rows(html)
    for page, source in zip(items[:2], sources, strict=False):
        shape = counts_for_pages([source])[source.translation_key].shape
        cell = rows[page.relative_url(page.get_site())]
        text = _plain(cell)
        assert text.split()[0] == str(shape.total)  # the cell's own text comes first
        drawn = _segments(cell)
        assert {m: c for m, c, _x, _w in drawn} == {m: c for m, c in shape.counts.items() if c}
        assert sum(width for *_rest, width in drawn) == SMALL_WIDTH
        assert _answered_rects(cell) == _answered_expected(shape)
        total, *marks, answered_text = _texts(language, shape, small=True)
        title = re.search(r"<title[^>]*>(.*?)</title>", cell, re.S).group(1)
        assert title == f"{total}: {', '.join(marks)}; {answered_text}"
        assert answered_text in text
    assert (shape.answerable, shape.answered) == (6, 1)
    empty = rows[items[2].relative_url(items[2].get_site())]
    assert _plain(empty).strip() == "0"
    assert "<svg" not in empty
    # One picture per row with comments and the plan's own: no id twice on the page.
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert html.count('class="avp-shape-small"') == 2
    assert html.count('class="avp-shape"') == 1


def test_the_plan_page_costs_the_same_queries_with_2_and_30_commented_items(client, item):
    plan = item.get_parent()
    counts = []
    made = 1
    for wanted in (2, 30):
        while made < wanted:
            made += 1
            make_item(plan, made)
        for page in plan.get_children().specific():
            AvpComment.objects.filter(object_pk=str(page.pk)).delete()
            _answered_discussion(page)
        count, response = page_queries(client, plan.url)
        html = response.content.decode()
        assert html.count('class="avp-shape-small"') == wanted
        counts.append(count)
    assert counts[0] == counts[1]
