"""One-click unsubscribe from reply notifications (RFC 8058 POST, or the button on the page)."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from avp_wagtail.comments.models import AvpComment
from avp_wagtail.comments.tokens import BadLink, ExpiredLink, read_unsubscribe_token
from avp_wagtail.comments.views.common import in_language, message


@csrf_exempt  # mail clients post RFC 8058 one-click requests without a CSRF token
def unsubscribe(request, token):
    try:
        language = read_unsubscribe_token(token).get("lang")
    except (BadLink, AttributeError):
        language = None
    # In the language the follower wrote in (also that of the e-mail), not the browser's.
    return in_language(language, lambda: _unsubscribe(request, token))


def _unsubscribe(request, token):
    try:
        data = read_unsubscribe_token(token)
    except ExpiredLink:
        return message(
            request,
            _("This link has expired"),
            _("Unsubscribe links work for a limited time. Use the link in a newer e-mail."),
            status=400,
        )
    except BadLink:
        return message(request, _("This link is not valid"), _("Nothing has changed."), status=400)
    if request.method == "POST":
        # update(), not save(): xtd's pre_save handler would publish the replies awaiting
        # moderation below each comment (docs/comments.md, "Which parts of ... xtd").
        AvpComment.objects.filter(
            user_email__iexact=data["email"],
            content_type_id=data["ct"],
            object_pk=data["pk"],
            followup=True,
        ).update(followup=False)
        return message(
            request,
            _("You are unsubscribed"),
            _("You will get no more e-mails about replies in this discussion."),
        )
    context = {"token": token}
    return TemplateResponse(
        request,
        "avp_wagtail/comments/unsubscribe.html",
        {**message(request, _("Stop e-mails about replies?"), "").context_data, **context},
    )
