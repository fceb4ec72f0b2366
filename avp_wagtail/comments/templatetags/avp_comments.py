"""Template filters for showing comments."""

import re

from django import template
from django.utils.html import urlize
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter(needs_autoescape=True)
def comment_text(value, autoescape=True):
    """Plain text with line breaks and clickable web links (rel="nofollow ugc").

    Everything is escaped first: HTML and scripts come out as text, and only http(s) and
    www links are made clickable, so a ``javascript:`` URL stays inert text.
    """
    html = urlize(str(value), nofollow=True, autoescape=True)
    html = html.replace('rel="nofollow"', 'rel="nofollow ugc"')
    # urlize also turns e-mail addresses into mailto links: keep them as text.
    html = re.sub(r'<a href="mailto:[^"]*">([^<]*)</a>', r"\1", html)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", html.replace("\r\n", "\n")) if p.strip()]
    body = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs)
    # Safe: urlize(autoescape=True) escaped the text; only fixed tags are added.
    return mark_safe(body)  # noqa: S308


@register.simple_tag
def comment_href(c, comment_id):
    """Where a link to a comment of this discussion points: ``#c<id>`` when it is on the
    screen shown, else the page at the screen that holds it (``threads.comment_link``)."""
    from avp_wagtail.comments.threads import comment_link

    thread = c["thread"]
    if thread.screen_for(comment_id) == thread.screen:
        return f"#c{comment_id}"
    return comment_link(c["page_url"], comment_id)


@register.simple_tag
def screen_href(c, number):
    """The link to screen ``number`` of the discussion (keeping the mark filter)."""
    params = []
    if c["thread"].mark:
        params.append(f"mark={c['thread'].mark}")
    if number and number > 1:
        params.append(f"comments={number}")
    query = f"?{'&'.join(params)}" if params else ""
    return f"{c['page_url']}{query}#comments"
