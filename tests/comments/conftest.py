import pytest
from wagtail.models import Site

from avp_wagtail.comments.choices import ModerationMode
from avp_wagtail.comments.models import CommentSettings
from tests.builders import make_item, make_plan, make_programme


@pytest.fixture
def item(home):
    programme = make_programme(home)
    plan = make_plan(programme)
    return make_item(plan, 1)


@pytest.fixture
def post_moderation(db):
    settings = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    settings.moderation = ModerationMode.POST
    settings.save()
    return settings


@pytest.fixture
def resident(django_user_model):
    return django_user_model.objects.create_user(
        "resident", "resident@example.ee", "pw", first_name="Jaan", last_name="Tamm"
    )


@pytest.fixture
def moderator(django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(
        "moderator", "moderator@naidiku.example", "pw", first_name="Vallavalitsus"
    )
    user.user_permissions.add(
        Permission.objects.get(codename="moderate_avpcomment"),
        Permission.objects.get(codename="delete_avpcomment"),
        Permission.objects.get(codename="access_admin"),
    )
    return user
