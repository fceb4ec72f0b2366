"""E-mails the package sends."""

import logging
from collections.abc import Sequence
from contextlib import nullcontext
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from avp_wagtail.conf import get_setting

logger = logging.getLogger(__name__)


def validate_deliverable_email(value: object) -> None:
    """Refuse an address that mail cannot be sent to although ``EmailField`` accepts it: a
    domain that does not encode to IDNA (e.g. with a bidi override character), which would
    make sending fail with a server error."""
    domain = str(value or "").rpartition("@")[2]
    try:
        domain.encode("idna")
    except UnicodeError:
        raise ValidationError(
            _("This address cannot receive e-mail. Check the part after the @."),
            code="invalid",
        ) from None


def send_templated(
    subject_template: str,
    body_template: str,
    context: dict,
    to: Sequence[str],
    *,
    headers: dict[str, str] | None = None,
    reply_to: Sequence[str] | None = None,
    language: str | None = None,
) -> int:
    """Render a subject and a plain-text body template and send them: the one way the
    package sends e-mail. The sender is ``AVP_WAGTAIL["FROM_EMAIL"]`` (else
    ``DEFAULT_FROM_EMAIL``); ``language`` (a code) renders both in that language. The
    subject's whitespace (template line breaks) collapses to single spaces. Returns the
    number of messages sent (0 or 1)."""
    with translation.override(language) if language else nullcontext():
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=get_setting("FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        headers=headers,
        reply_to=list(reply_to) if reply_to else None,
    ).send()


def send_interest_notification(submission: Any, request: HttpRequest | None = None) -> int:
    """Tell the call's contact people about a new expression of interest.

    Returns the number of messages sent (0 when the call has nobody to notify).
    """
    call = submission.call
    recipients = call.notification_recipients()
    if not recipients:
        logger.warning(
            "Call %s has no contact e-mail; interest %s not e-mailed.", call.pk, submission.pk
        )
        return 0
    context = {
        "submission": submission,
        "call": call,
        "call_url": call.get_full_url(request),
    }
    return send_templated(
        "avp_wagtail/emails/interest_subject.txt",
        "avp_wagtail/emails/interest_body.txt",
        context,
        recipients,
        reply_to=[submission.email],
    )
