"""The new-programme wizard: three drafts in the chosen language under a permitted parent."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import GroupPagePermission, Locale, Page

from avp_wagtail.models import ActionPlanPage, CallToParticipatePage, OpenGovernmentPage
from avp_wagtail.recipes import catalogue
from tests.builders import make_site
from tests.helpers import english_admin

pytestmark = pytest.mark.django_db
URL = "/admin/avp/recipes/start/"


def test_creates_three_drafts_in_the_parents_language(admin_client, home):
    response = admin_client.post(
        URL, {"parent": home.pk, "title": "Avatud Näidiku", "language": "et"}
    )
    programme = OpenGovernmentPage.objects.get(title="Avatud Näidiku")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[programme.pk])
    assert programme.get_parent().pk == home.pk
    assert programme.locale.language_code == "et"
    call = CallToParticipatePage.objects.child_of(programme).get()
    plan = ActionPlanPage.objects.child_of(programme).get()
    for page in (programme, call, plan):
        assert not page.live
        assert page.latest_revision_id is not None
        assert page.get_latest_revision().user.username == "editor"
        assert page.locale.language_code == "et"
    # The recipes' texts in Estonian, as starting content.
    assert escape(catalogue.get("C1", "et").text) in programme.principles
    assert programme.common_goal == catalogue.get("C5", "et").text
    assert escape(catalogue.get("C6", "et").text) in call.why_cooperate
    assert len(call.steps) == 3
    assert call.steps[0].value["description"] == catalogue.get("C3", "et").text
    assert plan.summary == catalogue.get("D1", "et").text
    assert plan.start_date < plan.end_date
    assert plan.themes.count() == 1


def test_in_another_language_under_its_tree(admin_client, home):
    # The site's home is the top of its language's tree: an English home of its own.
    english = Locale.objects.get_or_create(language_code="en")[0]
    english_home = home.copy_for_translation(english)
    admin_client.post(URL, {"parent": english_home.pk, "title": "Open Naidiku", "language": "en"})
    programme = OpenGovernmentPage.objects.get(title="Open Naidiku")
    assert programme.locale.language_code == "en"
    assert escape(catalogue.get("C1", "en").text) in programme.principles


def test_language_must_match_the_parent(admin_client, home):
    Locale.objects.get_or_create(language_code="ru")
    response = admin_client.post(URL, {"parent": home.pk, "title": "X", "language": "ru"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "The language of" in html
    assert 'aria-invalid="true"' in html
    assert not OpenGovernmentPage.objects.filter(title="X").exists()


def test_missing_title_shows_the_field(admin_client, home):
    response = admin_client.post(URL, {"parent": home.pk, "title": "", "language": "et"})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_refuses_a_parent_the_user_may_not_add_under(client, home, django_user_model):
    site = make_site("naaber.example")
    group = Group.objects.create(name="Naabri toimetajad")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=site.root_page,
        permission=Permission.objects.get(
            codename="add_page", content_type__app_label="wagtailcore"
        ),
    )
    user = english_admin(django_user_model.objects.create_user("naaber", password="pw"))
    user.groups.add(group)
    client.force_login(user)
    html = client.get(URL).content.decode()
    assert f'value="{site.root_page.pk}"' in html
    assert f'value="{home.pk}"' not in html
    response = client.post(URL, {"parent": home.pk, "title": "Sissetung", "language": "et"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not OpenGovernmentPage.objects.filter(title="Sissetung").exists()
    client.post(URL, {"parent": site.root_page.pk, "title": "Naabri oma", "language": "et"})
    assert OpenGovernmentPage.objects.get(title="Naabri oma").get_parent().pk == site.root_page.pk


def test_a_user_who_may_add_nowhere_is_told(client, django_user_model):
    user = english_admin(django_user_model.objects.create_user("bare", password="pw"))
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    html = client.get(URL).content.decode()
    assert "You may not add a programme anywhere" in html
    assert (
        client.post(
            URL, {"parent": Page.objects.first().pk, "title": "X", "language": "et"}
        ).status_code
        == 400
    )
