import datetime

import pytest
from django.utils import timezone

from avp_wagtail.ideas.choices import ModerationMode
from avp_wagtail.ideas.models import IdeaCollection
from tests.builders import make_plan, make_programme
from tests.helpers import english_admin


@pytest.fixture
def plan(home):
    programme = make_programme(home)
    return make_plan(programme, themes=("Liikumine", "Haridus"), title="Kava", slug="kava")


@pytest.fixture
def collection(plan):
    """Open since yesterday for a week, post-moderated (confirmed ideas appear at once)."""
    today = timezone.localdate()
    return IdeaCollection.objects.create(
        plan=plan,
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=7),
        moderation=ModerationMode.POST,
    )


@pytest.fixture
def admin_client(admin_client, django_user_model):
    """The editor works in an English admin (messages are checked in English)."""
    english_admin(django_user_model.objects.get(username="editor"))
    return admin_client
