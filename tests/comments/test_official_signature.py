"""Official responses are signed as the municipality (with the official's role), never with
the moderator's login name: on the page and in the e-mails to followers."""

import pytest
from wagtail.models import Site

from avp_wagtail.comments.models import AvpComment

from .helpers import hidden_fields, post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def municipality(db):
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Näidiku vald"
    site.save()
    return site.site_name


@pytest.fixture
def question(client, item, resident):
    client.force_login(resident)
    post_comment(client, item, comment="Millal ehitatakse?", mark="question", followup="on")
    client.logout()
    return AvpComment.objects.get()


@pytest.fixture
def admin_login(django_user_model):
    """An official whose login name would give her away."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("admin", "admin@naidiku.example", "pw")
    user.user_permissions.add(Permission.objects.get(codename="moderate_avpcomment"))
    return user


def _answer(client, item, question, **fields):
    url = f"{item.url}?reply_to={question.pk}"
    response = post_comment(
        client, item, url=url, comment="Sügisel.", mark="neutral", official_response="on", **fields
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return AvpComment.objects.get(is_official_response=True)


def _author(html, comment):
    start = html.index(f'id="c{comment.pk}-author">') + len(f'id="c{comment.pk}-author">')
    return html[start : html.index("</strong>", start)]


def test_official_response_is_signed_by_the_municipality_with_the_role(
    client, item, question, admin_login, municipality, mailoutbox
):
    client.force_login(admin_login)
    answer = _answer(client, item, question, official_role="arendusnõunik")
    assert answer.user == admin_login  # kept for the record (admin)
    assert answer.official_role == "arendusnõunik"

    client.logout()
    html = client.get(item.url).content.decode()
    assert _author(html, answer) == "Näidiku vald, arendusnõunik"
    assert ">admin<" not in html
    assert "admin " not in html.split('id="comments"')[1]
    # The follower's e-mail names the municipality too.
    mail = mailoutbox[-1]
    assert mail.to == ["resident@example.ee"]
    assert "Näidiku vald, arendusnõunik" in mail.body
    assert "admin" not in mail.body.replace("admin@", "")


def test_without_a_role_the_signature_is_the_municipality(
    client, item, question, admin_login, municipality
):
    client.force_login(admin_login)
    answer = _answer(client, item, question)
    html = client.get(item.url).content.decode()
    assert _author(html, answer) == "Näidiku vald"


def test_role_field_is_for_moderators_only(client, item, resident, admin_login):
    client.force_login(resident)
    html = client.get(item.url).content.decode()
    assert 'name="official_role"' not in html
    post_comment(client, item, comment="Tere", official_role="vallavanem")
    assert AvpComment.objects.get().official_role == ""
    client.force_login(admin_login)
    html = client.get(item.url).content.decode()
    assert 'name="official_role"' in html
    assert "security_hash" in hidden_fields(html)


def test_role_is_dropped_when_not_an_official_response(client, item, admin_login):
    client.force_login(admin_login)
    post_comment(client, item, comment="Isiklik arvamus", official_role="vallavanem")
    comment = AvpComment.objects.get()
    assert not comment.is_official_response
    assert comment.official_role == ""
