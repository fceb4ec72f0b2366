"""The recipes in the officials' workflow (issue 17, part 1): the recommendations C1–C10,
D1–D6 and I1–I3 shipped as package data in et/en/ru and shown in the admin, the programme
checklist computed from the data (with manual ticks where it cannot be), and the
new-programme wizard. Optional app: ``"avp_wagtail.recipes"`` in ``INSTALLED_APPS``.

``from avp_wagtail import recipes; recipes.get("D2", "et")`` and ``recipes.phases("ru")``:
the texts (``catalogue``), usable without the app installed (they import no models)."""

from avp_wagtail.recipes.catalogue import Phase, Recipe, get, ids, phases

__all__ = ["Phase", "Recipe", "get", "ids", "phases"]
