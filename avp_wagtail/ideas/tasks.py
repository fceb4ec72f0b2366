"""E-mails of ideas, sent as background tasks (``avp_wagtail.core.tasks``): the link that
confirms an idea, the link that confirms a support (with the one that withdraws it), and
the link that confirms following an idea, and the news that the municipality's response
to an idea changed (to its author, every supporter and every follower: each address once,
in its language, with the links that stop it)."""

from __future__ import annotations

import logging

from django.utils import timezone, translation
from django_tasks import task

from avp_wagtail.core.emails import TASK_ATTEMPTS, EmailNotSent, send_templated
from avp_wagtail.core.sites import full_url
from avp_wagtail.ideas.models import Idea
from avp_wagtail.ideas.tokens import (
    CONFIRM_FOLLOW,
    CONFIRM_SUPPORT,
    UNFOLLOW,
    WITHDRAW,
    follow_token,
    idea_token,
    support_token,
)

logger = logging.getLogger(__name__)
TEMPLATES = "avp_wagtail/ideas/emails/"


def _send(
    kind: str, context: dict, to: str, language: str, what: str, headers: dict | None = None
) -> int:
    with translation.override(language):
        return send_templated(
            f"{TEMPLATES}{kind}_subject.txt",
            f"{TEMPLATES}{kind}_body.txt",
            context,
            [to],
            headers=headers,
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
def send_follow_confirmation(idea_id: int, email: str, language: str) -> int:
    """E-mail the link that confirms following an idea (nothing is stored before)."""
    idea = _idea(idea_id)
    if idea is None or not idea.is_public:
        return 0
    plan_url = PlanUrls(idea)(language)
    context = {
        "idea": idea,
        "idea_url": idea.url_in(plan_url),
        "confirm_url": f"{plan_url}ideas/follow/confirm/?t="
        + follow_token(idea.pk, email, language, CONFIRM_FOLLOW),
    }
    return _send("follow_confirm", context, email, language, f"follow confirmation ({idea.pk})")


class PlanUrls:
    """The absolute URL of the idea's plan in a language (its live translation, else the
    version the idea was sent on): a link leads to the page in the e-mail's language."""

    def __init__(self, idea: Idea):
        self.idea = idea
        self.urls: dict[str, str] = {idea.plan.locale.language_code: full_url(idea.plan)}

    def __call__(self, language: str) -> str:
        if language not in self.urls:
            plan = (
                self.idea.plan.get_translations()
                .live()
                .filter(locale__language_code=language)
                .first()
            )
            self.urls[language] = full_url(plan) if plan is not None else ""
        return self.urls[language] or self.urls[self.idea.plan.locale.language_code]


def _recipients(idea: Idea, plan_urls: PlanUrls) -> list[dict]:
    """Who hears of a new response: the author, the supporters, the followers; each
    address once (any case), in the language it asked in, with the links that stop it."""
    by_address: dict[str, dict] = {}

    def add(address: str, language: str, withdraw_url: str = "", unsubscribe_url: str = ""):
        if not address:
            return
        language = language or idea.language
        entry = by_address.setdefault(
            address.lower(),
            {
                "to": address,
                "language": language,
                "idea_url": idea.url_in(plan_urls(language)),
                "withdraw_url": "",
                "unsubscribe_url": "",
            },
        )
        entry["withdraw_url"] = entry["withdraw_url"] or withdraw_url
        entry["unsubscribe_url"] = entry["unsubscribe_url"] or unsubscribe_url

    add(idea.email, idea.language)
    for support in idea.supports.select_related("user"):
        withdraw = ""
        if support.email:
            token = support_token(idea.pk, support.email, support.language, WITHDRAW)
            withdraw = f"{plan_urls(support.language)}ideas/support/withdraw/?t={token}"
        address = support.email or getattr(support.user, "email", "")
        if address.lower() != idea.email.lower():
            add(address, support.language, withdraw_url=withdraw)
    for follower in idea.followers.select_related("user").order_by("pk"):
        address = follower.email or getattr(follower.user, "email", "")
        if not address or address.lower() == idea.email.lower():
            continue
        stop = ""
        if follower.email:
            token = follow_token(idea.pk, follower.email, follower.language, UNFOLLOW)
            stop = f"{plan_urls(follower.language)}ideas/follow/stop/?t={token}"
        add(address, follower.language, unsubscribe_url=stop)
    return list(by_address.values())


@task()
def send_response_changed(idea_id: int) -> int:
    """Tell the idea's author, supporters and followers that the municipality's response
    changed. Returns how many e-mails were sent; raises ``EmailNotSent`` if any failed for
    good."""
    idea = _idea(idea_id)
    if idea is None or not idea.is_public:
        return 0
    sent = failed = 0
    for recipient in _recipients(idea, PlanUrls(idea)):
        stop = recipient["unsubscribe_url"]
        try:
            sent += _send(
                "response_changed",
                {
                    "idea": idea,
                    "idea_url": recipient["idea_url"],
                    "withdraw_url": recipient["withdraw_url"],
                    "unsubscribe_url": stop,
                },
                recipient["to"],
                recipient["language"],
                f"idea response ({idea.pk})",
                headers={"List-Unsubscribe": f"<{stop}>"} if stop else None,
            )
        except EmailNotSent:
            failed += 1
    Idea.objects.filter(pk=idea.pk).update(response_announced_at=timezone.now())
    if failed:
        raise EmailNotSent(f"{failed} e-mail(s) about idea {idea.pk} failed")
    return sent
