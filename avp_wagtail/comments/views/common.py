"""Helpers shared by the comment views."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import get_language
from wagtail.models import Page

from avp_wagtail.conf import get_setting
from avp_wagtail.core.visibility import is_visible
from avp_wagtail.models.commenting import CommentablePageMixin


def message(
    request, title, text, status=200, template="avp_wagtail/comments/message.html", **extra
):
    """A short page in the host's layout saying what happened (errors included), or, with
    ``template`` extending ``message.html``, a small form of its own."""
    context = {
        "avp_base_template": get_setting("BASE_TEMPLATE"),
        "avp_main_landmark": get_setting("MAIN_LANDMARK"),
        "avp_language_code": get_language(),
        "title": title,
        "text": text,
        **extra,
    }
    return TemplateResponse(request, template, context, status=status)


def in_language(language_code, respond):
    """``respond()`` with ``language_code`` active, its template rendered in that language.

    The comment URLs are outside ``i18n_patterns``, so Django would answer in the browser's
    language; a form, message or e-mail about a page is in the page's language instead.
    """
    if language_code not in {code for code, _name in settings.LANGUAGES}:
        return respond()
    with translation.override(language_code):
        response = respond()
        if isinstance(response, TemplateResponse):
            response.render()
            response.headers["Content-Language"] = language_code
    return response


def commentable_page(content_type_id, object_pk):
    """The live, commentable page a form or link refers to, or None.

    That is the page holding the thread of a translation group, not necessarily the page
    the resident sees: whether she may see the page she writes on (a view restriction an
    editor added) is ``shown_page``'s question."""
    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
    except (ContentType.DoesNotExist, TypeError, ValueError):
        return None
    if model is None or not issubclass(model, Page) or not issubclass(model, CommentablePageMixin):
        return None
    from avp_wagtail.core.cleaning import parse_id

    # An id too large for the database is no page (not an OverflowError).
    return model.objects.live().filter(pk=parse_id(object_pk) or 0).first()


def shown_page(request, *pages):
    """The first of ``pages`` the visitor may see (live and, under a view restriction, with
    its password given or login passed in this session: core.visibility), or None.

    ``.live()`` alone is not enough: a comment must not be published into, nor a link given
    to, a page an editor restricted since the resident wrote."""
    return next((page for page in pages if is_visible(page, request)), None)
