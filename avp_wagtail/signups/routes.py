"""Sign-up plugs into meeting pages: its routes (``avp_page_routes`` hook) and, on an
announced meeting that takes sign-ups, the form and the places left in the page's context
(``avp_page_context`` hook), registered in ``avp_wagtail.wagtail_hooks``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import URLPattern, path

from avp_wagtail.models import MeetingProtocolPage
from avp_wagtail.signups.forms import MeetingSignupForm
from avp_wagtail.signups.views import cancel_view, signup_view

NOTICES = ("confirmed", "waiting")


def signup_routes(page_class: type) -> list[URLPattern]:
    if not issubclass(page_class, MeetingProtocolPage):
        return []
    return [
        path("signup/", signup_view, name="signup"),
        path("signup/cancel/", cancel_view, name="signup_cancel"),
    ]


def add_signup_context(page: Any, request: HttpRequest, context: dict[str, Any]) -> None:
    """``signup``: None when the meeting takes no sign-ups now, else the form (the posted
    one, with errors, when the page is shown again), the places left (None: no limit) and
    the notice after a sign-up."""
    if not isinstance(page, MeetingProtocolPage) or not page.signup_open:
        return
    notice = request.GET.get("signup")
    context["signup_notice"] = notice if notice in NOTICES else None
    if not page.takes_signups():
        context["signup_closed"] = True
        return
    context.setdefault("signup_form", MeetingSignupForm(meeting=page))
    context["signup_places_left"] = page.places_left()
    context["signup_closes_at"] = page.signup_closes_at()
