"""The recommendations (C1–C10, D1–D6, I1–I3) as shipped package data: ``data/recipes.json``,
each with its phase, a short title and its text in Estonian, English and Russian (written
anew from the AVP KOV adoption recipes, not copied).

``get("D2", "ru")`` gives one recommendation in a language, ``phases(language)`` all of them
in the order of the process. A language without texts (or a regional variant such as
``en-gb``) falls back to its base language, then to English."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.translation import get_language

DATA = Path(__file__).parent / "data" / "recipes.json"
LANGUAGES = ("et", "en", "ru")
FALLBACK = "en"


@dataclass(frozen=True)
class Recipe:
    id: str
    phase: str
    title: str
    text: str
    language: str


@dataclass(frozen=True)
class Phase:
    id: str
    title: str
    recipes: tuple[Recipe, ...]


@cache
def _data() -> dict[str, Any]:
    with DATA.open(encoding="utf-8") as stream:
        return json.load(stream)


def _language(language: str | None) -> str:
    code = (language or get_language() or FALLBACK).lower()
    if code in LANGUAGES:
        return code
    base = code.split("-")[0].split("_")[0]
    return base if base in LANGUAGES else FALLBACK


def ids() -> list[str]:
    """Every recommendation id, in the order of the process (C1 … I3)."""
    return [rid for phase in _data()["phases"] for rid in phase["recipes"]]


def phase_of(recipe_id: str) -> str:
    for phase in _data()["phases"]:
        if recipe_id in phase["recipes"]:
            return phase["id"]
    raise KeyError(recipe_id)


def get(recipe_id: str, language: str | None = None) -> Recipe:
    """One recommendation in ``language`` (default: the active language). KeyError for an
    unknown id."""
    entry = _data()["recipes"][recipe_id]
    code = _language(language)
    return Recipe(
        id=recipe_id,
        phase=phase_of(recipe_id),
        title=entry["title"][code],
        text=entry["text"][code],
        language=code,
    )


def phases(language: str | None = None) -> list[Phase]:
    """The three phases in order, each with its recommendations, in ``language``."""
    code = _language(language)
    return [
        Phase(
            id=phase["id"],
            title=phase["title"][code],
            recipes=tuple(get(rid, code) for rid in phase["recipes"]),
        )
        for phase in _data()["phases"]
    ]


def as_json(language: str | None = None) -> dict[str, dict[str, str]]:
    """{id: {"title", "text", "phase"}} in ``language``, for the admin's id links."""
    return {
        recipe.id: {"title": recipe.title, "text": recipe.text, "phase": phase.title}
        for phase in phases(language)
        for recipe in phase.recipes
    }
