"""Retention and erasure of the core's own personal data, with or without the comments app.

Runs in both configurations (scripts/test_core.sh too): every kind of personal data is a
provider registered under ``avp_personal_data``; the core's kinds are registered like any
other, and the comments app adds its own only when it is installed."""

import datetime
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone
from wagtail import hooks

from avp_wagtail.core.plugins import PERSONAL_DATA_HOOK
from avp_wagtail.models import InterestSubmission, ItemFollower
from avp_wagtail.privacy.retention import PersonalData, retention_days
from tests.builders import make_call, make_item, make_plan, make_programme

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]

COMMENTS_APP = "avp_wagtail" + ".comments"  # (named apart: tests naming it need the app)
LONG_AGO = timezone.now() - datetime.timedelta(days=4 * 365)
URL = "/admin/avp/erase-personal-data/"


@pytest.fixture
def programme(home):
    return make_programme(home)


@pytest.fixture
def item(programme):
    return make_item(make_plan(programme), 1, title="Rattateed")


@pytest.fixture
def call(programme):
    return make_call(programme, title="Kutse")


def run(*args):
    out = StringIO()
    call_command("avp_erase_expired", *args, stdout=out)
    return out.getvalue()


def test_the_kinds_are_the_registered_providers():
    days = retention_days()
    assert days["interest_submissions"] == 730
    assert days["followers"] is None
    assert ("comments" in days) == apps.is_installed(COMMENTS_APP)


def test_expired_interest_and_followers_go_and_the_rest_stays(settings, item, call):
    old = InterestSubmission.objects.create(call=call, name="Vana", email="vana@example.ee")
    InterestSubmission.objects.filter(pk=old.pk).update(submitted_at=LONG_AGO)
    new = InterestSubmission.objects.create(call=call, name="Uus", email="uus@example.ee")
    follower = ItemFollower.objects.create(page=item, email="jalg@example.ee")
    ItemFollower.objects.filter(pk=follower.pk).update(confirmed_at=LONG_AGO)

    output = run("--dry-run")
    assert "1 expression(s) of interest would be deleted" in output
    assert InterestSubmission.objects.count() == 2

    output = run()
    assert "1 expression(s) of interest deleted" in output
    assert list(InterestSubmission.objects.all()) == [new]
    assert ItemFollower.objects.count() == 1  # followers are kept by default

    settings.AVP_WAGTAIL = {"RETENTION_DAYS": {"followers": 365}}
    assert "1 follower(s) deleted" in run()
    assert not ItemFollower.objects.exists()


def test_a_host_registers_its_own_kind_of_personal_data(settings):
    class Visitors(PersonalData):
        kind = "visitors"
        default_days = 30
        labels = {"visitors_forgotten": ("visitor(s)", "forgotten")}

        def erase_expired(self, days, now, dry_run=False):
            return {"visitors_forgotten": days}

    with hooks.register_temporarily(PERSONAL_DATA_HOOK, Visitors()):
        assert retention_days()["visitors"] == 30
        assert "30 visitor(s) forgotten" in run()
        settings.AVP_WAGTAIL = {"RETENTION_DAYS": {"visitors": 7}}
        assert "7 visitor(s) forgotten" in run()
    settings.AVP_WAGTAIL = {"RETENTION_DAYS": {"visitors": 7}}
    with pytest.raises(ValueError, match="Unknown kind"):
        retention_days()


def test_an_administrator_erases_one_persons_follows_and_interest(
    client, django_user_model, item, call
):
    from wagtail.users.models import UserProfile

    admin = django_user_model.objects.create_superuser("haldur", "h@vald.example", "pw")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    ItemFollower.objects.create(page=item, email="MARI@example.ee")
    InterestSubmission.objects.create(call=call, name="Mari", email="mari@example.ee")
    InterestSubmission.objects.create(call=call, name="Jaan", email="jaan@example.ee")
    client.force_login(admin)

    html = client.post(URL, {"email": "mari@example.ee"}).content.decode()
    assert "1 follow of an action, 1 expression of interest." in html
    response = client.post(URL, {"email": "mari@example.ee", "confirmed": "True"}, follow=True)
    assert "2 records erased" in response.content.decode()
    assert not ItemFollower.objects.exists()
    assert list(InterestSubmission.objects.values_list("name", flat=True)) == ["Jaan"]
