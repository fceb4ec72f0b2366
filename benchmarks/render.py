"""Render time of the AVP pages compared with a bare Wagtail page (a benchmark, not a test).

Run from the repository root against a PostgreSQL server (the script creates and drops its
own database, ``avp_bench`` by default, on that server)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/render.py

It builds, in a fresh database: the yardstick (the example site's home page type with 200
child pages, rendering their list, as a plain Wagtail page does), an action plan with 200
items, an item without comments and (with the comments app installed) an item with 1,000
public comments; renders each through Django's test client with DEBUG off, in interleaved
rounds, and prints a Markdown table: each page's time as a multiple of the bare page's (the
minimum and the median over the rounds), its queries and its HTML size.

"Cold" rows clear Django's cache before every request (the first visitor after a change);
the others are what every later visitor gets. The numbers are for people (docs/performance.md):
CI keeps only query-count tests.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
N_CHILDREN = 200
N_COMMENTS = 1000


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=15, help="interleaved rounds (15)")
    parser.add_argument("--database", default="avp_bench", help="database to (re)create")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--cache",
        choices=("locmem", "redis"),
        default="locmem",
        help="Django's cache: per process (locmem, the default) or Redis (REDIS_URL)",
    )
    return parser.parse_args()


def bench_url(name: str) -> tuple[str, str]:
    """(the DATABASE_URL of the benchmark database, the maintenance database's URL)."""
    url = os.environ.get("DATABASE_URL", "")
    parsed = urlparse(url)
    if parsed.scheme not in ("postgres", "postgresql"):
        sys.exit("Set DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1/x")
    maintenance = (
        url if parsed.path.strip("/") != name else urlunparse(parsed._replace(path="/postgres"))
    )
    return urlunparse(parsed._replace(path=f"/{name}")), maintenance


def recreate_database(maintenance_url: str, name: str, drop_only: bool = False) -> None:
    import psycopg

    with psycopg.connect(maintenance_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(database_url: str, cache: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"  # DEBUG = False
    sys.path[:0] = [str(ROOT / "example_site"), str(ROOT)]
    import django
    from django.conf import settings

    if cache == "redis":
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"),
            }
        }
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build() -> dict[str, str]:
    """The pages to render: {label: url}."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Site

    from avp_wagtail.core.choices import ItemStatus, PlanStatus
    from avp_wagtail.models import (
        ActionItemPage,
        ActionPlanPage,
        Milestone,
        OpenGovernmentPage,
        Organisation,
        PlanTheme,
        ProgressUpdate,
    )
    from home.models import HomePage

    now = timezone.now()
    today = timezone.localdate()
    published = {"live": True, "first_published_at": now, "last_published_at": now}
    home = Site.objects.get(is_default_site=True).root_page.specific

    bare = home.add_child(instance=HomePage(title="Bare", slug="bare", **published))
    for n in range(N_CHILDREN):
        bare.add_child(
            instance=HomePage(
                title=f"Child {n}", slug=f"child-{n}", show_in_menus=True, **published
            )
        )

    programme = home.add_child(
        instance=OpenGovernmentPage(title="Programme", slug="programme", common_goal="Together.")
    )
    org = Organisation.objects.create(name="Municipality")
    statuses = list(ItemStatus.values)

    def plan_with_items(slug: str, n_items: int) -> ActionPlanPage:
        plan = ActionPlanPage(
            title=f"Plan {slug}",
            slug=slug,
            summary="What the plan is about.",
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2027, 12, 31),
            status=PlanStatus.CONSULTATION,
            **published,
        )
        plan.themes = [PlanTheme(title=f"Theme {t}", description="Why.") for t in "ABCD"]
        programme.add_child(instance=plan)
        themes = list(plan.themes.all())
        for n in range(n_items):
            item = ActionItemPage(
                title=f"Action {n}",
                slug=f"action-{n}",
                summary=f"Action {n} in one sentence.",
                problem="<p>What is wrong.</p>",
                activities="<p>What we do.</p>",
                theme=themes[n % len(themes)],
                lead_implementer=org,
                status=statuses[n % len(statuses)],
                progress=(n * 7) % 101,
                is_quick_win=n % 10 == 0,
                planned_start=datetime.date(2026, 1, 1),
                planned_end=datetime.date(2027, 6, 30),
                **published,
            )
            item.milestones = [
                Milestone(title="First step", due_date=today - datetime.timedelta(days=30)),
                Milestone(title="Second step", due_date=today + datetime.timedelta(days=30)),
            ]
            item.progress_updates = [
                ProgressUpdate(title="Started", date=today, reported_by=org, kind="progress")
            ]
            plan.add_child(instance=item)
        return plan

    plan = plan_with_items("plan", N_CHILDREN)
    item = ActionItemPage.objects.child_of(plan).get(slug="action-1")
    pages = {
        "bare page, 200 children (yardstick)": bare.url,
        "action plan, 200 items": plan.url,
        "action item, 0 comments": item.url,
    }
    if apps.is_installed("avp_wagtail.comments"):
        from avp_wagtail.comments.models import AvpComment

        discussed = ActionItemPage.objects.child_of(plan_with_items("discussed", 1)).get()
        # Bulk: the three tables of the multi-table comment model, filled like save() does.
        kind = ContentType.objects.get_for_model(discussed)
        for n in range(N_COMMENTS):
            AvpComment.objects.create(
                content_type=kind,
                object_pk=str(discussed.pk),
                site_id=1,
                user_name=f"Resident {n}",
                user_email=f"r{n}@example.ee",
                comment=f"Comment {n}: " + "words " * 30,
                is_public=True,
                submit_date=now - datetime.timedelta(minutes=N_COMMENTS - n),
            )
        pages["action item, 1,000 comments"] = discussed.url
    return pages


def render(client, url: str) -> tuple[float, int]:
    start = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - start
    if response.status_code != 200:
        raise RuntimeError(f"{url}: {response.status_code}")
    return elapsed, len(response.content)


def measure(pages: dict[str, str], rounds: int) -> list[dict[str, object]]:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    runs = [(label, url, False) for label, url in pages.items()]
    # Cold runs last in each round: they empty the cache, the warm runs then fill it again.
    runs.append(("action plan, 200 items, cold cache", pages["action plan, 200 items"], True))
    runs.append(("action item, 0 comments, cold cache", pages["action item, 0 comments"], True))
    times: dict[str, list[float]] = {label: [] for label, _url, _cold in runs}
    sizes: dict[str, int] = {}
    for _round in range(rounds):
        # Untimed: warms per-process caches (templates, sites) and refills Django's cache.
        for _label, url, cold in runs:
            if not cold:
                render(client, url)
        for label, url, cold in runs:
            if cold:
                cache.clear()
            elapsed, sizes[label] = render(client, url)
            times[label].append(elapsed)
    queries = {}
    for label, url, cold in runs:
        if cold:
            cache.clear()
        else:
            render(client, url)
        with CaptureQueriesContext(connection) as ctx:
            render(client, url)
        queries[label] = len(ctx.captured_queries)
    bare_label = runs[0][0]
    bare_min, bare_median = min(times[bare_label]), statistics.median(times[bare_label])
    return [
        {
            "page": label,
            "min": min(times[label]) / bare_min,
            "median": statistics.median(times[label]) / bare_median,
            "ms": statistics.median(times[label]) * 1000,
            "queries": queries[label],
            "kb": sizes[label] / 1024,
        }
        for label, _url, _cold in runs
    ]


def table(rows: list[dict[str, object]], rounds: int, cache: str) -> str:
    lines = [
        f"{N_CHILDREN} children/items, {rounds} rounds, cache: {cache}, "
        f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs",
        "",
        "| page | x bare (min) | x bare (median) | median ms | queries | HTML KiB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['page']} | {row['min']:.2f} | {row['median']:.2f} | {row['ms']:.1f} "
            f"| {row['queries']} | {row['kb']:.1f} |"
        )
    return "\n".join(lines)


def main() -> None:
    args = parse_args()
    database_url, maintenance_url = bench_url(args.database)
    recreate_database(maintenance_url, args.database)
    try:
        setup_django(database_url, args.cache)
        from django.core.cache import cache

        cache.clear()
        pages = build()
        print(table(measure(pages, args.rounds), args.rounds, args.cache))
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            recreate_database(maintenance_url, args.database, drop_only=True)


if __name__ == "__main__":
    main()
