"""``manage.py load_demo``: build (or rebuild) the demo content and an admin login."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from demo.builder import build_demo


class Command(BaseCommand):
    help = "Build the demo municipality's AVP KOV pages (re-runnable) and an admin user."

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Do not create the admin user.")

    def handle(self, *args, no_admin=False, **options):
        programme = build_demo(neighbour=True)
        self.stdout.write(
            self.style.SUCCESS(f"Demo content built: {programme.title} ({programme.url})")
        )
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
