"""Import action items into a plan from a CSV file in the open data export's format.

    manage.py avp_import_items <plan page id> items.csv [--publish] [--dry-run]
        [--allow-duplicate-titles]

All or nothing: any invalid row rejects the whole file (row-and-column messages). A row
without a known id whose title is already an action's of the plan (or another new row's)
is skipped and reported, unless --allow-duplicate-titles.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from avp_wagtail.models import ActionPlanPage
from avp_wagtail.open_data.csv_import import ImportRejected, apply, import_summary, prepare
from avp_wagtail.open_data.uploads import UploadError, read_text


class Command(BaseCommand):
    help = "Import action items into a plan from CSV (the plan's open data CSV format)."

    def add_arguments(self, parser):
        parser.add_argument("plan_id", type=int, help="Page id of the action plan.")
        parser.add_argument("path", type=Path, help="The CSV file (UTF-8).")
        parser.add_argument(
            "--publish", action="store_true", help="Publish the items (default: drafts)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file; change nothing."
        )
        parser.add_argument(
            "--allow-duplicate-titles",
            action="store_true",
            help=(
                "Create rows without a known id even when an action of the plan (or another "
                "row) has the same title (default: skip and report them)."
            ),
        )

    def handle(
        self,
        *args,
        plan_id,
        path,
        publish=False,
        dry_run=False,
        allow_duplicate_titles=False,
        **options,
    ):
        plan = ActionPlanPage.objects.filter(pk=plan_id).first()
        if plan is None:
            raise CommandError(f"No action plan with page id {plan_id}.")
        try:
            with path.open("rb") as upload:
                text = read_text(upload)
            prepared = prepare(plan, text, allow_duplicate_titles=allow_duplicate_titles)
            if dry_run:
                for row in prepared:
                    if row.skipped:
                        self.stdout.write(row.skipped)
                new = sum(1 for row in prepared if row.page is None and not row.skipped)
                updated = sum(1 for row in prepared if row.page is not None)
                self.stdout.write(
                    _("%(path)s: valid; would create %(created)s and update %(updated)s. ")
                    % {
                        "path": path,
                        "created": ngettext("%(count)d action", "%(count)d actions", new)
                        % {"count": new},
                        "updated": ngettext("%(count)d action", "%(count)d actions", updated)
                        % {"count": updated},
                    }
                    + _("Nothing changed (dry run).")
                )
                return
            result = apply(plan, prepared, publish=publish)
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror or error}") from None
        except UploadError as error:
            raise CommandError(f"{path}: {error}") from None
        except ImportRejected as error:
            raise CommandError(
                f"{path}: nothing imported.\n" + "\n".join(str(e) for e in error.errors)
            ) from None
        for skipped in result.skipped:
            self.stdout.write(skipped)
        self.stdout.write(f"“{plan.title}”: {import_summary(result)}")
