"""The ideas' personal data (``avp_personal_data``, see avp_wagtail.privacy.retention):

- an idea never confirmed is erased once its confirmation link has expired;
- past ``RETENTION_DAYS["ideas"]`` (counted from sending) a public idea keeps its text and
  loses its author's name and e-mail; an idea that never became public is erased; a
  support loses its e-mail address and stays counted; a follow (counted from its
  confirmation) is deleted;
- one person's erasure (admin): their public ideas are anonymised, the others erased,
  their supports withdrawn and their follows deleted.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext_lazy, ngettext

from avp_wagtail.ideas.choices import IdeaState
from avp_wagtail.ideas.conf import DEFAULT_RETENTION_DAYS, idea_setting
from avp_wagtail.ideas.models import Idea, IdeaFollower, IdeaSupport
from avp_wagtail.privacy.retention import PersonalData

IDEAS = "ideas"
SUPPORTS = "idea_supports"
FOLLOWERS = "idea_followers"


def anonymise(ideas) -> int:
    """Public ideas keep their text without their author; the others are erased."""
    public = ideas.filter(state=IdeaState.PUBLIC).exclude(author_name="", email="")
    count = public.update(author_name="", email="")
    count += ideas.exclude(state=IdeaState.PUBLIC).delete()[1].get(Idea._meta.label, 0)
    return count


class IdeaData(PersonalData):
    kind = IDEAS
    default_days = DEFAULT_RETENTION_DAYS  # type: ignore[assignment]
    labels = {
        "ideas_unconfirmed_deleted": ("unconfirmed idea(s)", "deleted"),
        "ideas_anonymised": ("idea(s)", "anonymised or deleted"),
        "idea_supports_anonymised": ("support(s) of ideas", "anonymised"),
        "idea_followers_deleted": ("follow(s) of ideas", "deleted"),
    }
    page_lookups = {IDEAS: "plan", SUPPORTS: "idea__plan", FOLLOWERS: "idea__plan"}
    count_texts = {
        IDEAS: lambda n: ngettext("%(count)d idea", "%(count)d ideas", n),
        SUPPORTS: lambda n: ngettext(
            "%(count)d support of an idea", "%(count)d supports of ideas", n
        ),
        FOLLOWERS: lambda n: ngettext(
            "%(count)d follow of an idea", "%(count)d follows of ideas", n
        ),
    }
    description = gettext_lazy(  # type: ignore[assignment]
        "Public ideas keep their text but lose the name and e-mail of their author; other "
        "ideas are deleted. Supports of ideas are withdrawn, follows of ideas deleted."
    )

    def erase_expired(self, days, now, dry_run=False):
        expired_link = now - datetime.timedelta(seconds=idea_setting("IDEA_CONFIRMATION_MAX_AGE"))
        unconfirmed = Idea.objects.filter(state=IdeaState.UNCONFIRMED, created_at__lt=expired_link)
        done = {"ideas_unconfirmed_deleted": unconfirmed.count()}
        if not dry_run:
            unconfirmed.delete()
        if days is None:
            return done
        before = now - datetime.timedelta(days=days)
        ideas = Idea.objects.filter(created_at__lt=before).exclude(state=IdeaState.UNCONFIRMED)
        ideas = ideas.exclude(state=IdeaState.PUBLIC, author_name="", email="")
        supports = IdeaSupport.objects.filter(created_at__lt=before).exclude(email="")
        followers = IdeaFollower.objects.filter(confirmed_at__lt=before)
        if dry_run:
            done["ideas_anonymised"] = ideas.count()
            done["idea_supports_anonymised"] = supports.count()
            done["idea_followers_deleted"] = followers.count()
            return done
        done["ideas_anonymised"] = anonymise(ideas)
        done["idea_supports_anonymised"] = supports.update(email="")
        done["idea_followers_deleted"] = followers.delete()[1].get(IdeaFollower._meta.label, 0)
        return done

    def of_person(self, email):
        email = (email or "").strip()
        return {
            IDEAS: Idea.objects.filter(email__iexact=email) if email else Idea.objects.none(),
            SUPPORTS: IdeaSupport.objects.filter(email__iexact=email)
            if email
            else IdeaSupport.objects.none(),
            FOLLOWERS: IdeaFollower.objects.filter(email__iexact=email)
            if email
            else IdeaFollower.objects.none(),
        }

    def erase(self, kind, rows):
        if kind == IDEAS:
            return anonymise(rows)
        return super().erase(kind, rows)
