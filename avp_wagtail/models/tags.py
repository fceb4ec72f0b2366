"""Our own taggit tag model, so action-item tags never mix with the host site's tags.

Tags are translatable snippets (docs/translating.md): an action item and its translations
share the original-language tags, and a page shows each tag's translation in the page's
language when there is one (``localized_tags``), else the original.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import TranslatableField


class AvpTag(TranslatableMixin, TagBase):
    free_tagging = True
    # Only the name is translated; a translation gets a slug of its own (see below).
    translatable_fields = [TranslatableField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("action item tag")
        verbose_name_plural = _("action item tags")

    def copy_for_translation(self, locale: Any, exclude_fields: list[str] | None = None) -> Any:
        """A new translation starts as a copy of the original; slugs are unique, so it gets
        the original's slug with the language code ("eelarve-en", "eelarve-ru")."""
        translation = super().copy_for_translation(locale, exclude_fields=exclude_fields)
        base = f"{self.slug}-{locale.language_code}"[:100]
        taken = set(
            type(self)._default_manager.filter(slug__startswith=base).values_list("slug", flat=True)
        )
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base[:95]}-{n}"
        translation.slug = slug
        return translation


def localized_tags(tags: Iterable[Any], locale_id: int | None) -> list[Any]:
    """``tags`` (AvpTag objects) as shown on a page in ``locale_id``: each tag's translation
    in that locale when there is one, else the tag itself; one query, order kept."""
    tags = list(tags)
    keys = {tag.translation_key for tag in tags if tag.locale_id != locale_id}
    if not keys:
        return tags
    translations = {
        tag.translation_key: tag
        for tag in AvpTag.objects.filter(translation_key__in=keys, locale_id=locale_id)
    }
    return [
        tag if tag.locale_id == locale_id else translations.get(tag.translation_key, tag)
        for tag in tags
    ]


class TaggedActionItem(ItemBase):
    tag = models.ForeignKey(AvpTag, related_name="tagged_action_items", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "avp_wagtail.ActionItemPage", related_name="tagged_items", on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = _("action item tag link")
        verbose_name_plural = _("action item tag links")


def tags_of_item(item: Any) -> list[Any]:
    """The tags of an action item (page) in the page's language, in one query: the item's
    own (original-language) tags together with their translations in its locale."""
    own = TaggedActionItem.objects.filter(content_object_id=item.pk)
    rows = (
        AvpTag.objects.filter(
            models.Q(pk__in=own.values("tag_id"))
            | models.Q(
                locale_id=item.locale_id,
                translation_key__in=own.values("tag__translation_key"),
            )
        )
        .annotate(is_own=models.Exists(own.filter(tag_id=models.OuterRef("pk"))))
        .order_by("name", "pk")
    )
    rows = list(rows)
    translations = {tag.translation_key: tag for tag in rows if tag.locale_id == item.locale_id}
    return [translations.get(tag.translation_key, tag) for tag in rows if tag.is_own]
