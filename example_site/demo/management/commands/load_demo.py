"""``manage.py load_demo``: build (or rebuild) the demo content and an admin login."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from wagtail.models import Site

from avp_wagtail.models import NetworkPage
from demo.builder import build_demo
from demo.neighbour import HOSTNAME


class Command(BaseCommand):
    help = "Build the demo municipality's AVP KOV pages (re-runnable) and an admin user."

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Do not create the admin user.")
        parser.add_argument(
            "--address",
            default=os.environ.get("AVP_DEMO_ADDR", "127.0.0.1:8000"),
            help="host:port the demo server runs on (as given to runserver; default "
            "$AVP_DEMO_ADDR or 127.0.0.1:8000). The demo's Sites answer there, so "
            "their absolute links (feeds, canonical URLs, the neighbour) work.",
        )

    def handle(self, *args, no_admin=False, address=None, **options):
        programme = build_demo(neighbour=True, address=address)
        self.stdout.write(self.style.SUCCESS(f"Demo content built: {programme.title}"))
        self.write_addresses(programme)
        if no_admin:
            return
        username = os.environ.get("AVP_DEMO_ADMIN_USER", "admin")
        password = os.environ.get("AVP_DEMO_ADMIN_PASSWORD", "avp-demo-admin")
        user, _ = get_user_model().objects.get_or_create(
            username=username, defaults={"email": "admin@naidiku.example"}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(f"Admin login: {username} / {password}")

    def write_addresses(self, programme):
        """The addresses to open, from the Site records themselves (so they agree)."""
        site = Site.objects.get(is_default_site=True)
        translations = programme.get_translations().live().order_by("locale__language_code")
        network = NetworkPage.objects.child_of(programme).live().first()
        neighbour = Site.objects.filter(hostname=HOSTNAME).first()
        neighbour_url = neighbour.root_url + "/" if neighbour else ""
        lines = [
            ("Demo site", site.root_url + "/"),
            ("Programme page", programme.get_full_url()),
            *[("  translation", page.get_full_url()) for page in translations],
            ("Network page", network.get_full_url() if network else ""),
            ("Neighbouring municipality (a second site)", neighbour_url),
            ("Wagtail admin", site.root_url + "/admin/"),
        ]
        for label, url in lines:
            if url:
                self.stdout.write(f"  {label}: {url}")
