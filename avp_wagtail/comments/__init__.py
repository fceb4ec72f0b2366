"""Resident comments on AVP pages, built on django-comments-xtd (optional app), and on
objects other features register as discussion targets (an idea: ``targets``).

Add ``"avp_wagtail.comments"`` to ``INSTALLED_APPS`` together with the settings in
``docs/comments.md``; the system checks in ``checks.py`` name anything that is missing.
"""
