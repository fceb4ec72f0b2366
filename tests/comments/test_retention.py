"""Personal data does not outlive its page or its retention period, and one resident's data
can be erased on request (issue 13, point 10)."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, ModelLogEntry, Page

from avp_wagtail.comments.models import AvpComment, CommentFlagReport, PendingComment
from avp_wagtail.comments.moderation import hide
from avp_wagtail.comments.pending import store_pending
from avp_wagtail.comments.retention import ANONYMOUS_NAME
from avp_wagtail.models import InterestSubmission, ItemFollower
from tests.builders import make_call, make_item, make_plan, make_programme, make_site

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]

NOW = timezone.now()
LONG_AGO = NOW - datetime.timedelta(days=4 * 365)


@pytest.fixture
def programme(home):
    return make_programme(home)


@pytest.fixture
def item(programme):
    return make_item(make_plan(programme), 1, title="Rattateed")


@pytest.fixture
def call(programme):
    return make_call(programme, title="Kutse")


def add_comment(page, text, email="mari@example.ee", when=None, parent=None, **fields):
    comment = AvpComment.objects.create(
        content_object=page,
        site_id=1,
        user_name=fields.pop("user_name", "Mari Maasikas"),
        user_email=email,
        ip_address=fields.pop("ip_address", "192.0.2.7"),
        comment=text,
        is_public=fields.pop("is_public", True),
        parent_id=parent.pk if parent else 0,
        **fields,
    )
    if when is not None:
        AvpComment.objects.filter(pk=comment.pk).update(submit_date=when)
    return AvpComment.objects.get(pk=comment.pk)


def pending_for(page, email="mari@example.ee"):
    pending, _token = store_pending(
        content_type_id=page.content_type_id,
        object_pk=str(page.pk),
        from_page_id=page.pk,
        user_name="Mari",
        user_email=email,
        comment="Ootel",
        ip_address="192.0.2.8",
    )
    return pending


def personal_rows(email="mari@example.ee"):
    return (
        AvpComment.objects.filter(user_email__iexact=email).count()
        + PendingComment.objects.filter(user_email__iexact=email).count()
        + ItemFollower.objects.filter(email__iexact=email).count()
        + InterestSubmission.objects.filter(email__iexact=email).count()
    )


# -- deleting pages ------------------------------------------------------------------------


def test_deleting_a_page_without_surviving_translation_erases_its_discussion(
    item, call, moderator_user
):
    first = add_comment(item, "Hea mõte")
    add_comment(item, "Vastus", parent=first, email="jaan@example.ee")
    CommentFlagReport.objects.create(comment=first, reason="spam", reporter_key="k")
    hide([first], moderator_user)  # a log entry labelled with the name and the text
    pending_for(item)
    ItemFollower.objects.create(page=item, email="mari@example.ee")
    InterestSubmission.objects.create(call=call, name="Mari", email="mari@example.ee")
    assert "Mari Maasikas" in ModelLogEntry.objects.get(action="avp_comments.hide").label

    # Deleting the programme deletes the item and the call with it (a whole section).
    Page.objects.get(pk=item.get_parent().get_parent().pk).delete()

    assert personal_rows() == 0
    assert personal_rows("jaan@example.ee") == 0
    assert not AvpComment.objects.exists()
    assert not CommentFlagReport.objects.exists()
    assert not PendingComment.objects.exists()
    assert "Mari" not in ModelLogEntry.objects.get(action="avp_comments.hide").label


def test_deleting_a_page_whose_translation_survives_moves_the_discussion(item):
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_object

    comment = add_comment(item, "Hea mõte")
    pending = pending_for(item)
    russian, _ = Locale.objects.get_or_create(language_code="ru")
    translate_object(item, [russian])  # with the missing parent pages
    translation_page = item.get_translation(russian)
    item.delete()
    comment.refresh_from_db()
    pending.refresh_from_db()
    assert comment.object_pk == str(translation_page.pk)
    assert comment.user_email
    assert pending.object_pk == str(translation_page.pk)


# -- retention -----------------------------------------------------------------------------


def run(*args):
    out = StringIO()
    call_command("avp_erase_expired", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def old_data(item, call):
    published = add_comment(item, "Vana avalik", when=LONG_AGO, user_name="Vana Kirjutaja")
    hidden = add_comment(item, "Vana peidetud", when=LONG_AGO, is_public=False)
    answered = add_comment(item, "Vana eemaldatud", when=LONG_AGO, is_removed=True)
    add_comment(item, "Vastus", parent=answered, email="jaan@example.ee", user_name="Jaan")
    recent = add_comment(item, "Uus", user_name="Uus Kirjutaja")
    old_submission = InterestSubmission.objects.create(call=call, name="Vana", email="a@x.ee")
    InterestSubmission.objects.filter(pk=old_submission.pk).update(submitted_at=LONG_AGO)
    new_submission = InterestSubmission.objects.create(call=call, name="Uus", email="b@x.ee")
    follower = ItemFollower.objects.create(page=item, email="c@x.ee")
    ItemFollower.objects.filter(pk=follower.pk).update(confirmed_at=LONG_AGO)
    expired = pending_for(item)
    PendingComment.objects.filter(pk=expired.pk).update(expires_at=NOW - datetime.timedelta(1))
    fresh = pending_for(item, email="uus@example.ee")
    return {
        "published": published,
        "hidden": hidden,
        "answered": answered,
        "recent": recent,
        "new_submission": new_submission,
        "fresh_pending": fresh,
    }


def test_dry_run_counts_and_changes_nothing(old_data):
    before = (AvpComment.objects.count(), InterestSubmission.objects.count())
    output = run("--dry-run")
    assert "1 published comment(s) would be anonymised" in output
    assert "2 unpublished comment(s) would be erased" in output
    assert "1 unconfirmed comment(s) would be deleted" in output
    assert "1 expression(s) of interest would be deleted" in output
    assert "follower" not in output.split("\n", 3)[-1]  # followers are kept by default
    assert (AvpComment.objects.count(), InterestSubmission.objects.count()) == before
    assert AvpComment.objects.get(pk=old_data["published"].pk).user_email


def test_expired_data_is_anonymised_or_erased_once(client, item, old_data):
    output = run()
    assert "1 published comment(s) anonymised" in output
    published = AvpComment.objects.get(pk=old_data["published"].pk)
    assert published.comment == "Vana avalik"  # the public record stays
    assert (published.user_name, published.user_email, published.ip_address) == (
        ANONYMOUS_NAME,
        "",
        None,
    )
    # Never published: gone. Removed but answered: an empty placeholder above the reply.
    assert not AvpComment.objects.filter(pk=old_data["hidden"].pk).exists()
    answered = AvpComment.objects.get(pk=old_data["answered"].pk)
    assert answered.comment == ""
    assert answered.user_email == ""
    assert answered.is_removed
    recent = AvpComment.objects.get(pk=old_data["recent"].pk)
    assert recent.user_email == "mari@example.ee"
    assert recent.ip_address == "192.0.2.7"
    assert list(InterestSubmission.objects.all()) == [old_data["new_submission"]]
    assert ItemFollower.objects.count() == 1
    assert list(PendingComment.objects.all()) == [old_data["fresh_pending"]]

    html = client.get(item.url).content.decode()
    assert "Vana avalik" in html
    assert "Uus Kirjutaja" in html
    assert "Vana Kirjutaja" not in html

    again = run()  # idempotent
    assert "0 published comment(s) anonymised" in again
    assert "0 unpublished comment(s) erased" in again
    assert "0 expression(s) of interest deleted" in again


def test_retention_periods_are_settings(settings, old_data):
    settings.AVP_WAGTAIL = {"RETENTION_DAYS": {"comments": None, "followers": 365}}
    output = run()
    assert "retention of comments: kept" in output
    assert "1 follower(s) deleted" in output
    assert not ItemFollower.objects.exists()
    assert AvpComment.objects.get(pk=old_data["published"].pk).user_email
    settings.AVP_WAGTAIL = {"RETENTION_DAYS": {"comment": 30}}
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Unknown kind"):
        run()


# -- erasure on request --------------------------------------------------------------------


def english(user):
    """The user works in an English admin (messages are checked in English)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def moderator_user(django_user_model):
    return english(django_user_model.objects.create_superuser("moderaator", "m@vald.example", "pw"))


