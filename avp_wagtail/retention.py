"""How long residents' personal data is kept, and erasing one person's data on request.

Three kinds of personal data (see docs/comments.md and docs/multi-site.md, "Privacy"):

- **comments** (the optional ``avp_wagtail.comments`` app): past the retention period a
  published comment is anonymised (its text stays, the name shows as "—"), an unpublished
  one is erased; unconfirmed comments are deleted once their link expires.
- **interest_submissions** (expressions of interest): deleted past the period.
- **followers** (follow an action by e-mail): deleted past the period (counted from the
  confirmation), so a resident who wants to go on following asks again.

``AVP_WAGTAIL["RETENTION_DAYS"]`` sets the period per kind in days; ``None`` keeps the
data (until its page is deleted or its author asks). ``manage.py avp_erase_expired``
applies the periods; run it daily.
"""

import datetime

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from .conf import DEFAULTS, get_setting

KINDS = ("comments", "interest_submissions", "followers")


def comments_installed():
    return apps.is_installed("avp_wagtail.comments")


def retention_days():
    """The retention period of each kind, in days (None: kept), defaults filled in."""
    days = {**DEFAULTS["RETENTION_DAYS"], **(get_setting("RETENTION_DAYS") or {})}
    unknown = set(days) - set(KINDS)
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
    from .models import InterestSubmission, ItemFollower

    now = now or timezone.now()
    days = retention_days()
    done = {}
    with transaction.atomic():
        if comments_installed():
            from .comments import retention as comment_retention

            if days["comments"] is not None:
                counts = comment_retention.erase_expired(days["comments"], now, dry_run)
                done["comments_anonymised"] = counts["anonymised"]
                done["comments_erased"] = counts["erased"]
            done["pending_comments_deleted"] = comment_retention.delete_expired_pending(
                now=now, dry_run=dry_run
            )
        for kind, model, field in (
            ("interest_submissions", InterestSubmission, "submitted_at"),
            ("followers", ItemFollower, "confirmed_at"),
        ):
            if days[kind] is None:
                continue
            cutoff = now - datetime.timedelta(days=days[kind])
            rows = model.objects.filter(**{f"{field}__lt": cutoff})
            done[f"{kind}_deleted"] = (
                rows.count() if dry_run else rows.delete()[1].get(model._meta.label, 0)
            )
    return done


def person_data(email, user):
    """One person's data, by e-mail address (any case), within ``user``'s scope: the
    querysets ``{kind: queryset}`` that ``erase_person`` erases."""
    from .admin_scope import Scope
    from .models import InterestSubmission, ItemFollower

    email = (email or "").strip()
    data = {
        "interest_submissions": Scope("call").filter(
            InterestSubmission.objects.filter(email__iexact=email), user
        ),
        "followers": Scope("page").filter(ItemFollower.objects.filter(email__iexact=email), user),
    }
    if comments_installed():
        from .comments import retention as comment_retention

        data["comments"] = comment_retention.of_person(email, user)
        pending = comment_retention.pending_of_person(email, user)
        if pending is not None:
            data["pending_comments"] = pending
    return data


def person_counts(email, user):
    """How many rows of each kind ``erase_person`` would erase."""
    counts = {}
    for kind, queryset in person_data(email, user).items():
        if kind == "comments":
            from .comments.retention import holding_data

            queryset = holding_data(queryset)  # erased placeholders hold nothing of hers
        counts[kind] = queryset.count()
    return counts


@transaction.atomic
def erase_person(email, user):
    """Erase one person's comments, follows, expressions of interest and unconfirmed
    comments (within ``user``'s scope). Returns ``{kind: count}``."""
    counts = {}
    for kind, queryset in person_data(email, user).items():
        if kind == "comments":
            from .comments.retention import erase

            counts[kind] = erase(queryset)
        else:
            counts[kind] = queryset.count()
            queryset.delete()
    return counts
