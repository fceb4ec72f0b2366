"""The several-servers test's data, run as a script in the servers' own database (not the
pytest-django one): ``python tests/servers/data.py prepare N`` migrates it, builds an action
item, N residents with a logged-in session each and the comments they will flag, and prints
them as JSON; ``python tests/servers/data.py report`` prints what the database holds.

Run with DJANGO_SETTINGS_MODULE=config.settings.test_servers and the test's DATABASE_URL.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "example_site")]

import django  # noqa: E402

django.setup()

from django.contrib.auth import (  # noqa: E402
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402
from wagtail.models import ModelLogEntry, Site  # noqa: E402

from avp_wagtail.comments.conf import comment_setting  # noqa: E402
from avp_wagtail.comments.models import AvpComment, CommentFlagReport, PendingComment  # noqa: E402
from avp_wagtail.comments.moderation import HIDDEN_BY_FLAGS  # noqa: E402
from tests.builders import make_item, make_plan, make_programme  # noqa: E402

# Comments flagged by more residents than the threshold (they must end hidden) and by one
# fewer (they must stay shown).
TARGETS = 10


def _session_for(user):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def prepare(residents):
    # Here rather than in a manage.py of its own: one Python start fewer.
    call_command("migrate", interactive=False, verbosity=0, skip_checks=True)
    home = Site.objects.get(is_default_site=True).root_page.specific
    item = make_item(make_plan(make_programme(home)), 1)
    users = get_user_model()
    author = users.objects.create_user("author", "author@example.ee", "pw", first_name="Ann")
    sessions = []
    for n in range(residents):
        user = users.objects.create_user(f"resident{n}", f"resident{n}@example.ee", "pw")
        sessions.append(_session_for(user))

    def target(text):
        return AvpComment.objects.create(
            content_object=item, site_id=1, user=author, user_name="Ann", comment=text,
            is_public=True,
        ).pk  # fmt: skip

    return {
        "item_url": item.get_url(),
        "sessions": sessions,
        "over_threshold": [target(f"Flagged by many {n}") for n in range(TARGETS)],
        "under_threshold": [target(f"Flagged by few {n}") for n in range(TARGETS)],
        "flag_threshold": comment_setting("COMMENT_FLAG_THRESHOLD"),
        "rate_limit": comment_setting("COMMENT_RATE_LIMIT"),
        "rate_period": comment_setting("COMMENT_RATE_PERIOD"),
    }


def report():
    hidden_logs = {}
    for object_id in ModelLogEntry.objects.filter(action=HIDDEN_BY_FLAGS).values_list(
        "object_id", flat=True
    ):
        hidden_logs[object_id] = hidden_logs.get(object_id, 0) + 1
    flags = {}
    for comment_id in CommentFlagReport.objects.values_list("comment_id", flat=True):
        flags[str(comment_id)] = flags.get(str(comment_id), 0) + 1
    return {
        "comments": [
            {
                "pk": c.pk,
                "text": c.comment,
                "user": c.user.username if c.user else None,
                "is_public": c.is_public,
                "hidden_by_flags": c.hidden_by_flags,
            }
            for c in AvpComment.objects.select_related("user").order_by("pk")
        ],
        "flags": flags,
        "hidden_logs": hidden_logs,
        "pending": [
            {"text": p.comment, "ip": p.ip_address} for p in PendingComment.objects.order_by("pk")
        ],
    }


if __name__ == "__main__":
    command = sys.argv[1]
    result = prepare(int(sys.argv[2])) if command == "prepare" else report()
    sys.stdout.write(json.dumps(result))
