"""E-mail is sent by background tasks: a transient SMTP error is retried, a lasting or
permanent one is logged with enough to act on (no addresses) and the task recorded as
failed; the request that enqueued the task is not affected either way."""

import datetime
import logging
import smtplib

import pytest
from django.core.mail.backends.locmem import EmailBackend
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus, default_task_backend

from avp_wagtail.core import emails
from avp_wagtail.core.emails import EmailNotSent, is_transient
from avp_wagtail.core.tasks import send_interest_notification_task
from avp_wagtail.models import CallContactPerson, ContactPerson, InterestSubmission
from tests.builders import make_call, make_programme, publish

pytestmark = pytest.mark.django_db

STAFF = "kaja@vald.example"
RESIDENT = "mari@example.ee"


class Server:
    """A mail server that fails the first ``failures`` sends with ``error``, and the pauses
    the retries asked for (not waited)."""

    def __init__(self):
        self.failures, self.tries, self.pauses = 0, 0, []
        self.error: Exception = smtplib.SMTPServerDisconnected("closed")


@pytest.fixture
def server(monkeypatch):
    """The test mail backend (locmem: ``mailoutbox``) behind a failing server."""
    server = Server()
    send = EmailBackend.send_messages

    def send_messages(backend, messages):
        server.tries += 1
        if server.tries <= server.failures:
            raise server.error
        return send(backend, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", send_messages)
    monkeypatch.setattr(emails.time, "sleep", server.pauses.append)
    return server


@pytest.fixture
def call(home):
    person = ContactPerson.objects.create(name="Kaja Kask", email=STAFF)
    call = make_call(
        make_programme(home), deadline=timezone.localdate() + datetime.timedelta(days=7)
    )
    call.contact_people = [CallContactPerson(person=person)]
    return publish(call)


def _post(client, call):
    data = {"name": "Mari Maasikas", "email": RESIDENT, "message": "Tere", "consent": "on"}
    return client.post(call.url, data)


def _no_addresses_in(caplog):
    """Nothing logged names the resident or the staff member: not the messages, not the
    tracebacks (the SMTP error's text would)."""
    assert caplog.records
    assert STAFF not in caplog.text
    assert RESIDENT not in caplog.text


def test_a_dropped_connection_is_retried_and_the_mail_sent(
    client, call, server, mailoutbox, caplog
):
    server.failures, server.error = 1, smtplib.SMTPServerDisconnected("closed")
    with caplog.at_level(logging.WARNING):
        response = _post(client, call)
    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [[STAFF]]  # sent on the second try
    assert server.tries == 2
    assert server.pauses == [emails.RETRY_DELAYS[0]]
    (warning,) = [r for r in caplog.records if r.name == "avp_wagtail.core.emails"]
    assert warning.levelno == logging.WARNING
    submission = InterestSubmission.objects.get()
    assert f"interest notification (submission {submission.pk})" in warning.getMessage()
    assert "attempt 1 of 3" in warning.getMessage()
    assert "SMTPServerDisconnected" in warning.getMessage()
    _no_addresses_in(caplog)


def test_a_lasting_temporary_error_is_tried_three_times_then_logged_and_recorded(
    call, server, mailoutbox, caplog
):
    server.failures, server.error = 99, smtplib.SMTPDataError(451, b"Try again later")
    submission = InterestSubmission.objects.create(call=call, name="Mari", email=RESIDENT)
    with caplog.at_level(logging.WARNING):
        result = send_interest_notification_task.enqueue(submission.pk, "et")
    assert mailoutbox == []
    assert server.tries == emails.TASK_ATTEMPTS == 3
    assert server.pauses == list(emails.RETRY_DELAYS)
    # The task backend has it as failed, with our own error (no address in its traceback).
    assert result.status == TaskResultStatus.FAILED
    (error,) = result.errors
    assert error.exception_class is EmailNotSent
    assert f"interest notification (submission {submission.pk})" in error.traceback
    assert "SMTPDataError (SMTP 451)" in error.traceback
    assert RESIDENT not in error.traceback
    assert STAFF not in error.traceback
    ours = [r for r in caplog.records if r.name == "avp_wagtail.core.emails"]
    assert [r.levelno for r in ours] == [logging.WARNING, logging.WARNING, logging.ERROR]
    final = ours[-1].getMessage()
    assert f"submission {submission.pk}" in final
    assert "after 3 attempt(s)" in final
    assert "SMTPDataError (SMTP 451)" in final
    _no_addresses_in(caplog)


def test_a_refused_recipient_is_not_retried_and_is_logged(client, call, server, mailoutbox, caplog):
    server.failures = 99
    server.error = smtplib.SMTPRecipientsRefused({STAFF: (550, b"5.1.1 No such user")})
    with caplog.at_level(logging.WARNING):
        response = _post(client, call)
    assert response.status_code == 302  # the resident's submission is kept all the same
    submission = InterestSubmission.objects.get()
    assert mailoutbox == []
    assert server.tries == 1
    assert server.pauses == []
    (error,) = [r for r in caplog.records if r.name == "avp_wagtail.core.emails"]
    assert error.levelno == logging.ERROR
    assert f"submission {submission.pk}" in error.getMessage()
    assert "SMTPRecipientsRefused" in error.getMessage()
    assert "permanent" in error.getMessage()
    # django-tasks logs the task's failure too (its id and name), for error monitoring.
    failed = [r for r in caplog.records if r.name == "django_tasks" and r.levelno >= logging.ERROR]
    assert failed
    assert "send_interest_notification_task" in failed[0].getMessage()
    _no_addresses_in(caplog)


@pytest.mark.parametrize(
    ("error", "transient"),
    [
        (smtplib.SMTPServerDisconnected("closed"), True),
        (ConnectionRefusedError(111, "Connection refused"), True),
        (TimeoutError(), True),
        (smtplib.SMTPResponseException(421, b"Service not available"), True),
        (smtplib.SMTPRecipientsRefused({STAFF: (450, b"Mailbox busy")}), True),
        (smtplib.SMTPRecipientsRefused({STAFF: (550, b"No such user")}), False),
        (smtplib.SMTPSenderRefused(553, b"Not allowed", "x@example.ee"), False),
        (smtplib.SMTPAuthenticationError(535, b"Bad credentials"), False),
        (smtplib.SMTPNotSupportedError(), False),
        (ValueError("bad header"), False),
    ],
)
def test_which_errors_are_worth_another_try(error, transient):
    assert is_transient(error) is transient


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_the_request_only_queues_the_submission_id_after_commit(
    client, call, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _post(client, call)
    assert response.status_code == 302
    queued = [r for r in default_task_backend.results if r.task.name.startswith("send_interest")]
    assert queued == []  # nothing before the submission is committed
    for callback in callbacks:
        callback()
    (result,) = [r for r in default_task_backend.results if r.task.name.startswith("send_interest")]
    submission = InterestSubmission.objects.get()
    assert list(result.args) == [submission.pk, "et"]
    assert mailoutbox == []
    result.task.call(*result.args)  # the worker
    assert [message.to for message in mailoutbox] == [[STAFF]]
    assert "Mari Maasikas" in mailoutbox[0].subject
