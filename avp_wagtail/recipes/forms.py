"""The checklist's manual tick and the new-programme wizard's form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from avp_wagtail.core.i18n import language_name
from avp_wagtail.models import OpenGovernmentPage

NOTE_MAX = 2000
# Where a programme can go: site home pages and the pages right below them.
MAX_PARENT_DEPTH = 3
MAX_PARENTS = 300


class TickForm(forms.Form):
    """A manual tick for one recommendation (``recipe_id``, also the fields' prefix): done
    or not, and a note (required when ticking done)."""

    done = forms.BooleanField(label=_("Done"), required=False)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What was done, when and with whom. Required when ticking done."),
    )

    def __init__(self, *args: Any, recipe_id: str, **kwargs: Any):
        super().__init__(*args, prefix=recipe_id, **kwargs)
        self.recipe_id = recipe_id

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("done") and not (data.get("note") or "").strip():
            self.add_error("note", _("Say in a few words what was done."))
        return data


def parent_choices(user: Any) -> list[Page]:
    """Pages ``user`` may add a programme under (Wagtail's "add" page permission and the
    page types' rules), near the top of each site's tree, by path."""
    if user.is_superuser:
        pages = Page.objects.all()
    else:
        pages = PagePermissionPolicy().instances_user_has_permission_for(user, "add")
    pages = pages.filter(depth__gte=2, depth__lte=MAX_PARENT_DEPTH).order_by("path")
    allowed = []
    for page in pages.select_related("locale", "content_type")[:MAX_PARENTS]:
        if (
            OpenGovernmentPage.can_create_at(page)
            and page.permissions_for_user(user).can_add_subpage()
        ):
            allowed.append(page)
    return allowed


def _parent_label(page: Page, titles: dict[str, str]) -> str:
    steps = [titles[page.path[:n]] for n in range(8, len(page.path), 4) if page.path[:n] in titles]
    label = " / ".join([*steps, page.title])
    return f"{label} ({language_name(page.locale.language_code)})"


def language_choices() -> list[tuple[str, str]]:
    codes = Locale.objects.order_by("language_code").values_list("language_code", flat=True)
    known = dict(settings.LANGUAGES)
    return [(code, language_name(code) or known.get(code, code)) for code in codes]


class StartProgrammeForm(forms.Form):
    parent = forms.TypedChoiceField(
        label=_("Where"),
        coerce=int,
        help_text=_("The page the programme goes under, usually the municipality's home page."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=255,
        help_text=_("E.g. “Open government in Näidiku”. You can change it later."),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        help_text=_(
            "The language of the new pages and their starting texts. It must be the "
            "language of the page they go under."
        ),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.parents = {page.pk: page for page in parent_choices(user)}
        ancestors = {
            page.path[:n] for page in self.parents.values() for n in range(8, len(page.path), 4)
        }
        titles = dict(Page.objects.filter(path__in=ancestors).values_list("path", "title"))
        self.fields["parent"].choices = [("", "---------")] + [
            (pk, _parent_label(page, titles)) for pk, page in self.parents.items()
        ]
        self.fields["language"].choices = language_choices()
        codes = [code for code, _label in self.fields["language"].choices]
        active = (get_language() or "").split("-")[0]
        default = Locale.get_default().language_code
        self.fields["language"].initial = active if active in codes else default

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        parent = self.parents.get(data.get("parent"))
        language = data.get("language")
        if parent is not None and language and parent.locale.language_code != language:
            self.add_error(
                "language",
                _(
                    "The language of “%(page)s” is %(language)s: choose it, or choose a place "
                    "whose language is %(chosen)s."
                )
                % {
                    "page": parent.title,
                    "language": language_name(parent.locale.language_code),
                    "chosen": language_name(language),
                },
            )
        data["parent_page"] = parent
        return data
