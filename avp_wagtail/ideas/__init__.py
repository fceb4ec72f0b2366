"""Residents' ideas for an action plan (D1): an optional app, installed as
``"avp_wagtail.ideas"`` after ``"avp_wagtail"``. See docs/ideas.md."""
