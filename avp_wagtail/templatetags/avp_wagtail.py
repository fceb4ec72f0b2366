"""Template tags of the AVP page templates."""

import json
import re
from decimal import Decimal, InvalidOperation

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import formats, numberformat
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe

from avp_wagtail.core.dates import format_date
from avp_wagtail.models.tags import tags_of_item

register = template.Library()


@register.filter(expects_localtime=True)
def avp_date(value, kind="date"):
    """A date or time as the package reads it in the active language (avp_wagtail/dates.py):
    ``{{ d|avp_date }}`` "14. detsember 2026", ``{{ dt|avp_date:"datetime" }}``
    "14. detsember 2026, kell 18.00"; also "short", "short_datetime" and "time"."""
    return format_date(value, kind)


@register.filter
def avp_amount(value):
    """A sum of money in the active language with its thousands grouped ("15 000" in
    Estonian and Russian, "15,000" in English; cents only when there are any). Django's
    Estonian formats group nothing, so the grouping (3) is the package's choice."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return value
    decimals = 0 if number == number.to_integral_value() else 2
    return numberformat.format(
        number,
        formats.get_format("DECIMAL_SEPARATOR"),
        decimal_pos=decimals,
        grouping=3,
        thousand_sep=formats.get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


@register.filter
def avp_summary_label(label):
    """A field's label as it starts an error summary's line ("<label>: <error>"), without the
    full stop or colon a sentence-long label (a consent) ends in: not "… after it.: …"."""
    return str(label or "").rstrip().rstrip(".:;").rstrip()


# Characters that could end the <script> element or start HTML inside it.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


_MEDIA = re.compile(r"<(embed|img|iframe|video|audio|object|table|hr)\b", re.IGNORECASE)


@register.filter
def avp_has_content(value):
    """True when rich text (or plain text) shows anything: an editor who clears a rich text
    field leaves "<p></p>" or "<p><br/></p>" behind, which must not keep a heading on the
    page with nothing under it."""
    if value is None:
        return False
    text = str(value.source if hasattr(value, "source") else value)
    if _MEDIA.search(text):
        return True
    return bool(strip_tags(text).replace("&nbsp;", "").strip())


@register.filter
def avp_tags(page):
    """The action item's tags in the page's language (each tag's translation when there is
    one, else the original), in one query (avp_wagtail.models.tags.tags_of_item)."""
    return tags_of_item(page)


@register.filter
def json_ld(data):
    """``data`` as a schema.org JSON-LD <script> element (data, not JavaScript)."""
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    # Safe: JSON with <, > and & escaped as \\u sequences (_JSON_ESCAPES).
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


class FragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        fragments = context.get("avp_fragments")
        if fragments is None:
            return self.nodelist.render(context)
        html = fragments.get(self.name)
        if html is not None:
            # Safe: the output of this same template, escaped when it was rendered.
            return mark_safe(html)  # noqa: S308
        html = self.nodelist.render(context)
        fragments.store(self.name, html)
        return html


@register.tag("avp_fragment")
def avp_fragment(parser, token):
    """``{% avp_fragment "name" %}...{% endavp_fragment %}``: the part of the page that
    ``avp_fragments`` in the context (``avp_wagtail.core.fragments.Fragments``) caches
    under ``name``; rendered as usual when the page caches nothing. Render every fragment
    unconditionally (never inside an ``{% if %}``): a page counts as cached only when all
    of its fragments are."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "'\"" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('Usage: {% avp_fragment "name" %}')
    nodelist = parser.parse(("endavp_fragment",))
    parser.delete_first_token()
    return FragmentNode(bits[1][1:-1], nodelist)