URL = "/admin/avp/erase-personal-data/"


def test_an_administrator_erases_one_residents_data_and_the_log_says_only_how_much(
    client, item, call, moderator_user
):
    first = add_comment(item, "Minu kommentaar", email="Mari@Example.ee")
    add_comment(item, "Jaani vastus", parent=first, email="jaan@example.ee")
    lone = add_comment(item, "Teine", email="mari@example.ee")
    official = add_comment(
        item, "Vastus vallalt", email="mari@example.ee", is_official_response=True
    )
    pending_for(item)
    ItemFollower.objects.create(page=item, email="MARI@example.ee")
    InterestSubmission.objects.create(call=call, name="Mari", email="mari@example.ee")
    InterestSubmission.objects.create(call=call, name="Jaan", email="jaan@example.ee")
    client.force_login(moderator_user)

    assert client.get(URL).status_code == 200
    response = client.post(URL, {"email": "mari@example.ee"})
    html = response.content.decode()
    assert "5 records hold this address" in html
    assert (
        "2 comments, 1 unconfirmed comment, 1 follow of an action, 1 expression of interest."
    ) in html
    assert AvpComment.objects.filter(pk=lone.pk).exists()  # nothing erased yet

    response = client.post(URL, {"email": "mari@example.ee", "confirmed": "True"}, follow=True)
    assert "5 records erased" in response.content.decode()
    assert AvpComment.objects.filter(user_email__iexact="mari@example.ee").count() == 1
    assert AvpComment.objects.get(user_email__iexact="mari@example.ee") == official
    assert not AvpComment.objects.filter(pk=lone.pk).exists()
    placeholder = AvpComment.objects.get(pk=first.pk)  # Jaan's reply keeps its place
    assert placeholder.comment == ""
    assert placeholder.is_removed
    assert placeholder.user_name == ANONYMOUS_NAME
    assert AvpComment.objects.filter(user_email="jaan@example.ee").exists()
    assert not PendingComment.objects.exists()
    assert not ItemFollower.objects.exists()
    assert list(InterestSubmission.objects.values_list("name", flat=True)) == ["Jaan"]

    entry = ModelLogEntry.objects.get(action="avp_wagtail.erase_personal_data")
    assert entry.user == moderator_user
    assert entry.timestamp is not None
    assert entry.data["counts"] == {
        "interest_submissions": 1,
        "followers": 1,
        "comments": 2,
        "pending_comments": 1,
    }
    assert "mari" not in str(entry.data).lower()
    assert "mari" not in entry.label.lower()
    history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Personal data of one person erased on request: 5 records." in history


