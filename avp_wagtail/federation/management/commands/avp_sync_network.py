"""Fetch the followed municipalities whose copy is older than NETWORK_SYNC_EVERY (cron)."""

import logging

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from avp_wagtail.federation.sync import due_sources, sync_source

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Fetch followed AVP KOV network sources that are due (or all with --all)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Fetch every source now.")

    def handle(self, *args, **options):
        from avp_wagtail.federation.models import FollowedSource

        sources = FollowedSource.objects.all() if options["all"] else due_sources()
        sources = list(sources.order_by("pk"))
        failed = 0
        for source in sources:
            try:
                problem = sync_source(source)
            except Exception:  # one broken source never stops the others
                logger.exception("Fetching %s failed", source.address)
                problem = str(_("Fetching failed unexpectedly; see the server log."))
                source.last_error = problem
                source.checked_at = timezone.now()
                source.save(update_fields=["last_error", "checked_at"])
            name = source.municipality or source.address
            if problem:
                failed += 1
                self.stderr.write(f"{name}: {problem}")
            elif options["verbosity"] > 1:
                self.stdout.write(f"{name}: fetched")
        if options["verbosity"] > 0:
            self.stdout.write(f"{len(sources)} source(s) checked, {failed} with errors.")
