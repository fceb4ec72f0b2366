"""Resident comments on AVP pages, built on django-comments-xtd (optional app).

Add ``"avp_wagtail.comments"`` to ``INSTALLED_APPS`` together with the settings in
``docs/comments.md``; the system checks in ``checks.py`` name anything that is missing.
"""
