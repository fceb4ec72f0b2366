"""Whether residents may comment on a page: the "comments open" switch and its end date.

The comment thread itself lives in the optional ``avp_wagtail.comments`` app; these fields
are on the page types so that an editor can open and close the discussion (D1, D3, I1, I2).
"""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from avp_wagtail.core.dates import format_date
from avp_wagtail.models.translation_fields import facts


class CommentablePageMixin(models.Model):
    """Adds "comments open" and "open until" to a page type.

    Subclasses may override ``comments_closed_reason()`` to close comments for reasons of
    their own (the action plan does so outside its public consultation).
    """

    comments_open = models.BooleanField(
        _("comments open"),
        default=False,
        help_text=_("Let residents comment on this page."),
    )
    comments_open_until = models.DateField(
        _("comments open until"),
        null=True,
        blank=True,
        help_text=_(
            "Last day on which comments can be posted. After it the discussion stays "
            "readable but closed. Leave empty to keep it open."
        ),
    )

    # Editors see the switch only where residents can comment: with the optional comments
    # app installed (the fields stay, so installing the app later needs no migration).
    comment_panels = (
        [
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("comments_open"), FieldPanel("comments_open_until")])],
                heading=_("Resident comments"),
            )
        ]
        if apps.is_installed("avp_wagtail.comments")
        else []
    )
    comment_translation_fields = facts("comments_open", "comments_open_until")

    class Meta:
        abstract = True

    def comments_closed_reason(self) -> str | Promise | None:
        """None when comments may be posted now, else a sentence saying why not."""
        if not self.comments_open:
            return _("Comments are not open on this page.")
        if self.comments_open_until and timezone.localdate() > self.comments_open_until:
            return _("The discussion closed on %(date)s.") % {
                "date": format_date(self.comments_open_until)
            }
        return None
