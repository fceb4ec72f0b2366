"""Behind a load balancer (issue 15): REMOTE_ADDR is the balancer, so the client's address
is read from X-Forwarded-For, but only when the request came from a trusted proxy, and only
the part of the header the trusted proxies wrote."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from tests.builders import make_item, make_plan, make_programme

pytestmark = pytest.mark.django_db

BALANCER = "10.0.0.5"
BEHIND_THE_BALANCER = {"AVP_WAGTAIL": {"TRUSTED_PROXIES": ["10.0.0.0/24"], "FOLLOW_RATE_LIMIT": 2}}


@pytest.fixture
def item(home):
    return make_item(make_plan(make_programme(home)), 1)


def follow(client, item, n, forwarded=None, remote=BALANCER):
    """Resident ``n`` (an address of her own) asks to follow the item."""
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    data = {"follow-email": f"resident{n}@example.ee"}
    return client.post(f"{item.url}follow/", data, **headers).status_code


@override_settings(**BEHIND_THE_BALANCER)
def test_residents_behind_the_balancer_each_have_their_own_limit(client, item):
    # Three residents, two requests each: all within their own limit of two.
    statuses = [
        follow(client, item, f"{who}-{k}", forwarded=f"198.51.100.{who}")
        for who in (1, 2, 3)
        for k in range(2)
    ]
    assert statuses == [302] * 6
    # The third request of one of them is refused.
    assert follow(client, item, "1-3", forwarded="198.51.100.1") == 429


@override_settings(**BEHIND_THE_BALANCER)
def test_an_address_the_client_wrote_itself_is_not_believed(client, item):
    """A client sending its own X-Forwarded-For gets it passed on with its real address
    appended by the balancer: the right-most untrusted address counts, whatever it put left."""
    statuses = [follow(client, item, k, forwarded=f"203.0.113.{k}, 198.51.100.7") for k in range(4)]
    assert statuses == [302, 302, 429, 429]


@override_settings(**BEHIND_THE_BALANCER)
def test_a_chain_of_trusted_proxies_is_walked_back_to_the_client(client, item):
    statuses = [
        follow(client, item, k, forwarded="198.51.100.9, 10.0.0.7, 10.0.0.8") for k in range(3)
    ]
    assert statuses == [302, 302, 429]


@override_settings(AVP_WAGTAIL={"FOLLOW_RATE_LIMIT": 2})
def test_without_trusted_proxies_the_header_is_ignored(client, item):
    """Anyone can send X-Forwarded-For: by default a new value in it buys no new limit."""
    statuses = [
        follow(client, item, k, forwarded=f"198.51.100.{k}", remote="192.0.2.1") for k in range(3)
    ]
    assert statuses == [302, 302, 429]


@override_settings(**BEHIND_THE_BALANCER)
def test_a_request_not_from_a_trusted_proxy_is_counted_by_its_own_address(client, item):
    statuses = [
        follow(client, item, k, forwarded=f"198.51.100.{k}", remote="192.0.2.1") for k in range(3)
    ]
    assert statuses == [302, 302, 429]


@override_settings(AVP_WAGTAIL={"TRUSTED_PROXIES": ["10.0.0.0/8", "balancer.internal"]})
def test_a_setting_that_is_not_an_address_stops_the_checks():
    with pytest.raises(SystemCheckError, match=r"balancer\.internal"):
        call_command("check")


@override_settings(
    DEBUG=False, CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
)
def test_deploy_check_warns_of_a_per_process_cache():
    with pytest.raises(SystemCheckError, match=r"avp_wagtail\.W001"):
        call_command("check", "--deploy", "--fail-level", "WARNING")
