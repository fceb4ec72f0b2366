"""The recipes in the admin: the recipes page, the texts for the id links, the checklist
(panel, page, dashboard), manual ticks and site scoping."""

import pytest
from django.urls import reverse

from avp_wagtail.recipes.models import ChecklistTick
from tests.admin.multisite import assert_denied
from tests.builders import make_item, make_plan, make_programme, make_site
from tests.helpers import english_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(home):
    return make_programme(home, principles="<p>Open.</p>", common_goal="Together.")


def test_recipes_page_lists_every_recommendation_with_an_anchor(admin_client):
    html = admin_client.get(reverse("avp_recipes:recipes")).content.decode()
    for rid in ("C1", "C10", "D2", "D6", "I3"):
        assert f'id="recipe-{rid}"' in html
    assert "Decide early who writes the plan" in html
    assert html.index("Making contact") < html.index("Drafting the action plan")


def test_recipes_page_in_the_users_language(client, django_user_model):
    user = django_user_model.objects.create_superuser("juhan", "j@example.ee", "pw")
    client.force_login(user)  # a new user's admin speaks Estonian (LANGUAGE_CODE)
    html = client.get(reverse("avp_recipes:recipes")).content.decode()
    assert "Otsustage varakult, kes kava kirja paneb" in html


def test_texts_json_in_the_admin_users_language(admin_client, django_user_model):
    data = admin_client.get(reverse("avp_recipes:texts")).json()
    assert data["language"] == "en"
    assert set(data["recipes"]) >= {"C1", "D2", "I3"}
    assert data["recipes"]["D5"]["title"] == "Name who does each action, and with what"
    assert data["list_url"] == reverse("avp_recipes:recipes")
    user = django_user_model.objects.get(username="editor")
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ru"
    profile.save()
    data = admin_client.get(reverse("avp_recipes:texts")).json()
    assert data["language"] == "ru"
    assert "исполнител" in data["recipes"]["D5"]["title"]


def test_texts_need_the_admin(client):
    response = client.get(reverse("avp_recipes:texts"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_editor_gets_the_id_links_script_and_the_checklist_panel(admin_client, programme):
    plan = make_plan(programme)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[plan.pk])).content.decode()
    # The help texts keep their ids; the script turns them into links with the texts.
    assert "Roles (D2)" in html
    assert "(D6)" in html
    assert "avp_wagtail/recipes/recipe-links.js" in html
    assert f'data-avp-recipes-texts="{reverse("avp_recipes:texts")}"' in html
    assert "Recipes checklist" not in html  # the panel is the programme's only
    html = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[programme.pk])
    ).content.decode()
    assert "Recipes checklist" in html
    assert "recommendations met" in html
    assert reverse("avp_recipes:checklist", args=[programme.pk]) in html
    # An unmet item's fix link: the plan's edit view for D6.
    assert "Fix D6" in html
    assert reverse("wagtailadmin_pages:edit", args=[plan.pk]) in html


def test_the_script_is_on_snippet_forms_too(admin_client):
    html = admin_client.get("/admin/snippets/avp_wagtail/organisation/add/").content.decode()
    assert "recipe-links.js" in html


def test_the_links_can_be_turned_off(admin_client, programme, settings):
    settings.AVP_WAGTAIL = {**settings.AVP_WAGTAIL, "RECIPES_ADMIN_LINKS": False}
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[programme.pk])).content
    assert b"recipe-links.js" not in html


def test_new_programme_editor_panel_says_save_first(admin_client, home):
    url = reverse("wagtailadmin_pages:add", args=["avp_wagtail", "opengovernmentpage", home.pk])
    html = admin_client.get(url).content.decode()
    assert "appears here once the programme page is saved" in html


def test_checklist_page_and_fix_links(admin_client, programme):
    url = reverse("avp_recipes:checklist", args=[programme.pk])
    html = admin_client.get(url).content.decode()
    assert "Fix D2" in html
    add_plan = reverse(
        "wagtailadmin_pages:add", args=["avp_wagtail", "actionplanpage", programme.pk]
    )
    assert add_plan in html
    assert 'id="tick-C4"' in html
    assert 'name="C4-note"' in html
    assert 'name="C1-note"' not in html  # computed: no tick


