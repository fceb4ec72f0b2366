"""Demo programme checklist (the optional recipes app): two recommendations ticked by hand
with notes (C4, D1), others left for the visitor to tick (C5, C6 …), and the plan's published
actions left as they are, so that some computed items are met and at least one is not
(I3: the demo programme is on no network page unless the neighbour is built). Skipped when
the recipes app is absent (it is imported only when installed)."""

from django.apps import apps

APP = "avp_wagtail.recipes"
TICKS = (
    (
        "C4",
        "Esimene avatud koosolek peeti külamajas erapooletu arutelujuhiga; vallavanem käis "
        "külaseltsi koosolekul.",
    ),
    (
        "D1",
        "Teemad valiti kahel avatud koosolekul; kaks kiiret võitu (istungite otseülekanne, "
        "eelarve lühiülevaade) viidi ellu kohe.",
    ),
)


def add_demo_recipes(programme, plan):
    """Manual ticks on ``programme``'s checklist (``plan``: its action plan, unused for
    now but part of the call so that later demo data can use it)."""
    if not apps.is_installed(APP):
        return
    from avp_wagtail.recipes.models import ChecklistTick

    for recommendation, note in TICKS:
        ChecklistTick.objects.update_or_create(
            programme=programme,
            recommendation=recommendation,
            defaults={"done": True, "note": note},
        )
