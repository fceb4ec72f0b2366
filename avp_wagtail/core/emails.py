"""E-mails the package sends."""

import logging
import smtplib
import time
from collections.abc import Sequence
from contextlib import nullcontext
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.http import HttpRequest
from django.template import Context, Template
from django.template.loader import get_template
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from avp_wagtail.conf import get_setting

logger = logging.getLogger(__name__)

#: How often a background task tries one e-mail (``send_templated(attempts=...)``) before it
#: gives up, and the pauses in seconds between the tries.
TASK_ATTEMPTS = 3
RETRY_DELAYS = (2, 10)


class EmailNotSent(Exception):
    """An e-mail (or, from a task sending several, some of them) failed for good; each
    failure was logged already. Its message names the e-mail by ids, never by address (the
    mail server's error text, which may carry one, is left out), so a task backend may
    store and log it: the task is recorded as failed."""


def is_transient(error: BaseException) -> bool:
    """Whether sending again later may work: the mail server closed, refused or timed out
    the connection, or answered with a temporary (4xx) code. A permanent (5xx) answer, e.g.
    an unknown recipient, or an error in the message itself, is not retried."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return True
    if isinstance(error, smtplib.SMTPException):
        return False
    return isinstance(error, (ConnectionError, TimeoutError, OSError))


def describe_error(error: BaseException) -> str:
    """The error's class and SMTP code, for a log line: never its text, which may contain the
    recipient's address."""
    code = getattr(error, "smtp_code", None)
    name = f"{type(error).__module__}.{type(error).__qualname__}"
    return f"{name} (SMTP {code})" if code else name


def deliver(message: EmailMessage, *, what: str, attempts: int = 1) -> int:
    """Send ``message``, trying up to ``attempts`` times while the error is transient
    (``is_transient``), with a pause between the tries. Each retry is logged as a warning;
    the final failure is logged as an error and raised as ``EmailNotSent``. ``what`` names
    the e-mail in the log (a template, an object id): no addresses or other personal data."""
    for attempt in range(1, attempts + 1):
        try:
            return message.send()
        except Exception as error:
            if attempt < attempts and is_transient(error):
                delay = RETRY_DELAYS[min(attempt, len(RETRY_DELAYS)) - 1]
                logger.warning(
                    "E-mail %s: attempt %d of %d failed with %s; trying again in %s s.",
                    what,
                    attempt,
                    attempts,
                    describe_error(error),
                    delay,
                )
                time.sleep(delay)
                continue
            logger.error(  # no traceback: it may carry the addresses
                "E-mail %s not sent after %d attempt(s): %s (%s).",
                what,
                attempt,
                describe_error(error),
                "temporary error" if is_transient(error) else "permanent error, not retried",
            )
            raise EmailNotSent(f"E-mail {what} not sent: {describe_error(error)}.") from None
    return 0  # attempts < 1: nothing tried


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


def render_plain_text(template_name: str, context: dict) -> str:
    """A plain-text template rendered without HTML escaping: an e-mail's subject and body
    are text, so a title with quotes or "&" reads as written, not "&quot;" or "&amp;"."""
    template = get_template(template_name)
    django_template = getattr(template, "template", None)
    if isinstance(django_template, Template):
        return django_template.render(Context(context, autoescape=False))
    return template.render(context)


def send_templated(
    subject_template: str,
    body_template: str,
    context: dict,
    to: Sequence[str],
    *,
    headers: dict[str, str] | None = None,
    reply_to: Sequence[str] | None = None,
    language: str | None = None,
    attempts: int = 1,
    what: str = "",
    attachments: Sequence[tuple[str, str | bytes, str]] = (),
) -> int:
    """Render a subject and a plain-text body template and send them: the one way the
    package sends e-mail. The sender is ``AVP_WAGTAIL["FROM_EMAIL"]`` (else
    ``DEFAULT_FROM_EMAIL``); ``language`` (a code) renders both in that language. The
    subject's whitespace (template line breaks) collapses to single spaces. Returns the
    number of messages sent (0 or 1).

    ``attempts`` > 1 (background tasks: ``TASK_ATTEMPTS``) retries a transient SMTP error
    (``deliver``); ``what`` names the e-mail in the log lines (default: the body template).
    ``attachments``: (file name, content, MIME type) each, e.g. a calendar entry."""
    with translation.override(language) if language else nullcontext():
        subject = " ".join(render_plain_text(subject_template, context).split())
        body = render_plain_text(body_template, context)
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=get_setting("FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        headers=headers,
        reply_to=list(reply_to) if reply_to else None,
    )
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return deliver(message, what=what or body_template, attempts=attempts)


def send_interest_notification(
    submission: Any, request: HttpRequest | None = None, *, attempts: int = 1
) -> int:
    """Tell the call's contact people about a new expression of interest.

    Returns the number of messages sent (0 when the call has nobody to notify). A request
    enqueues ``core.tasks.send_interest_notification_task`` instead of calling this.
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
        attempts=attempts,
        what=f"interest notification (submission {submission.pk})",
    )
