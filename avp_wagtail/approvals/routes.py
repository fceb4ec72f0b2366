"""The participant's page is a sub-URL of the programme page (``approval/?t=<token>``):
the programme is live while its protocols and plans are drafts, and its site is theirs."""

from __future__ import annotations

from django.urls import URLPattern, path

from avp_wagtail.approvals.views import participant_view
from avp_wagtail.models import OpenGovernmentPage


def approval_routes(page_class: type) -> list[URLPattern]:
    if not issubclass(page_class, OpenGovernmentPage):
        return []
    return [path("approval/", participant_view, name="avp_approval")]