def test_erasure_needs_its_permission(client, django_user_model, item):
    add_comment(item, "Minu kommentaar")
    editor = english(django_user_model.objects.create_user("toimetaja", password="pw"))
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.post(URL, {"email": "mari@example.ee", "confirmed": "True"})
    assert response.status_code in (302, 403)
    assert AvpComment.objects.exists()
    assert "erase-personal-data" not in client.get("/admin/").content.decode()

    editor.user_permissions.add(Permission.objects.get(codename="erase_personal_data"))
    editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)
    assert "erase-personal-data" in client.get("/admin/").content.decode()
    client.post(URL, {"email": "mari@example.ee", "confirmed": "True"})
    assert not AvpComment.objects.exists()


def test_on_several_sites_an_editor_erases_only_within_her_municipality(
    client, django_user_model, item, call
):
    add_comment(item, "Meie valla kommentaar")
    InterestSubmission.objects.create(call=call, name="Mari", email="mari@example.ee")
    neighbour = make_site("naaber.example")
    their_programme = make_programme(neighbour.root_page)
    their_item = make_item(make_plan(their_programme), 1)
    add_comment(their_item, "Naabri valla kommentaar")
    ItemFollower.objects.create(page=their_item, email="mari@example.ee")

    group = Group.objects.create(name="Naabri andmekaitse")
    for codename in ("access_admin", "erase_personal_data"):
        group.permissions.add(Permission.objects.get(codename=codename))
    GroupPagePermission.objects.create(
        group=group,
        page=neighbour.root_page,
        permission=Permission.objects.get(
            codename="change_page", content_type=ContentType.objects.get_for_model(Page)
        ),
    )
    user = english(django_user_model.objects.create_user("naaber", password="pw"))
    user.groups.add(group)
    client.force_login(user)
    response = client.post(URL, {"email": "mari@example.ee"})
    assert "2 records hold this address" in response.content.decode()
    client.post(URL, {"email": "mari@example.ee", "confirmed": "True"})
    assert list(AvpComment.objects.values_list("comment", flat=True)) == ["Meie valla kommentaar"]
    assert InterestSubmission.objects.exists()
    assert not ItemFollower.objects.exists()
