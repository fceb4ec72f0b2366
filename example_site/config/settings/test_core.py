"""The test settings without the optional comments app: the core package alone.

``avp_wagtail.comments``, ``django_comments_xtd`` and ``django_comments`` are left out of
INSTALLED_APPS, with their settings, and importing them is refused (as if django-comments-xtd
were not installed), so a stray import of the comments app from the core fails loudly.
Used by ``scripts/test_core.sh``; tests that need comments are skipped (tests/conftest.py).
"""

import sys
from importlib.abc import MetaPathFinder

from .test import *  # noqa: F403

COMMENT_APPS = ("avp_wagtail.comments", "django_comments_xtd", "django_comments")

INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in COMMENT_APPS]  # noqa: F405

for _name in [name for name in globals() if name.startswith("COMMENTS_")]:
    del globals()[_name]
del globals()["COMMENT_APPS"]


class _RefuseCommentApps(MetaPathFinder):
    """Make ``import avp_wagtail.comments`` (and django-comments(-xtd)) fail, as on a site
    that never installed the comments extra."""

    refused = ("avp_wagtail.comments", "django_comments_xtd", "django_comments")

    def find_spec(self, fullname, path=None, target=None):
        if any(fullname == name or fullname.startswith(f"{name}.") for name in self.refused):
            raise ModuleNotFoundError(f"No module named {fullname!r} (test_core settings)")
        return None


if not any(isinstance(finder, _RefuseCommentApps) for finder in sys.meta_path):
    sys.meta_path.insert(0, _RefuseCommentApps())
