from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from avp_wagtail.blocks import AVP_BLOCKS
from avp_wagtail.core import i18n
from avp_wagtail.pictures.blocks import PICTURE_BLOCKS


class HomePage(Page):
    """The municipality's own home page; it embeds AVP blocks like any host site would."""

    body = StreamField(
        [("paragraph", blocks.RichTextBlock(label=_("paragraph"))), *AVP_BLOCKS, *PICTURE_BLOCKS],
        blank=True,
        verbose_name=_("body"),
        help_text=_(
            "Text and open government blocks (plan at a glance, its timeline, updates, meetings)."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("body")]

    def get_programme(self):
        """No programme above the home page (avp_wagtail.core.i18n's fallback asks for one)."""
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The same language switcher as on the AVP pages (avp_wagtail's include).
        context["avp_language_versions"] = i18n.page_languages(self, request).versions
        return context
