"""E-mails the package sends."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from .conf import get_setting

logger = logging.getLogger(__name__)


def validate_deliverable_email(value):
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


def send_interest_notification(submission, request=None):
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
    subject = render_to_string("avp_wagtail/emails/interest_subject.txt", context).strip()
    body = render_to_string("avp_wagtail/emails/interest_body.txt", context)
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=get_setting("FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=[submission.email],
    )
    return message.send()
