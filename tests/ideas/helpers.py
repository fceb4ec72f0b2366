"""Ideas as residents send them, and as they stand after confirmation."""

import re

from avp_wagtail.ideas.choices import IdeaState
from avp_wagtail.ideas.models import Idea


def idea_data(plan, **fields):
    data = {
        "title": "Kergliiklustee kooli juurde",
        "problem": "Lapsed käivad mööda sõiduteed.",
        "proposal": "Ehitada kergliiklustee.",
        "theme": plan.themes.first().pk,
        "organisation": "",
        "author_name": "Mari Maasikas",
        "email": "mari@example.ee",
        "website": "",
    }
    data.update(fields)
    return data


def make_idea(plan, n=1, state=IdeaState.PUBLIC, theme=None, **fields):
    defaults = {
        "plan": plan,
        "title": f"Idee {n}",
        "problem": f"Probleem {n}",
        "proposal": f"Ettepanek {n}",
        "theme": theme or plan.themes.first(),
        "author_name": f"Elanik {n}",
        "email": f"elanik{n}@example.ee",
        "language": plan.locale.language_code,
        "state": state,
    }
    return Idea.objects.create(**{**defaults, **fields})


def link_path(body, route):
    """The path (with its token) of the ``route`` link in an e-mail body."""
    match = re.search(rf"https?://[^/\s]+(/\S*{route}\?t=\S+)", body)
    assert match, body
    return match.group(1)


def html(response):
    return response.content.decode()
