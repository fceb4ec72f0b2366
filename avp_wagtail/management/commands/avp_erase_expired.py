"""Apply the retention periods of residents' personal data (AVP_WAGTAIL["RETENTION_DAYS"]).

Run it daily from cron. Past its period an expression of interest or a follower is
deleted; with the comments app, a published comment is anonymised (the text stays, name,
e-mail and IP address go), an unpublished comment is erased, and unconfirmed comments
whose link has expired are deleted. Every kind is a provider registered under the
``avp_personal_data`` hook (``avp_wagtail.privacy.retention``). Idempotent: running it
again changes nothing more. ``--dry-run`` only counts.
"""

from django.core.management.base import BaseCommand, CommandError

from avp_wagtail.privacy.retention import erase_expired, labels, retention_days


class Command(BaseCommand):
    help = "Erase or anonymise residents' personal data past its retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be erased; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        try:
            days = retention_days()
        except ValueError as error:
            raise CommandError(str(error)) from None
        for kind, value in days.items():
            period = "kept" if value is None else f"{value} days"
            self.stdout.write(f"retention of {kind.replace('_', ' ')}: {period}")
        done = erase_expired(dry_run=dry_run)
        names = labels()  # each kind of personal data names its results (avp_personal_data)
        for key, count in done.items():
            noun, verb = names.get(key, (key, "done"))
            self.stdout.write(f"{count} {noun} {'would be ' if dry_run else ''}{verb}")
        if dry_run:
            self.stdout.write("Dry run: nothing was changed.")
