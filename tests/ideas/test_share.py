"""An idea's page and the ideas listing are pages of their own: their canonical and share
URL, title, language switcher and hreflang links are theirs, not the plan's."""

from urllib.parse import quote

import pytest

from .helpers import html, make_idea

pytestmark = pytest.mark.django_db


def test_an_idea_page_shares_its_own_url_and_title(client, plan, collection):
    idea = make_idea(plan, 1, title="Pingid parki")
    body = html(client.get(f"{plan.url}ideas/{idea.pk}/"))
    url = f"http://testserver{plan.url}ideas/{idea.pk}/"
    assert f'<link rel="canonical" href="{url}">' in body
    assert f'<meta property="og:url" content="{url}">' in body
    assert '<meta property="og:title" content="Pingid parki">' in body
    assert f"sharer.php?u={quote(url, safe='')}" in body
    assert "<title>Pingid parki" in body
    assert "application/ld+json" not in body  # the plan's JSON-LD would name the plan
    plan_body = html(client.get(plan.url))  # the plan page itself is unchanged
    assert f'<link rel="canonical" href="http://testserver{plan.url}">' in plan_body
    assert "application/ld+json" in plan_body


def test_the_listing_and_the_form_share_their_own_url(client, plan, collection):
    body = html(client.get(f"{plan.url}ideas/?theme=x&page=2"))
    url = f"http://testserver{plan.url}ideas/"
    assert f'<link rel="canonical" href="{url}">' in body  # without the filters
    assert '<meta property="og:title" content="Ideed: Kava">' in body
    form = html(client.get(f"{plan.url}ideas/new/"))
    assert f'<link rel="canonical" href="{url}new/">' in form


def test_a_tokens_page_keeps_the_plans_url(client, plan, collection):
    body = html(client.get(f"{plan.url}ideas/support/confirm/?t=forged"))
    assert f'<link rel="canonical" href="http://testserver{plan.url}">' in body


def test_the_language_links_lead_to_the_same_idea_in_each_language(client, plan, collection):
    from tests.factories import translate

    idea = make_idea(plan, 1, language="et")
    english = translate(plan, "en")
    body = html(client.get(f"{english.url}ideas/{idea.pk}/"))
    for language, version in (("et", plan), ("en", english)):
        path = f"{version.url}ideas/{idea.pk}/"
        assert f'hreflang="{language}" href="http://testserver{path}"' in body
        assert f'href="{path}" hreflang="{language}" lang="{language}"' in body
    assert f'href="{english.url}ideas/{idea.pk}/" hreflang="en" lang="en" aria-current="page"' in (
        body
    )
    listing = html(client.get(f"{plan.url}ideas/"))
    assert f'href="{english.url}ideas/" hreflang="en"' in listing
    # A form posted back (its errors) names the idea's page, not the sub-URL it went to.
    response = client.post(f"{english.url}ideas/{idea.pk}/support/", {"email": "nope"})
    assert response.status_code == 400
    errors = html(response)
    assert f'href="{plan.url}ideas/{idea.pk}/" hreflang="et"' in errors
    assert f'<link rel="canonical" href="http://testserver{english.url}ideas/{idea.pk}/">' in errors


def test_the_breadcrumbs_end_at_the_idea_not_at_the_plan(client, plan, collection):
    """On the idea's page the plan is a step on the way (a link), the idea the current
    page (aria-current), as on every other page."""
    from bs4 import BeautifulSoup

    idea = make_idea(plan, 1, title="Pingid parki")
    soup = BeautifulSoup(client.get(f"{plan.url}ideas/{idea.pk}/").content, "html.parser")
    crumbs = soup.select("nav.avp-breadcrumbs li a")
    assert [a.get_text() for a in crumbs[-2:]] == [plan.title, "Pingid parki"]
    assert crumbs[-1]["aria-current"] == "page"
    assert crumbs[-1]["href"] == f"{plan.url}ideas/{idea.pk}/"
    assert crumbs[-1]["lang"] == idea.language  # the resident's title in its language
    assert not crumbs[-2].has_attr("aria-current")
    # The support form sent back with an error: the crumb still names the idea's address.
    response = client.post(f"{plan.url}ideas/{idea.pk}/support/", {"support-email": "x"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select("nav.avp-breadcrumbs li a")[-1]["href"] == f"{plan.url}ideas/{idea.pk}/"
    # The plan page's own trail still ends at the plan.
    soup = BeautifulSoup(client.get(plan.url).content, "html.parser")
    assert soup.select("nav.avp-breadcrumbs li a")[-1]["aria-current"] == "page"


def test_an_idea_page_does_not_claim_the_plans_dates_or_translation(client, plan, collection):
    """The plan's "Published <date>" and its translation notice are the plan's: under an
    idea sent a year earlier they read as the idea's."""
    from tests.factories import translate

    idea = make_idea(plan, 1)
    english = translate(plan, "en")
    body = html(client.get(f"{english.url}ideas/{idea.pk}/"))
    assert "avp-translation-notice" not in body
    assert "avp-page-dates" not in body
    assert "avp-page-dates" in html(client.get(english.url))
