"""The recipe texts shipped as package data: every id, in et/en/ru, non-empty."""

import json
import re

import pytest

from avp_wagtail import recipes
from avp_wagtail.recipes import catalogue

EXPECTED = [f"C{n}" for n in range(1, 11)] + [f"D{n}" for n in range(1, 7)] + ["I1", "I2", "I3"]


def test_every_recommendation_is_there_once_in_order():
    assert recipes.ids() == EXPECTED
    data = json.loads(catalogue.DATA.read_text(encoding="utf-8"))
    assert sorted(data["recipes"]) == sorted(EXPECTED)


@pytest.mark.parametrize("language", ["et", "en", "ru"])
def test_every_text_exists_in_each_language(language):
    for rid in EXPECTED:
        recipe = recipes.get(rid, language)
        assert recipe.title.strip(), (rid, language)
        assert len(recipe.text) > 60, (rid, language)
        assert recipe.language == language
    titles = [phase.title for phase in recipes.phases(language)]
    assert len(titles) == 3
    assert all(titles)


def test_the_languages_differ():
    texts = {language: recipes.get("D2", language).text for language in ("et", "en", "ru")}
    assert len(set(texts.values())) == 3
    assert re.search("[\u0430-\u044f\u0451]", texts["ru"])
    assert "õ" in recipes.get("D5", "et").text + texts["et"]


def test_phases_in_process_order_with_their_ids():
    phases = recipes.phases("en")
    assert [p.id for p in phases] == ["contact", "drafting", "carrying_out"]
    assert [r.id for r in phases[1].recipes] == ["D1", "D2", "D3", "D4", "D5", "D6"]
    assert phases[2].title == "Carrying out the action plan"


def test_unknown_language_falls_back():
    assert recipes.get("I3", "en-gb").language == "en"
    assert recipes.get("I3", "de").language == "en"
    with pytest.raises(KeyError):
        recipes.get("X9", "en")


def test_the_texts_are_package_data():
    """MANIFEST.in takes every file under avp_wagtail/ (so the wheel has the JSON)."""
    manifest = (catalogue.DATA.parents[3] / "MANIFEST.in").read_text()
    assert "recursive-include avp_wagtail [!_]*/*" in manifest
    assert catalogue.DATA.relative_to(catalogue.DATA.parents[3]).parts[:3] == (
        "avp_wagtail",
        "recipes",
        "data",
    )
