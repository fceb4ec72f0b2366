"""Helpers shared by the comment views."""

from django.contrib.contenttypes.models import ContentType
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from wagtail.models import Page

from ...conf import get_setting
from ...models.commenting import CommentablePageMixin


def message(request, title, text, status=200, **extra):
    """A short page in the host's layout saying what happened (errors included)."""
    context = {
        "avp_base_template": get_setting("BASE_TEMPLATE"),
        "avp_main_landmark": get_setting("MAIN_LANDMARK"),
        "avp_language_code": get_language(),
        "title": title,
        "text": text,
        **extra,
    }
    return TemplateResponse(request, "avp_wagtail/comments/message.html", context, status=status)


def commentable_page(content_type_id, object_pk):
    """The live, commentable page a form or link refers to, or None."""
    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
    except (ContentType.DoesNotExist, TypeError, ValueError):
        return None
    if model is None or not issubclass(model, Page) or not issubclass(model, CommentablePageMixin):
        return None
    try:
        return model.objects.live().get(pk=int(object_pk))
    except (model.DoesNotExist, TypeError, ValueError):
        return None
