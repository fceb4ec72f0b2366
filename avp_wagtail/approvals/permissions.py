"""Who may see and act on an approval: Wagtail's own page permissions, so an editor of one
municipality (site) never reaches another's approvals."""

from __future__ import annotations

from typing import Any


def can_review(user: Any, page: Any) -> bool:
    """May see the approval's views and decide on amendments: may edit the page."""
    if not (user.is_active and user.is_authenticated):
        return False
    return bool(page.permissions_for_user(user).can_edit())


def can_publish(user: Any, page: Any) -> bool:
    """May send the draft to the participants and approve the task: may publish the page."""
    if not (user.is_active and user.is_authenticated):
        return False
    return bool(page.permissions_for_user(user).can_publish())
