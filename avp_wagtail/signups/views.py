"""Sign-up views under a meeting page: ``signup/`` (the form posts here) and
``signup/cancel/?t=<token>`` (GET asks, POST cancels: a mail scanner cancels nobody)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext

from avp_wagtail.conf import get_setting
from avp_wagtail.core.dates import format_date
from avp_wagtail.core.ratelimit import over_limit
from avp_wagtail.core.tasks import enqueue_after_commit
from avp_wagtail.models import MeetingSignup
from avp_wagtail.signups.forms import MeetingSignupForm
from avp_wagtail.signups.places import cancel, sign_up
from avp_wagtail.signups.tasks import send_signup_confirmation, send_signup_moved_up
from avp_wagtail.signups.tokens import read_cancel_token
from avp_wagtail.tracking.following.views import in_page_language

ANCHOR = "#avp-signup"


def _over_limit(request: HttpRequest, email: str | None) -> bool:
    return over_limit(
        request,
        "avp_signup",
        get_setting("SIGNUP_RATE_LIMIT"),
        get_setting("SIGNUP_RATE_PERIOD"),
        trusted_networks=get_setting("RATE_TRUSTED_NETWORKS"),
        email=email,
        email_limit=get_setting("SIGNUP_RATE_ADDRESS_LIMIT"),
    )


def _page_again(
    meeting: Any, request: HttpRequest, form: MeetingSignupForm, status: int, notice: str = ""
) -> TemplateResponse:
    """The meeting page again with the resident's input and the errors (focus moves to
    their summary: the form's action ends in #avp-signup-errors)."""
    context = meeting.get_context(request)
    context["signup_form"] = form
    context["signup_error_notice"] = notice
    return TemplateResponse(request, meeting.get_template(request), context, status=status)


def _message(
    meeting: Any, request: HttpRequest, title: str, text: str, status: int = 200, **extra: Any
) -> TemplateResponse:
    context = meeting.get_context(request)
    context.update({"title": title, "text": text, **extra})
    return TemplateResponse(request, "avp_wagtail/signups/message.html", context, status=status)


def _sign_up(meeting: Any, request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseRedirect(meeting.get_url(request) + ANCHOR)
    form = MeetingSignupForm(request.POST, meeting=meeting)
    if not meeting.takes_signups():
        return _page_again(
            meeting,
            request,
            form,
            status=409,
            notice=gettext("Sign-up for this meeting has closed; nothing was stored."),
        )
    if not form.is_valid():
        return _page_again(meeting, request, form, status=400)
    email = form.cleaned_data["email"]
    if _over_limit(request, email):
        return _page_again(
            meeting,
            request,
            form,
            status=429,
            notice=gettext(
                "Several sign-ups have been sent from here or for this e-mail address in a "
                "short time. Please wait a while and send again; what you typed is kept below."
            ),
        )
    signup = form.save(commit=False)
    signup.language = translation.get_language() or meeting.locale.language_code
    # An address already signed up keeps its sign-up and gets its e-mail again; the page
    # answers as for a new one, so nobody learns from it whether an address signed up.
    signup, _created = sign_up(meeting, signup)
    enqueue_after_commit(send_signup_confirmation, signup.pk)
    notice = "confirmed" if signup.state == MeetingSignup.State.CONFIRMED else "waiting"
    return HttpResponseRedirect(f"{meeting.get_url(request)}?signup={notice}{ANCHOR}")


def _cancel(meeting: Any, request: HttpRequest) -> HttpResponse:
    token = request.GET.get("t", "")
    data = read_cancel_token(token)
    signup = None
    if data is not None:
        signup = (
            meeting.signups()
            .filter(pk=data.get("id"), email=data.get("email"))
            .select_related("meeting")
            .first()
        )
    if signup is None:
        return _message(
            meeting,
            request,
            gettext("This link is not valid"),
            gettext("Nothing has changed. If you signed up, use the link in your latest e-mail."),
            status=400,
        )
    if signup.state == MeetingSignup.State.CANCELLED:
        return _message(
            meeting, request, gettext("Your sign-up is cancelled"), gettext("Nothing has changed.")
        )
    if request.method == "POST":
        for moved_up in cancel(signup):
            enqueue_after_commit(send_signup_moved_up, moved_up.pk)
        return _message(
            meeting,
            request,
            gettext("Your sign-up is cancelled"),
            gettext("Thank you for telling us. You can sign up again while the form is open."),
        )
    # The question names the meeting: a resident may have signed up for several.
    when = ", ".join(
        part
        for part in (meeting.title, format_date(meeting.start, "datetime"), meeting.location)
        if part
    )
    if signup.state != MeetingSignup.State.CONFIRMED:
        text = gettext("%(meeting)s. You leave the waiting list.")
    elif meeting.signups().filter(state=MeetingSignup.State.WAITING).exists():
        text = gettext("%(meeting)s. Your place goes to the next on the waiting list.")
    else:
        text = gettext("%(meeting)s. Your place becomes free for someone else.")
    return _message(
        meeting,
        request,
        gettext("Cancel your sign-up?"),
        text % {"meeting": when},
        cancel_action=f"{request.path}?t={token}",
    )


def signup_view(meeting: Any, request: HttpRequest) -> HttpResponse:
    """``signup/``: the form's POST, in the meeting page's language."""
    return in_page_language(meeting, lambda: _sign_up(meeting, request))


def cancel_view(meeting: Any, request: HttpRequest) -> HttpResponse:
    """``signup/cancel/?t=<token>``: the cancel link of the e-mails."""
    return in_page_language(meeting, lambda: _cancel(meeting, request))
