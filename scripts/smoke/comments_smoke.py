"""Smoke test of avp_wagtail.comments in the `wagtail start` site, set up as docs/comments.md
says. Usage: python manage.py shell < comments_smoke.py. Exits non-zero on a failure."""

import re
import sys

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.test.utils import setup_test_environment
from wagtail.models import Site

from avp_wagtail.comments.models import AvpComment
from avp_wagtail.models import ActionItemPage, ActionPlanPage, OpenGovernmentPage

setup_test_environment()
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


call_command("check")  # raises SystemCheckError if a comment setting is missing
home = Site.objects.get(is_default_site=True).root_page
programme = home.add_child(
    instance=OpenGovernmentPage(title="OG", slug="avp-comments-smoke", common_goal="Together.")
)
plan = programme.add_child(
    instance=ActionPlanPage(
        title="Plan", slug="plan", summary="S", start_date="2026-01-01", end_date="2027-01-01"
    )
)
item = plan.add_child(instance=ActionItemPage(title="Item", slug="item", summary="S"))

client = Client()
user = get_user_model().objects.create_user("smoke-resident", "r@example.ee", "pw")
client.force_login(user)
html = client.get(item.url).content.decode()
check('id="comment-form"' in html, "item page shows the comment form")
form = html[html.index('id="comment-form"') :]
fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
check("security_hash" in fields, "form carries the security hash")
fields.update({"comment": "Smoke comment", "mark": "for"})
response = client.post("/comments/post/", fields)
check(response.status_code == 302, "a logged-in resident's comment is accepted")
check(AvpComment.objects.filter(comment="Smoke comment", is_public=True).exists(), "stored")
check("Smoke comment" in client.get(item.url).content.decode(), "and shown on the page")
check("r@example.ee" not in client.get(item.url).content.decode(), "no e-mail in the page")

AvpComment.objects.all().delete()
programme.delete()
sys.exit(1 if failures else 0)
