"""The neighbouring municipality: a second Wagtail site on the same installation with its
own plan, one action borrowed from Näidiku (with attribution) and a network page that
lists both. ``scripts/demo.sh`` prints its address (http://naaber.localhost:<port>/, on the port
the demo runs on)."""

import datetime

from wagtail.models import Page, Site

from avp_wagtail.models import ActionItemPage, ActionPlanPage, OpenGovernmentPage, PlanTheme
from avp_wagtail.open_data.borrowing import borrow
from avp_wagtail.open_data.export import plan_export
from home.models import HomePage

HOSTNAME = "naaber.localhost"
NAME = "Naabri vald"


def _publish(page):
    page.save_revision().publish()
    return page


def delete_neighbour():
    site = Site.objects.filter(hostname=HOSTNAME).select_related("root_page").first()
    if site is not None:
        root = site.root_page
        site.delete()
        root.delete()


def build_neighbour(source_plan, borrowed_slug, port=80):
    """Build the neighbour's site (on ``port``, the port the demo server listens on); it
    borrows ``borrowed_slug`` from ``source_plan``."""
    home = HomePage(title=NAME, slug="naabri-vald")
    Page.get_first_root_node().add_child(instance=home)
    _publish(home)
    Site.objects.create(hostname=HOSTNAME, port=port, root_page=home, site_name=NAME)

    programme = OpenGovernmentPage(
        title="Avatud valitsemine Naabri vallas",
        slug="avatud-valitsemine",
        intro="<p>Naabri vald alustas avatud valitsemise partnerlusega 2026. aastal.</p>",
        common_goal="Naabri valla otsused sünnivad koos külaseltside ja noortega.",
        current_phase="carrying_out",
        in_network=True,
        show_in_menus=True,
    )
    home.add_child(instance=programme)
    _publish(programme)

    today = datetime.date.today()
    plan = ActionPlanPage(
        title="Naabri valla avatud valitsemise tegevuskava",
        slug="tegevuskava",
        summary="Kaks tegevust külade ja noorte kaasamiseks.",
        start_date=today.replace(month=1, day=1),
        end_date=today.replace(year=today.year + 1, month=12, day=31),
        status="in_progress",
    )
    plan.themes = [
        PlanTheme(title="Kaasamine", description="Külad ja noored otsustavad kaasa."),
        PlanTheme(title="Läbipaistvus", description="Valla info on avatud."),
    ]
    programme.add_child(instance=plan)
    _publish(plan)

    own = ActionItemPage(
        title="Külavanemate ümarlaud",
        slug="kulavanemate-umarlaud",
        summary="Külavanemad kohtuvad vallajuhtidega kord kvartalis.",
        theme=plan.themes.first(),
        status="in_progress",
        progress=30,
        ogp_civic_participation=True,
    )
    plan.add_child(instance=own)
    own.tags.add("külad")
    _publish(own)

    document = plan_export(source_plan)
    keys = [
        str(n)
        for n, item in enumerate(document["items"])
        if item["url"].endswith(f"/{borrowed_slug}/")
    ]
    for copy in borrow(plan, document, keys):
        _publish(copy)
    return home
