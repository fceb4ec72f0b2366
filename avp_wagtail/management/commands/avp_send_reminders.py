"""E-mail the contact person of each action item with overdue milestones or no recent update.

Run it from cron as often as you like (e.g. daily): the same reminder is sent at most once
per AVP_WAGTAIL["REMINDER_PERIOD_DAYS"].
"""

from django.core.management.base import BaseCommand

from avp_wagtail.tracking.reminders import current_period, due_reminders, send_reminder


class Command(BaseCommand):
    help = "Send reminders about overdue milestones and stale action items (I1)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List the reminders without sending any."
        )

    def handle(self, *args, dry_run=False, **options):
        period = current_period()
        reminders = due_reminders()
        sent = 0
        for reminder in reminders:
            item = reminder.attention.item
            line = f"{item.title} -> {reminder.recipient} ({', '.join(reminder.kinds)})"
            if dry_run:
                self.stdout.write(f"would send: {line}")
            elif send_reminder(reminder, period):
                sent += 1
                self.stdout.write(f"sent: {line}")
        if dry_run:
            self.stdout.write(f"{len(reminders)} reminder(s) due; nothing sent (dry run).")
        else:
            self.stdout.write(f"{sent} reminder(s) sent.")
