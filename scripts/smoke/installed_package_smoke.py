"""Smoke test run inside a fresh `wagtail start` site with the built wheel installed.

Usage (from the site's directory): python manage.py shell < installed_package_smoke.py
Exits non-zero on the first failure.
"""

import datetime
import sys

from django.test import Client
from django.test.utils import setup_test_environment
from django.utils import timezone
from wagtail.models import Site

import avp_wagtail
from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    InterestSubmission,
    MeetingProtocolPage,
    OpenGovernmentPage,
    PlanTheme,
)

setup_test_environment()
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


check("site-packages" in avp_wagtail.__file__, f"package imported from {avp_wagtail.__file__}")
home = Site.objects.get(is_default_site=True).root_page
programme = home.add_child(
    instance=OpenGovernmentPage(title="Open government", slug="avp-smoke", common_goal="Together.")
)
call = programme.add_child(
    instance=CallToParticipatePage(title="Join", slug="join", why_cooperate="<p>Why</p>")
)
plan = ActionPlanPage(
    title="Plan",
    slug="plan",
    summary="Summary",
    start_date=datetime.date(2026, 1, 1),
    end_date=datetime.date(2027, 1, 1),
)
plan.themes = [PlanTheme(title="Theme")]
programme.add_child(instance=plan)
item = plan.add_child(
    instance=ActionItemPage(
        title="Item", slug="item", summary="Item summary", progress=30, theme=plan.themes.first()
    )
)
meeting = programme.add_child(
    instance=MeetingProtocolPage(title="Meeting", slug="meeting", start=timezone.now())
)

client = Client()
for page in (programme, call, plan, item, meeting):
    response = client.get(page.url)
    check(response.status_code == 200, f"{type(page).__name__} renders at {page.url}")
    html = response.content.decode()
    check("avp_wagtail/css/avp_wagtail.css" in html, f"{type(page).__name__} links the stylesheet")
check("30%" in client.get(plan.url).content.decode(), "plan page shows item progress")
# docs/installation.md sets LANGUAGE_CODE = "et": the package's labels are Estonian.
check(
    "Avalda huvi" in client.get(call.url).content.decode(),
    'labels in Estonian (LANGUAGE_CODE = "et"): "Express your interest" is "Avalda huvi"',
)

response = client.post(
    call.url, {"name": "Mari", "email": "mari@example.ee", "consent": "on", "message": "Hi"}
)
check(response.status_code == 302, "interest form accepts a valid submission")
check(InterestSubmission.objects.filter(name="Mari").exists(), "submission stored")
response = client.post(call.url, {"name": "Jaan", "email": "jaan@example.ee"})
check(response.status_code == 200 and b"aria-invalid" in response.content, "consent required")

response = client.get(plan.url + "open-data/json/")
check(
    response.status_code == 200 and response.json()["items"][0]["title"] == "Item",
    "plan exports its open data as JSON",
)
check(
    client.get(plan.url + "open-data/csv/")
    .content.decode()
    .lstrip("\ufeff")
    .startswith("Commitment ID,"),
    "plan exports its actions as CSV",
)
check('property="og:title"' in client.get(plan.url).content.decode(), "Open Graph meta tags")

from avp_wagtail.blocks import PlanAtAGlanceBlock  # noqa: E402

block = PlanAtAGlanceBlock()
check(
    "30%" in block.render(block.to_python({"plan": plan.pk}), context={"page": home}),
    "the plan-at-a-glance block renders in the host site",
)

programme.delete()
sys.exit(1 if failures else 0)