def test_checklist_of_a_page_below_goes_to_its_programme(admin_client, programme):
    plan = make_plan(programme)
    response = admin_client.get(reverse("avp_recipes:checklist", args=[plan.pk]))
    assert response["Location"] == reverse("avp_recipes:checklist", args=[programme.pk])


def test_manual_tick_saved_and_shown(admin_client, programme):
    url = reverse("avp_recipes:checklist", args=[programme.pk])
    response = admin_client.post(
        url, {"recommendation": "C4", "C4-done": "on", "C4-note": "Talked at the village day."}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#tick-C4")
    tick = ChecklistTick.objects.get(programme=programme, recommendation="C4")
    assert tick.done
    assert tick.note == "Talked at the village day."
    assert tick.ticked_by.username == "editor"
    html = admin_client.get(url).content.decode()
    assert "Talked at the village day." in html
    assert "Ticked as done by editor" in html


def test_manual_tick_invalid_shows_the_field(admin_client, programme):
    url = reverse("avp_recipes:checklist", args=[programme.pk])
    response = admin_client.post(url, {"recommendation": "C4", "C4-done": "on", "C4-note": " "})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Say in a few words what was done." in html
    assert 'aria-invalid="true"' in html or "w-field--error" in html
    assert not ChecklistTick.objects.exists()


def test_a_computed_item_cannot_be_ticked(admin_client, programme):
    url = reverse("avp_recipes:checklist", args=[programme.pk])
    admin_client.post(url, {"recommendation": "C1", "C1-done": "on", "C1-note": "x"})
    admin_client.post(url, {"recommendation": "Z1", "Z1-done": "on", "Z1-note": "x"})
    assert not ChecklistTick.objects.exists()


def test_dashboard_part(admin_client, programme):
    html = admin_client.get("/admin/").content.decode()
    assert "Programme checklists" in html
    assert reverse("avp_recipes:checklist", args=[programme.pk]) in html
    assert reverse("avp_recipes:start") in html
    assert "next: C2" in html or "next: C" in html


def test_menu_item(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "Open government recipes" in html


# Site scoping


def municipality(root, name):
    programme = make_programme(root, title=f"{name} programm", slug=f"{name.lower()}-p")
    plan = make_plan(programme, title=f"{name} kava")
    return {"programme": programme, "plan": plan, "item": make_item(plan, 1)}


def neighbour_editor(client, django_user_model, root):
    """An editor of the pages under ``root`` only (tests.admin.multisite's, without the
    expressions of interest)."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.create(name="Naabri toimetajad")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=root,
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtailcore"
            ),
        )
    user = english_admin(django_user_model.objects.create_user("naaber", password="pw"))
    user.groups.add(group)
    client.force_login(user)
    return user


def test_neighbour_editor_never_sees_our_checklist(client, home, django_user_model):
    ours = municipality(home, "Näidiku")
    site = make_site("naaber.example")
    theirs = municipality(site.root_page, "Naabri")
    neighbour_editor(client, django_user_model, site.root_page)
    url = reverse("avp_recipes:checklist", args=[ours["programme"].pk])
    assert_denied(client.get(url))
    assert_denied(client.get(reverse("avp_recipes:checklist", args=[ours["item"].pk])))
    response = client.post(url, {"recommendation": "C4", "C4-done": "on", "C4-note": "x"})
    assert_denied(response)
    assert not ChecklistTick.objects.exists()
    listing = client.get(reverse("avp_recipes:checklists")).content.decode()
    assert "Naabri programm" in listing
    assert "Näidiku programm" not in listing
    dashboard = client.get("/admin/").content.decode()
    assert "Näidiku programm" not in dashboard
    # Their own works.
    own = client.get(reverse("avp_recipes:checklist", args=[theirs["programme"].pk]))
    assert own.status_code == 200
    assert "Naabri programm" in own.content.decode()


def test_a_user_who_may_only_open_the_admin_sees_no_programme(client, home, django_user_model):
    programme = make_programme(home, title="Zqx programm")
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("bare", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    english_admin(user)
    client.force_login(user)
    assert_denied(client.get(reverse("avp_recipes:checklist", args=[programme.pk])))
    assert programme.title not in client.get(reverse("avp_recipes:checklists")).content.decode()
    assert client.get(reverse("avp_recipes:recipes")).status_code == 200
