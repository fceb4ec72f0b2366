"""E-mails of ideas, sent as background tasks (``avp_wagtail.core.tasks``): the link that
confirms an idea, the link that confirms a support (with the one that withdraws it), and
the news that the municipality's response to an idea changed (to its author and every
supporter, each in their language)."""

from __future__ import annotations

import logging

from django.utils import translation
from django_tasks import task

from avp_wagtail.core.emails import TASK_ATTEMPTS, EmailNotSent, send_templated
from avp_wagtail.core.sites import full_url
from avp_wagtail.ideas.models import Idea
from avp_wagtail.ideas.tokens import CONFIRM_SUPPORT, WITHDRAW, idea_token, support_token

logger = logging.getLogger(__name__)
TEMPLATES = "avp_wagtail/ideas/emails/"


def _send(kind: str, context: dict, to: str, language: str, what: str) -> int:
    with translation.override(language):
        return send_templated(
            f"{TEMPLATES}{kind}_subject.txt",
            f"{TEMPLATES}{kind}_body.txt",
            context,
            [to],
            attempts=TASK_ATTEMPTS,
            what=what,
        )


def _idea(idea_id: int) -> Idea | None:
    idea = Idea.objects.select_related("plan").filter(pk=idea_id).first()
    if idea is None:
        logger.info("Idea %s is gone; nothing e-mailed.", idea_id)
    return idea


@task()
def send_idea_confirmation(idea_id: int) -> int:
    """E-mail the author of a new idea the link that confirms it."""
    idea = _idea(idea_id)
    if idea is None or not idea.email:
        return 0
    plan_url = full_url(idea.plan)
    context = {
        "idea": idea,
        "plan": idea.plan,
        "confirm_url": f"{plan_url}ideas/confirm/?t={idea_token(idea)}",
    }
    return _send(
        "idea_confirm", context, idea.email, idea.language, f"idea confirmation ({idea.pk})"
    )


@task()
def send_support_confirmation(idea_id: int, email: str, language: str) -> int:
    """E-mail a supporter the link that confirms the support (and one that withdraws it)."""
    idea = _idea(idea_id)
    if idea is None:
        return 0
    plan_url = full_url(idea.plan)
    context = {
        "idea": idea,
        "idea_url": idea.url_in(plan_url),
        "confirm_url": f"{plan_url}ideas/support/confirm/?t="
        + support_token(idea.pk, email, language, CONFIRM_SUPPORT),
        "withdraw_url": f"{plan_url}ideas/support/withdraw/?t="
        + support_token(idea.pk, email, language, WITHDRAW),
    }
    return _send("support_confirm", context, email, language, f"support confirmation ({idea.pk})")


@task()
def send_response_changed(idea_id: int) -> int:
    """Tell the idea's author and supporters that the municipality's response changed.
    Returns how many e-mails were sent; raises ``EmailNotSent`` if any failed for good."""
    idea = _idea(idea_id)
    if idea is None or not idea.is_public:
        return 0
    plan_url = full_url(idea.plan)
    context = {"idea": idea, "idea_url": idea.url_in(plan_url), "withdraw_url": ""}
    sent = failed = 0
    recipients = []
    if idea.email:
        recipients.append((idea.email, idea.language, ""))
    for support in idea.supports.select_related("user"):
        address = support.email or getattr(support.user, "email", "")
        if not address or address.lower() == idea.email.lower():
            continue
        withdraw = ""
        if support.email:
            token = support_token(idea.pk, support.email, support.language, WITHDRAW)
            withdraw = f"{plan_url}ideas/support/withdraw/?t={token}"
        recipients.append((address, support.language or idea.language, withdraw))
    for address, language, withdraw in recipients:
        try:
            sent += _send(
                "response_changed",
                {**context, "withdraw_url": withdraw},
                address,
                language,
                f"idea response ({idea.pk})",
            )
        except EmailNotSent:
            failed += 1
    if failed:
        raise EmailNotSent(f"{failed} e-mail(s) about idea {idea.pk} failed")
    return sent
