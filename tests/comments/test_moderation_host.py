"""Issue 13, point 6: the moderation setting is the one of the page's municipality (its
Wagtail Site), whichever host the confirmation link is opened on."""

import pytest
from django.test import Client
from wagtail.models import Site

from avp_wagtail.comments.choices import ModerationMode
from avp_wagtail.comments.models import AvpComment, CommentSettings
from tests.builders import make_item, make_plan, make_programme, make_site
from tests.comments.helpers import confirmation_link, post_comment, shown_comments

pytestmark = pytest.mark.django_db

NEIGHBOUR = "naaber.example"


def _set(site, mode):
    setting = CommentSettings.for_site(site)
    setting.moderation = mode
    setting.save()


@pytest.fixture
def sites(db):
    """The default site (pre-moderated) and a neighbour's site (post-moderated)."""
    home_site = Site.objects.get(is_default_site=True)
    neighbour = make_site(NEIGHBOUR)
    _set(home_site, ModerationMode.PRE)
    _set(neighbour, ModerationMode.POST)
    return home_site, neighbour


def _item_on(site):
    return make_item(make_plan(make_programme(site.root_page.specific)), 1)


def test_link_opened_on_the_post_moderated_sites_host_does_not_publish(client, sites, mailoutbox):
    home_site, _neighbour = sites
    item = _item_on(home_site)
    assert post_comment(client, item, comment="Ootab modereerimist").status_code == 302
    response = Client(HTTP_HOST=NEIGHBOUR).get(confirmation_link(mailoutbox))
    assert response.status_code == 302
    assert response["Location"].endswith("?comment=pending#comments")
    comment = AvpComment.objects.get()
    assert not comment.is_public  # waits for a moderator of the page's municipality
    assert "Ootab modereerimist" not in shown_comments(client.get(item.url).content.decode())


def test_the_post_moderated_sites_page_publishes_whatever_the_host(client, sites, mailoutbox):
    _home_site, neighbour = sites
    item = _item_on(neighbour)
    page_client = Client(HTTP_HOST=NEIGHBOUR)
    url = item.relative_url(neighbour)
    assert post_comment(page_client, item, url=url, comment="Kohe näha").status_code == 302
    response = client.get(confirmation_link(mailoutbox))  # the default site's host
    assert response.status_code == 302
    assert "?comment=confirmed" in response["Location"]
    assert AvpComment.objects.get().is_public


def test_setting_for_a_page_is_its_sites(sites):
    home_site, neighbour = sites
    assert CommentSettings.for_page(_item_on(home_site)).moderation == ModerationMode.PRE
    assert CommentSettings.for_page(_item_on(neighbour)).moderation == ModerationMode.POST
