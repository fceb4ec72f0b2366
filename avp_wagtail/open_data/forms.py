"""Admin forms for importing action items (CSV) and borrowing actions (JSON)."""

from __future__ import annotations

from collections.abc import Container, Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from avp_wagtail.open_data.borrowing import Borrowable


class ImportItemsForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "In the format of the plan's own CSV export (UTF-8). Rows with a known "
            '"Commitment ID" update that action; other rows become new draft actions.'
        ),
    )
    publish = forms.BooleanField(
        label=_("Publish the imported actions"),
        required=False,
        help_text=_("Leave unticked to review them as drafts first."),
    )
    allow_duplicate_titles = forms.BooleanField(
        label=_("Create actions whose title matches an existing one"),
        required=False,
        help_text=_(
            'A row without a known "Commitment ID" whose title is already an action\'s of '
            "this plan (or another row's of the file) is skipped and listed, so that "
            "importing an edited export again does not duplicate the plan. Tick to create "
            "such rows as new actions anyway."
        ),
    )

    def __init__(self, *args: Any, can_publish: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not can_publish:
            del self.fields["publish"]


class BorrowUploadForm(forms.Form):
    file = forms.FileField(
        label=_("JSON export"),
        help_text=_(
            'Another municipality\'s action plan as JSON (the "Open data" link on its plan '
            "page), or one action of it."
        ),
    )


class BorrowChooseForm(forms.Form):
    items = forms.MultipleChoiceField(
        label=_("Actions to copy"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each becomes a draft action of this plan, with an 'adapted from' note."),
        error_messages={"required": _("Choose at least one action to copy.")},
    )

    def __init__(
        self,
        *args: Any,
        borrowable: Iterable[Borrowable] = (),
        already: Container[str] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = [  # type: ignore[attr-defined]  # a ChoiceField
            (entry.key, self._label(entry, entry.source_id in already)) for entry in borrowable
        ]

    @staticmethod
    def _label(entry: Borrowable, borrowed: bool) -> str:
        label = f"{entry.title} ({entry.theme})" if entry.theme else entry.title
        if borrowed:
            label = _("%(action)s — already borrowed into this plan") % {"action": label}
        return label
