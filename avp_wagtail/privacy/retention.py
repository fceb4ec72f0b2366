"""How long residents' personal data is kept.

Every kind of personal data is a *provider* registered under the ``avp_personal_data`` hook
(``avp_wagtail.core.plugins.PERSONAL_DATA_HOOK``); this module knows none of them by name.
The package's own kinds (see docs/comments.md and docs/multi-site.md, "Privacy"):

- **interest_submissions** (expressions of interest): deleted past the period.
- **followers** (follow an action by e-mail): deleted past the period (counted from the
  confirmation), so a resident who wants to go on following asks again.

and, when the optional ``avp_wagtail.comments`` app is installed, **comments** (registered
by that app): past the retention period a published comment is anonymised, an unpublished
one is erased; unconfirmed comments are deleted once their link expires.

``AVP_WAGTAIL["RETENTION_DAYS"]`` sets the period per kind in days; ``None`` keeps the
data (until its page is deleted or its author asks). ``manage.py avp_erase_expired``
applies the periods; run it daily. Erasing one person's data on request (scoped to an
administrator's pages) is the admin's: ``avp_wagtail.admin.erasure``.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks

from avp_wagtail.conf import DEFAULTS, get_setting
from avp_wagtail.core.plugins import PERSONAL_DATA_HOOK
from avp_wagtail.models import InterestSubmission, ItemFollower, MeetingSignup


class PersonalData:
    """A provider of one kind of personal data (register an instance under
    ``avp_personal_data``). Subclasses set the attributes and override what differs; the
    defaults delete rows.

    ``kind``
        The key in ``AVP_WAGTAIL["RETENTION_DAYS"]``.
    ``default_days``
        Its retention period when the settings do not name it (None: kept).
    ``labels``
        ``{result name: (noun, verb)}`` for the retention command's report, e.g.
        ``{"followers_deleted": ("follower(s)", "deleted")}``.
    ``page_lookups``
        ``{kind: lookup}``, one entry per queryset ``of_person`` returns: how its rows
        belong to pages, for the admin's multi-site scope: a page foreign key lookup
        (``"page"``, ``"call"``) or ``"object_pk"`` (the page id as text, as comments).
    ``count_texts``
        ``{kind: fn(n) -> str}``, one entry per queryset ``of_person`` returns: "n rows"
        in words (``ngettext`` with ``%(count)d``), shown by the admin's erasure view.
    ``description``
        What erasing one person's data does to this kind, in a sentence or two
        (``gettext_lazy``): the admin's erasure view shows the description of every
        registered provider, so that it speaks only of the kinds an installation has.
    """

    kind = ""
    default_days = None
    labels = {}
    page_lookups = {}
    count_texts = {}
    description = ""

    def erase_expired(self, days, now, dry_run=False):
        """Apply the retention period (``days`` may be None: kept). ``{result: count}``."""
        return {}

    def of_person(self, email):
        """One person's rows, by e-mail address in any case: ``{kind: queryset}``."""
        return {}

    def count(self, kind, rows):
        """How many of ``rows`` (from ``of_person``) ``erase`` would erase."""
        return rows.count()

    def erase(self, kind, rows):
        """Erase ``rows`` (from ``of_person``); return how many were erased."""
        count = rows.count()
        rows.delete()
        return count


class _DeletedPastPeriod(PersonalData):
    """Rows deleted whole once ``field`` is older than the period; found by ``email``."""

    model = None
    field = ""
    page_lookup = ""

    def __init__(self):
        self.page_lookups = {self.kind: self.page_lookup}

    def erase_expired(self, days, now, dry_run=False):
        if days is None:
            return {}
        rows = self.model.objects.filter(
            **{f"{self.field}__lt": now - datetime.timedelta(days=days)}
        )
        count = rows.count() if dry_run else rows.delete()[1].get(self.model._meta.label, 0)
        return {f"{self.kind}_deleted": count}

    def of_person(self, email):
        return {self.kind: self.model.objects.filter(email__iexact=(email or "").strip())}


class InterestSubmissions(_DeletedPastPeriod):
    kind = "interest_submissions"
    default_days = DEFAULTS["RETENTION_DAYS"]["interest_submissions"]
    labels = {"interest_submissions_deleted": ("expression(s) of interest", "deleted")}
    count_texts = {
        kind: lambda n: ngettext(
            "%(count)d expression of interest", "%(count)d expressions of interest", n
        )
    }
    description = gettext_lazy("Expressions of interest are deleted with everything sent in them.")
    model = InterestSubmission
    field = "submitted_at"
    page_lookup = "call"


class Followers(_DeletedPastPeriod):
    kind = "followers"
    default_days = DEFAULTS["RETENTION_DAYS"]["followers"]
    labels = {"followers_deleted": ("follower(s)", "deleted")}
    count_texts = {
        kind: lambda n: ngettext("%(count)d follow of an action", "%(count)d follows of actions", n)
    }
    description = gettext_lazy(
        "Follows of actions are deleted: the address gets no more news of them."
    )
    model = ItemFollower
    field = "confirmed_at"
    page_lookup = "page"


class MeetingSignups(_DeletedPastPeriod):
    kind = "meeting_signups"
    default_days = DEFAULTS["RETENTION_DAYS"]["meeting_signups"]
    labels = {"meeting_signups_deleted": ("meeting sign-up(s)", "deleted")}
    count_texts = {
        kind: lambda n: ngettext("%(count)d meeting sign-up", "%(count)d meeting sign-ups", n)
    }
    description = gettext_lazy(
        "Meeting sign-ups are deleted, counted from the day the meeting started."
    )
    model = MeetingSignup
    field = "meeting__start"
    page_lookup = "meeting"


# The package's own kinds, registered like any other (order: after the comments app's).
hooks.register(PERSONAL_DATA_HOOK, Followers(), order=10)
hooks.register(PERSONAL_DATA_HOOK, InterestSubmissions(), order=10)
hooks.register(PERSONAL_DATA_HOOK, MeetingSignups(), order=10)


def providers():
    """Every registered kind of personal data (``avp_personal_data``), in hook order."""
    return list(hooks.get_hooks(PERSONAL_DATA_HOOK))


def labels():
    """``{result name: (noun, verb)}`` of every provider, for the retention command."""
    return {name: label for provider in providers() for name, label in provider.labels.items()}


def retention_days():
    """The retention period of each kind, in days (None: kept), defaults filled in."""
    known = {provider.kind: provider.default_days for provider in providers()}
    days = {**known, **(get_setting("RETENTION_DAYS") or {})}
    unknown = set(days) - set(known)
    if unknown:
        raise ValueError(
            f"Unknown kind in AVP_WAGTAIL['RETENTION_DAYS']: {', '.join(sorted(unknown))}"
        )
    for kind, value in days.items():
        if value is not None and (not isinstance(value, int) or value < 0):
            raise ValueError(
                f"AVP_WAGTAIL['RETENTION_DAYS']['{kind}'] must be a number of days or None."
            )
    return days


def erase_expired(now=None, dry_run=False):
    """Apply every retention period; return what was (or, with ``dry_run``, would be)
    done as ``{name: count}``. Idempotent: a second run finds nothing more to do."""
    now = now or timezone.now()
    days = retention_days()
    done = {}
    with transaction.atomic():
        for provider in providers():
            done.update(provider.erase_expired(days[provider.kind], now, dry_run))
    return done
