from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from avp_wagtail.blocks import AVP_BLOCKS


class HomePage(Page):
    """The municipality's own home page; it embeds AVP blocks like any host site would."""

    body = StreamField(
        [("paragraph", blocks.RichTextBlock(label=_("paragraph"))), *AVP_BLOCKS],
        blank=True,
        verbose_name=_("body"),
        help_text=_("Text and open government blocks (plan at a glance, updates, meetings)."),
    )

    content_panels = Page.content_panels + [FieldPanel("body")]
