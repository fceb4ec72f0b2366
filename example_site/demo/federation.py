"""The AVP KOV network across installations in the demo: Näidiku follows the neighbouring
municipality over HTTP on the demo's own address, and the neighbour follows Näidiku.

The demo server is not running while the demo is built (``load_demo``, then ``runserver``:
scripts/demo.sh), so nothing is fetched here: each followed source gets its network
document address and a first copy taken from the other site's own export (the same
documents its address would serve), marked as fetched now. ``manage.py avp_sync_network``
(from cron, or by hand while the server runs) or "Fetch now" in the admin refreshes them
over HTTP later (docs/network.md, "The demo")."""

from django.utils import timezone
from wagtail.models import Site

from avp_wagtail.core.sites import full_url, within_sites
from avp_wagtail.federation.conf import network_setting
from avp_wagtail.federation.diff import texts
from avp_wagtail.federation.models import Borrowing, FollowedItem, FollowedPlan, FollowedSource
from avp_wagtail.federation.schema import WELL_KNOWN_PATH, check_network
from avp_wagtail.federation.sync import item_rows
from avp_wagtail.models import ActionItemPage, ActionPlanPage
from avp_wagtail.open_data.export import plan_export

from .neighbour import HOSTNAME

# What the borrowed action's original said when the neighbour borrowed it (the demo's
# "the original has changed since you borrowed it").
EARLIER_SUMMARY = "Valla eelarve lühidalt ja lihtsas keeles."


def follow(site, other):
    """``site`` follows ``other``, with a first copy of ``other``'s documents."""
    from avp_wagtail.federation.document import site_document

    address = f"{other.root_url}/{WELL_KNOWN_PATH}"
    now = timezone.now()
    document = check_network(site_document(other), int(network_setting("NETWORK_MAX_PLANS")))
    source = FollowedSource.objects.create(
        site=site,
        address=address,
        document_url=address,
        municipality=document["municipality"]["name"],
        document=document,
        fetched_at=now,
        checked_at=now,
    )
    plans = {full_url(plan): plan for plan in within_sites(ActionPlanPage.objects.live(), [other])}
    for programme in document["programmes"]:
        for entry in programme["plans"]:
            plan = plans.get(entry["url"])
            if plan is None:
                continue
            followed = FollowedPlan.objects.create(
                source=source,
                url=entry["json"],
                page_url=entry["url"],
                title=entry["title"],
                language=entry["language"],
                document=plan_export(plan.specific),
                fetched_at=now,
            )
            FollowedItem.objects.bulk_create(item_rows(followed))
    return source


def add_demo_network():
    """Näidiku and the neighbour follow each other (when the neighbour was built)."""
    FollowedSource.objects.all().delete()
    neighbour = Site.objects.filter(hostname=HOSTNAME).first()
    home = Site.objects.filter(is_default_site=True).first()
    if neighbour is None or home is None:
        return
    follow(home, neighbour)
    source = follow(neighbour, home)
    # The neighbour's borrowed action, as if borrowed by address before Näidiku edited it.
    copy = (
        within_sites(ActionItemPage.objects.exclude(adapted_from_url=""), [neighbour])
        .order_by("path")
        .first()
    )
    original = FollowedItem.objects.filter(
        plan__source=source, url=copy.adapted_from_url if copy else "-"
    ).first()
    if copy is not None and original is not None:
        snapshot = texts(original.data() or {})
        snapshot["summary"] = EARLIER_SUMMARY
        Borrowing.objects.create(
            item=copy, original_url=original.url, plan_url=original.plan.url, snapshot=snapshot
        )
