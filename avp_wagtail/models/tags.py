"""Our own taggit tag model, so action-item tags never mix with the host site's tags."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase


class AvpTag(TagBase):
    free_tagging = True

    class Meta:
        verbose_name = _("action item tag")
        verbose_name_plural = _("action item tags")


class TaggedActionItem(ItemBase):
    tag = models.ForeignKey(AvpTag, related_name="tagged_action_items", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "avp_wagtail.ActionItemPage", related_name="tagged_items", on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = _("action item tag link")
        verbose_name_plural = _("action item tag links")
