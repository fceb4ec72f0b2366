"""The posting rate limit stops floods from one address, never the municipality's officials."""

import pytest
from django.contrib.auth.models import Permission
from django.test import override_settings

from avp_wagtail.comments.models import AvpComment

from .helpers import post_comment

pytestmark = pytest.mark.django_db

LIMIT = {"COMMENT_RATE_LIMIT": 2}


def _post_many(client, item, count, **fields):
    return [
        post_comment(client, item, comment=f"Vastus {n}", **fields).status_code
        for n in range(count)
    ]


@override_settings(AVP_WAGTAIL=LIMIT)
def test_moderator_answering_many_comments_is_never_limited(client, item, moderator):
    client.force_login(moderator)
    assert _post_many(client, item, 5, official_response="on") == [302] * 5
    assert AvpComment.objects.filter(is_official_response=True).count() == 5


@override_settings(AVP_WAGTAIL=LIMIT)
def test_logged_in_editor_is_never_limited(client, item, django_user_model):
    editor = django_user_model.objects.create_user("toimetaja", "t@naidiku.example", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert _post_many(client, item, 4) == [302] * 4


@override_settings(AVP_WAGTAIL=LIMIT)
def test_resident_is_limited_and_officials_do_not_use_up_the_addresss_limit(
    client, item, resident, moderator
):
    client.force_login(moderator)
    _post_many(client, item, 3)
    client.force_login(resident)  # same address (the council's Wi-Fi)
    assert _post_many(client, item, 3) == [302, 302, 429]


@override_settings(AVP_WAGTAIL={**LIMIT, "COMMENT_RATE_TRUSTED_NETWORKS": ["127.0.0.0/8"]})
def test_trusted_network_is_not_limited(client, item, resident):
    client.force_login(resident)
    assert _post_many(client, item, 4) == [302] * 4


@override_settings(AVP_WAGTAIL={**LIMIT, "COMMENT_RATE_TRUSTED_NETWORKS": ["192.0.2.0/24"]})
def test_other_networks_stay_limited(client, item, resident):
    client.force_login(resident)
    assert _post_many(client, item, 3) == [302, 302, 429]


@override_settings(AVP_WAGTAIL=LIMIT)
def test_the_count_is_one_shared_counter(client, item, resident):
    """The count lives in the cache as a number raised with incr() (atomic in Redis or
    Memcached), not as a list each process reads, extends and writes back."""
    from django.core.cache import cache

    client.force_login(resident)
    _post_many(client, item, 2)
    keys = [key for key in cache._cache if "avp_comments:rate:" in key]  # LocMemCache
    assert len(keys) == 1
    assert cache.get(keys[0].split(":", 2)[2]) == 2
