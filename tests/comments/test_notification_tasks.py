"""Comment e-mails are background tasks: the request queues ids (never the confirmation key)
after its transaction commits; the worker sends the mails, and a failure is logged and
recorded without stopping the other followers' mails."""

import logging
import smtplib

import pytest
from django.core.mail.backends.locmem import EmailBackend
from django.test import override_settings
from django_tasks import TaskResultStatus, default_task_backend

from avp_wagtail.comments.models import AvpComment, PendingComment
from avp_wagtail.comments.tasks import send_reply_notifications
from avp_wagtail.core import emails
from avp_wagtail.core.emails import EmailNotSent

from .helpers import confirmation_link, post_comment

pytestmark = pytest.mark.django_db

HELD = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _held(name):
    return [result for result in default_task_backend.results if result.task.name == name]


def _reply(client, user, item, parent, text, **fields):
    client.force_login(user)
    return post_comment(
        client, item, url=f"{item.url}?reply_to={parent.pk}", comment=text, **fields
    )


@pytest.fixture
def thread(client, item, resident, django_user_model):
    """A comment by the resident and a reply by a neighbour, both asking for e-mails."""
    client.force_login(resident)
    post_comment(client, item, comment="Teavitage mind", followup="on")
    first = AvpComment.objects.get()
    neighbour = django_user_model.objects.create_user("naaber", "naaber@example.ee", "pw")
    _reply(client, neighbour, item, first, "Mind ka", followup="on")
    return first


@override_settings(TASKS=HELD)
def test_a_reply_queues_ids_and_the_worker_mails_the_followers(
    client, item, thread, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = _reply(client, moderator, item, thread, "Vastame peagi.")
    assert response.status_code == 302
    assert mailoutbox == []  # nothing sent in the request
    reply = AvpComment.objects.get(comment="Vastame peagi.")
    (result,) = _held("send_reply_notifications")
    assert list(result.args) == [reply.pk, item.pk, "http://testserver"]
    result.task.call(*result.args)
    assert sorted(m.to[0] for m in mailoutbox) == ["naaber@example.ee", "resident@example.ee"]
    assert all("Vastame peagi." in m.body for m in mailoutbox)


@override_settings(TASKS=HELD)
def test_a_reply_hidden_before_the_worker_ran_is_not_mailed(
    client, item, thread, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, moderator, item, thread, "Kiire vastus")
    AvpComment.objects.filter(comment="Kiire vastus").update(is_removed=True)
    (result,) = _held("send_reply_notifications")
    assert result.task.call(*result.args) == 0
    assert mailoutbox == []


@override_settings(TASKS=HELD)
def test_the_confirmation_key_never_waits_in_the_queue(
    client, item, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, item, comment="Anonüümne mõte")
    assert response.status_code == 302
    pending = PendingComment.objects.get()
    (result,) = _held("send_comment_confirmation")
    assert list(result.args) == [pending.pk, item.pk, "et", "http://testserver"]
    assert mailoutbox == []
    result.task.call(*result.args)  # the worker makes the key and sends the link
    (message,) = mailoutbox
    assert message.to == ["mari@example.ee"]
    assert "Anonüümne mõte" in message.body
    assert client.get(confirmation_link(mailoutbox)).status_code == 302
    assert AvpComment.objects.get().comment == "Anonüümne mõte"
    assert not PendingComment.objects.exists()


def test_one_refused_follower_does_not_stop_the_others_and_the_task_fails(
    client, item, thread, moderator, mailoutbox, caplog, monkeypatch
):
    _reply(client, moderator, item, thread, "Vastus kõigile")
    reply = AvpComment.objects.get(comment="Vastus kõigile")
    mailoutbox.clear()
    send = EmailBackend.send_messages

    def refusing(backend, messages):
        """A mail server that refuses one address for good."""
        if any("resident@example.ee" in message.to for message in messages):
            raise smtplib.SMTPRecipientsRefused({"resident@example.ee": (550, b"No user")})
        return send(backend, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", refusing)
    monkeypatch.setattr(emails.time, "sleep", lambda seconds: None)
    with caplog.at_level(logging.WARNING):
        result = send_reply_notifications.enqueue(reply.pk, item.pk, "http://testserver")
    assert [m.to for m in mailoutbox] == [["naaber@example.ee"]]  # the other one is sent
    assert result.status == TaskResultStatus.FAILED  # recorded by the task backend
    (error,) = result.errors
    assert error.exception_class is EmailNotSent
    assert f"1 of 2 reply notifications about comment {reply.pk}" in error.traceback
    (logged,) = [r for r in caplog.records if r.name == "avp_wagtail.core.emails"]
    assert f"comment {reply.pk}" in logged.getMessage()
    assert f"to the author of comment {thread.pk}" in logged.getMessage()
    assert "SMTPRecipientsRefused" in logged.getMessage()
    assert "resident@example.ee" not in caplog.text
