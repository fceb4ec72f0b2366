"""Links of the comment and follow flows stay on the host that served the page, on an
install with two Sites where the site runs on a non-default port (page.url would be
absolute there, with the Site record's host and port)."""

import re

import pytest
from django.test import Client
from wagtail.models import Site

from avp_wagtail.comments.models import AvpComment
from avp_wagtail.models import ItemFollower
from tests.builders import make_site

from .helpers import POST_URL, comment_data, flag_url

pytestmark = pytest.mark.django_db

HOST = "localhost:8123"


@pytest.fixture(params=[8123, 80], ids=["site record on 8123", "site record on 80"])
def site(request, db):
    """The default Site (localhost, its record on ``param``) and a neighbour's Site."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", request.param
    site.save()
    make_site("naaber.example")
    return site


@pytest.fixture
def browser():
    return Client(HTTP_HOST=HOST, SERVER_PORT="8123")


def stays(url):
    """Relative to the serving host, or absolute on it."""
    return (url.startswith("/") and not url.startswith("//")) or url.startswith(f"http://{HOST}/")


def page_links(html):
    """Form actions and link targets inside the discussion and the follow section."""
    parts = re.findall(r'<section id="(?:comments|avp-follow-item)".*?</section>', html, re.S) or [
        html
    ]
    urls = []
    for part in parts:
        urls += re.findall(r'<form[^>]* action="([^"]*)"', part)
        urls += re.findall(r'<a[^>]* href="([^"#][^"]*)"', part)
        urls += re.findall(r'<input type="hidden" name="next" value="([^"]*)"', part)
    return urls


def path_of(item, site):
    return item.relative_url(site)


def test_comment_flows_stay_on_the_host(site, browser, item, resident, mailoutbox, post_moderation):
    url = path_of(item, site)
    html = browser.get(url).content.decode()
    assert page_links(html), page_links(html)
    assert all(stays(link) for link in page_links(html)), page_links(html)

    # Anonymous: post, then the e-mailed link.
    response = browser.post(POST_URL, comment_data(browser, item, url=url, comment="Tere"))
    assert response.status_code == 302, response["Location"]
    assert stays(response["Location"]), response["Location"]
    links = re.findall(r"https?://\S+", mailoutbox[-1].body)
    confirm = next(link for link in links if "/comments/confirm/" in link)
    if site.port == 8123:  # e-mails use the page's own Site record
        assert all(link.startswith(f"http://{HOST}/") for link in links), links
    response = browser.get(re.sub(r"^https?://[^/]+", "", confirm))
    assert response.status_code == 302, response["Location"]
    assert stays(response["Location"]), response["Location"]
    comment = AvpComment.objects.get()

    # A flag, a reply link, an invalid post shown again: still on this host.
    html = browser.get(url).content.decode()
    assert all(stays(link) for link in page_links(html)), page_links(html)
    response = browser.post(flag_url(comment), {"reason": "spam", "next": url})
    assert stays(response["Location"]), response["Location"]

    browser.force_login(resident)
    response = browser.post(POST_URL, comment_data(browser, item, url=url, comment="Teine"))
    assert stays(response["Location"]), response["Location"]
    response = browser.post(POST_URL, comment_data(browser, item, url=url, comment=""))
    assert response.status_code == 400
    links = page_links(response.content.decode())
    assert links, links
    assert all(stays(link) for link in links), links
    # Links back to the page (its filters, screens), not to /comments/post/.
    assert url in [link.split("#")[0] for link in links]


def test_follow_flows_stay_on_the_host(site, browser, item, mailoutbox):
    url = path_of(item, site)
    html = browser.get(url).content.decode()
    assert f'action="{url}follow/#follow-errors"' in html

    response = browser.post(f"{url}follow/", {"follow-email": "x"})
    assert response.status_code == 400
    assert f'action="{url}follow/#follow-errors"' in response.content.decode()
    response = browser.post(f"{url}follow/", {"follow-email": "mari@example.ee"})
    assert response["Location"] == f"{url}?follow=sent#avp-follow-item"
    confirm = re.search(r"https?://(\S+)/follow/confirm/\?t=\S+", mailoutbox[-1].body)
    if site.port == 8123:
        assert confirm.group(1).startswith(HOST)
    path = re.sub(r"^https?://[^/]+", "", confirm.group(0))
    response = browser.get(path)
    assert response["Location"] == f"{url}?follow=confirmed#avp-follow-item"
    assert browser.get(path).status_code == 409  # the message page links back relatively
    assert browser.get(f"{url}follow/").status_code == 302
    assert stays(browser.get(f"{url}follow/")["Location"])

    from avp_wagtail.tracking.following.tokens import unsubscribe_token

    token = unsubscribe_token(ItemFollower.objects.get())
    html = browser.get(f"{url}follow/unsubscribe/?t={token}").content.decode()
    actions = re.findall(r'<form[^>]* action="([^"]*)"', html)
    assert f"{url}follow/unsubscribe/?t=" in " ".join(actions)
    assert f'<a href="{url}">' in html


def test_message_page_of_an_expired_link_links_back_on_the_host(site, browser, item, mailoutbox):
    from django.test import override_settings

    url = path_of(item, site)
    browser.post(POST_URL, comment_data(browser, item, url=url, comment="Hiljaks jäänud"))
    confirm = re.sub(
        r"^https?://[^/]+",
        "",
        re.search(r"https?://\S+/comments/confirm/\S+", mailoutbox[-1].body).group(0),
    )
    with override_settings(AVP_WAGTAIL={"COMMENT_CONFIRMATION_MAX_AGE": -1}):
        response = browser.get(confirm)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Hiljaks jäänud" in html  # her text is given back
    assert f'<a href="{url}">' in html  # and a way back to the page, on this host
