"""The comment form (``COMMENTS_XTD_FORM_CLASS``).

It keeps django-contrib-comments' security hash, timestamp and honeypot, and adds the mark
(for / against / question), the page the resident is reading (one of the thread page's
translations), reply depth checks and, for moderators, the official-response flag.
"""

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_comments_xtd.forms import XtdCommentForm
from django_comments_xtd.models import max_thread_level_for_content_type

from avp_wagtail.comments.choices import CommentMark
from avp_wagtail.comments.conf import comment_setting
from avp_wagtail.comments.models import AvpComment
from avp_wagtail.comments.permissions import can_moderate_page
from avp_wagtail.comments.targets import host_page
from avp_wagtail.core.cleaning import ControlCharacterCleaningMixin, parse_id
from avp_wagtail.core.emails import validate_deliverable_email

# Errors that mean the form was not sent from our page as rendered: answered with a 400
# and nothing stored. An expired timestamp is among them; the text is still given back.
SECURITY_FIELDS = ("content_type", "object_pk", "timestamp", "security_hash", "honeypot")


class AvpCommentForm(ControlCharacterCleaningMixin, XtdCommentForm):
    mark = forms.ChoiceField(
        label=_("Your position"),
        choices=CommentMark.choices,
        initial=CommentMark.NEUTRAL,
        widget=forms.RadioSelect,
    )
    from_page = forms.IntegerField(widget=forms.HiddenInput)
    official_response = forms.BooleanField(
        label=_("Post as the municipality's official response"), required=False
    )
    official_role = forms.CharField(
        label=_("Your role (optional)"),
        help_text=_(
            "An official response is signed with the municipality's name, followed by this "
            'role if you give one (e.g. "development adviser"). Your user name is not shown.'
        ),
        max_length=100,
        required=False,
    )

    # Position first, then the text, then who you are; the honeypot and hidden fields last.
    field_order = [
        "mark",
        "comment",
        "name",
        "email",
        "followup",
        "official_response",
        "official_role",
    ]

    def __init__(self, target_object, *args, user=None, from_page=None, **kwargs):
        self.user = user
        self.from_page = from_page
        initial = dict(kwargs.pop("initial", None) or {})
        kwargs["initial"] = initial
        if from_page is not None:
            initial.setdefault("from_page", from_page.pk)
        super().__init__(target_object, *args, **kwargs)
        del self.fields["url"]
        max_length = comment_setting("COMMENT_MAX_LENGTH")
        comment = self.fields["comment"]
        comment.label = _("Your comment")
        comment.max_length = max_length
        comment.validators = [
            v for v in comment.validators if not isinstance(v, MaxLengthValidator)
        ] + [MaxLengthValidator(max_length)]
        comment.widget = forms.Textarea(attrs={"rows": 6, "maxlength": max_length})
        comment.help_text = ngettext(
            "Plain text, at most %(count)s character. Links become clickable.",
            "Plain text, at most %(count)s characters. Links become clickable.",
            max_length,
        ) % {"count": max_length}
        self.fields["name"].label = _("Your name")
        self.fields["name"].widget = forms.TextInput(attrs={"autocomplete": "name"})
        self.fields["name"].help_text = _("Shown with your comment.")
        self.fields["email"].label = _("Your e-mail address")
        self.fields["email"].widget = forms.EmailInput(attrs={"autocomplete": "email"})
        self.fields["email"].help_text = _(
            "Never shown. We send you a link to confirm the comment and, if you ask, "
            "tell you about replies."
        )
        self.fields["followup"].label = _("E-mail me when someone replies in this discussion")
        self.fields["followup"].widget = forms.CheckboxInput()
        self.fields["honeypot"].label = _("Leave this field empty")
        if self.is_authenticated:
            # The name and address come from the account (see clean()).
            del self.fields["name"], self.fields["email"]
        # Only a moderator of this page's municipality answers officially here (an object's:
        # of its host page's).
        if not (self.is_authenticated and can_moderate_page(user, host_page(target_object))):
            del self.fields["official_response"], self.fields["official_role"]

    @property
    def is_authenticated(self):
        return self.user is not None and self.user.is_authenticated

    def security_errors(self):
        return {name: self.errors[name] for name in SECURITY_FIELDS if name in self.errors}

    def clean_reply_to(self):
        reply_to = self.cleaned_data["reply_to"]
        if not reply_to:
            return 0
        content_type = ContentType.objects.get_for_model(self.target_object)
        # An id too large for the database is no comment of this discussion either.
        parent = (
            AvpComment.objects.filter(
                pk=parse_id(reply_to) or 0,
                content_type=content_type,
                object_pk=str(self.target_object.pk),
                is_public=True,
                is_removed=False,
            )
            .select_related(None)
            .first()
        )
        if parent is None:
            raise forms.ValidationError(
                _("The comment you are replying to is not part of this discussion.")
            )
        if parent.level >= max_thread_level_for_content_type(content_type):
            raise forms.ValidationError(
                _("Replies can only go %(levels)s levels deep; reply higher up instead.")
                % {"levels": max_thread_level_for_content_type(content_type)}
            )
        return reply_to

    def clean_from_page(self):
        # The view resolves the page and checks it belongs to the target's thread.
        value = self.cleaned_data["from_page"]
        if self.from_page is None or value != self.from_page.pk:
            raise forms.ValidationError(_("This form belongs to another page."))
        return value

    def clean_email(self):
        email = self.cleaned_data.get("email", "")
        if email:
            validate_deliverable_email(email)  # a domain mail cannot reach: a field error
        return email

    def clean(self):
        cleaned_data = super().clean()
        if self.is_authenticated:
            cleaned_data["name"] = (self.user.get_full_name() or self.user.get_username())[:50]
            cleaned_data["email"] = self.user.email
        return cleaned_data

    def get_comment_model(self):
        return AvpComment

    def check_for_duplicate_comment(self, new):
        """Always the new comment. django-contrib-comments would hand back an earlier
        identical comment, whose ``parent_id`` (its own id, for a top-level comment) then
        made a re-sent comment a reply to the first copy. Re-sent comments are recognised by
        ``duplicates.identical_comment`` instead."""
        return new

    def get_comment_create_data(self, site_id=None):
        return {
            "content_type": ContentType.objects.get_for_model(self.target_object),
            "object_pk": force_str(self.target_object.pk),
            "user_name": self.cleaned_data["name"],
            "user_email": self.cleaned_data["email"],
            "user_url": "",
            "comment": self.cleaned_data["comment"],
            "submit_date": timezone.now(),
            "site_id": site_id or getattr(settings, "SITE_ID", None),
            "is_public": True,
            "is_removed": False,
            "thread_id": 0,
            "level": 0,
            "order": 1,
            "parent_id": self.cleaned_data["reply_to"],
            "followup": self.cleaned_data["followup"],
            "mark": self.cleaned_data["mark"],
            "language": self.from_page.locale.language_code if self.from_page else "",
            "is_official_response": bool(self.cleaned_data.get("official_response")),
            "official_role": (
                self.cleaned_data.get("official_role", "").strip()
                if self.cleaned_data.get("official_response")
                else ""
            ),
        }
