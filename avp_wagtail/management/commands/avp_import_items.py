"""Import action items into a plan from a CSV file in the open data export's format.

    manage.py avp_import_items <plan page id> items.csv [--publish] [--dry-run]

All or nothing: any invalid row rejects the whole file (row-and-column messages).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...models import ActionPlanPage
from ...open_data.csv_import import ImportRejected, apply, prepare
from ...open_data.uploads import UploadError, read_text


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

    def handle(self, *args, plan_id, path, publish=False, dry_run=False, **options):
        plan = ActionPlanPage.objects.filter(pk=plan_id).first()
        if plan is None:
            raise CommandError(f"No action plan with page id {plan_id}.")
        try:
            with path.open("rb") as upload:
                text = read_text(upload)
            prepared = prepare(plan, text)
            if dry_run:
                new = sum(1 for row in prepared if row.page is None)
                self.stdout.write(
                    f"{path}: valid; would create {new} and update {len(prepared) - new} "
                    "item(s). Nothing changed (dry run)."
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
        state = "published" if publish else "saved as drafts"
        self.stdout.write(
            f"Created {len(result.created)} and updated {len(result.updated)} item(s) in "
            f"“{plan.title}”, {state}."
        )
