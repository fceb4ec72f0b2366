"""The ideas' personal data: unconfirmed ideas erased once their link expired, authors and
supporters anonymised past the retention period, one person's data erased on request."""

import datetime

import pytest
from django.utils import timezone

from avp_wagtail.ideas.choices import IdeaState
from avp_wagtail.ideas.models import Idea, IdeaSupport
from avp_wagtail.ideas.retention import IdeaData
from avp_wagtail.privacy.retention import erase_expired, providers, retention_days

from .helpers import make_idea

pytestmark = pytest.mark.django_db
LONG_AGO = timezone.now() - datetime.timedelta(days=4 * 365)


def test_the_ideas_are_a_registered_kind_of_personal_data():
    assert any(isinstance(p, IdeaData) for p in providers())
    assert retention_days()["ideas"] == 3 * 365


def test_retention_erases_unconfirmed_and_anonymises_old_ideas_and_supports(plan):
    fresh = make_idea(plan, 1)
    old_public = make_idea(plan, 2, created_at=LONG_AGO)
    old_hidden = make_idea(plan, 3, state=IdeaState.HIDDEN, created_at=LONG_AGO)
    stale = make_idea(
        plan, 4, state=IdeaState.UNCONFIRMED, created_at=timezone.now() - datetime.timedelta(4)
    )
    support = IdeaSupport.objects.create(idea=fresh, email="old@example.ee", created_at=LONG_AGO)
    assert erase_expired(dry_run=True)["ideas_anonymised"] == 2
    assert Idea.objects.count() == 4
    done = erase_expired()
    assert done["ideas_unconfirmed_deleted"] == 1
    assert done["ideas_anonymised"] == 2
    assert done["idea_supports_anonymised"] == 1
    old_public.refresh_from_db()
    assert (old_public.author_name, old_public.email) == ("", "")
    assert old_public.title == "Idee 2"  # the text stays
    assert not Idea.objects.filter(pk__in=[old_hidden.pk, stale.pk]).exists()
    support.refresh_from_db()
    assert support.email == ""
    assert fresh.supports.count() == 1  # still counted
    again = erase_expired()  # idempotent
    assert not any(again[k] for k in done if k.startswith("idea"))


def test_one_persons_ideas_and_supports_are_erased_on_request(plan):
    public = make_idea(plan, 1, email="Mari@Example.ee")
    pending = make_idea(plan, 2, email="mari@example.ee", state=IdeaState.PENDING)
    other = make_idea(plan, 3)
    IdeaSupport.objects.create(idea=other, email="mari@example.ee")
    provider = IdeaData()
    rows = provider.of_person("mari@example.ee")
    assert provider.count("ideas", rows["ideas"]) == 2
    assert provider.erase("ideas", rows["ideas"]) == 2
    assert provider.erase("idea_supports", rows["idea_supports"]) == 1
    public.refresh_from_db()
    assert public.email == ""
    assert public.author_name == ""
    assert not Idea.objects.filter(pk=pending.pk).exists()
    assert not other.supports.exists()
