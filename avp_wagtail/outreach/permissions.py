"""How outreach contacts belong to a municipality (through their programme page) and who
may do what with them (Django's model permissions ``avp_outreach.*_outreachcontact``)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q

from avp_wagtail.admin.scope import PAGE_SCOPE, Scope, unrestricted
from avp_wagtail.models import (
    CallToParticipatePage,
    InterestSubmission,
    MeetingProtocolPage,
    OpenGovernmentPage,
)

# A contact (and its invitations, through the contact) belongs to the municipality whose
# programme page it is filed on.
OUTREACH_SCOPE = Scope("programme")
INVITATION_SCOPE = Scope("contact__programme")
SUBMISSION_SCOPE = Scope("call")


def can_view(user) -> bool:
    return user.is_active and user.has_perm("avp_outreach.view_outreachcontact")


def can_invite(user) -> bool:
    """Sending invitations changes the contacts (the log, the channel)."""
    return user.is_active and user.has_perm("avp_outreach.change_outreachcontact")


def programmes_for(user):
    """The programme pages ``user`` may file contacts on."""
    return PAGE_SCOPE.filter(OpenGovernmentPage.objects.all(), user).order_by("path")


def under_programme(programme, prefix: str = "") -> Q:
    """Pages under ``programme`` or one of its translations (``prefix``: a lookup to them)."""
    condition = Q(pk__in=[])
    for path in OpenGovernmentPage.objects.filter(
        translation_key=programme.translation_key
    ).values_list("path", flat=True):
        condition |= Q(**{f"{prefix}path__startswith": path})
    return condition


def calls_for(user):
    return PAGE_SCOPE.filter(CallToParticipatePage.objects.all(), user).order_by("path")


def meetings_for(user):
    return PAGE_SCOPE.filter(MeetingProtocolPage.objects.all(), user).order_by("-start")


def submissions_for(user):
    return SUBMISSION_SCOPE.filter(InterestSubmission.objects.all(), user)


def colleagues_for(user):
    """The admin users an editor may name as "contacted by": everyone for a superuser or
    on a single-site install; else the editor and the members of the editor's groups."""
    users = get_user_model().objects.filter(is_active=True)
    if unrestricted(user):
        return users
    return users.filter(Q(pk=user.pk) | Q(groups__in=user.groups.all())).distinct()


def programme_paths(programme) -> list[str]:
    """The tree paths of ``programme`` and of its translations."""
    return list(
        OpenGovernmentPage.objects.filter(translation_key=programme.translation_key).values_list(
            "path", flat=True
        )
    )


def same_programme(page, programme) -> bool:
    """Whether ``page`` lies under ``programme`` or one of its translations."""
    return page is not None and any(page.path.startswith(p) for p in programme_paths(programme))
