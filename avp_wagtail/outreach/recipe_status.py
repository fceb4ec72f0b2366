"""What the tracker knows about recommendations C2, C3, C9 and C10 of a programme, for
the programme checklist (``avp_recipe_status``, see avp_wagtail.core.plugins):
``(met, why, fix_url)``, or None for any other recommendation."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from avp_wagtail.outreach.choices import Answer, Channel, ContactKind, InvitationState
from avp_wagtail.outreach.models import OutreachContact

DIRECT = (Channel.PHONE, Channel.IN_PERSON)
# Reached: contacted one way or another, or answered.
CONTACTED = (
    ~Q(channel="")
    | Q(contacted_on__isnull=False)
    | Q(invitations__state=InvitationState.SENT)
    | ~Q(answer=Answer.NOT_YET)
)


def tracker_url(programme, **filters) -> str:
    query = "&".join([f"programme={programme.pk}", *(f"{k}={v}" for k, v in filters.items())])
    return f"{reverse('avp_outreach:list')}?{query}"


def _c2(contacts, programme):
    referrals = contacts.filter(
        Q(referred_by__isnull=False) | ~Q(referred_by_text="") | Q(source="interest_form")
    )
    total = referrals.count()
    followed = referrals.filter(CONTACTED).distinct().count()
    if not total:
        return (
            False,
            gettext(
                "No referrals yet: ask the organisations you know who else might be "
                "interested, and note whom they name."
            ),
            tracker_url(programme),
        )
    why = ngettext(
        "%(total)d referral collected, %(followed)d followed up.",
        "%(total)d referrals collected, %(followed)d followed up.",
        total,
    ) % {"total": total, "followed": followed}
    return followed > 0, why, tracker_url(programme, answer=Answer.NOT_YET)


def _c3(contacts, programme):
    count = contacts.filter(channel__in=DIRECT).count()
    if not count:
        return (
            False,
            gettext("Nobody has been contacted in person or by phone yet."),
            tracker_url(programme),
        )
    return (
        True,
        ngettext(
            "%(count)d contact made in person or by phone.",
            "%(count)d contacts made in person or by phone.",
            count,
        )
        % {"count": count},
        tracker_url(programme, channel=Channel.IN_PERSON),
    )


def _c9(contacts, programme):
    count = contacts.filter(kind=ContactKind.EVENT).count()
    if not count:
        return (
            False,
            gettext("No event of others attended is recorded yet."),
            tracker_url(programme),
        )
    return (
        True,
        ngettext(
            "%(count)d event of others attended.", "%(count)d events of others attended.", count
        )
        % {"count": count},
        tracker_url(programme, kind=ContactKind.EVENT),
    )


def _c10(contacts, programme):
    politicians = contacts.filter(kind=ContactKind.POLITICIAN)
    invited = politicians.filter(CONTACTED).distinct().count()
    if not invited:
        return (
            False,
            gettext("No local politician has been invited yet."),
            tracker_url(programme, kind=ContactKind.POLITICIAN),
        )
    return (
        True,
        ngettext("%(count)d politician invited.", "%(count)d politicians invited.", invited)
        % {"count": invited},
        tracker_url(programme, kind=ContactKind.POLITICIAN),
    )


ANSWERS = {"C2": _c2, "C3": _c3, "C9": _c9, "C10": _c10}


def outreach_recipe_status(programme, recommendation_id, request=None):
    """``avp_recipe_status`` hook."""
    answer = ANSWERS.get(recommendation_id)
    if answer is None or programme is None:
        return None
    return answer(OutreachContact.objects.of_programme(programme), programme)
