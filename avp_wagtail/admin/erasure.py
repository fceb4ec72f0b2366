"""Admin view: erase one resident's personal data on request (right to erasure).

Settings > "Erase personal data": an administrator types the resident's e-mail address,
sees how many rows of each kind of personal data hold it (follows, expressions of interest
and, with the comments app, comments and unconfirmed comments: every provider registered
under ``avp_personal_data``, see ``avp_wagtail.privacy.retention``), and erases them
(``erase_person``). The page's text names no kind of data itself: each provider's
``description`` says what erasing does to its kind. Allowed to superusers and to users with
the "Can erase one person's personal data" permission; on an installation with several
sites a non-superuser erases only within the pages they hold permissions on
(``admin_scope``). Wagtail's log records who did it, when and how many rows, never the
address or what was erased.

Its hooks are registered by importing this module from ``wagtail_hooks``.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter

from avp_wagtail.admin.scope import Scope
from avp_wagtail.core.cleaning import ControlCharacterCleaningMixin
from avp_wagtail.privacy.retention import providers

PERMISSION = "avp_wagtail.erase_personal_data"
LOG_ACTION = "avp_wagtail.erase_personal_data"
URL_NAME = "avp_erase_personal_data"


def can_erase(user):
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def _scope(lookup):
    """The admin scope of rows that belong to pages through ``lookup`` (a provider's
    ``page_lookups`` entry)."""
    return Scope(object_pk=True) if lookup == "object_pk" else Scope(lookup)


def person_data(email, user):
    """One person's data, by e-mail address (any case), within ``user``'s scope:
    ``{kind: (provider, queryset)}`` from every ``avp_personal_data`` provider."""
    data = {}
    for provider in providers():
        for kind, rows in provider.of_person(email).items():
            data[kind] = (provider, _scope(provider.page_lookups[kind]).filter(rows, user))
    return data


def person_counts(email, user):
    """How many rows of each kind ``erase_person`` would erase."""
    return {
        kind: provider.count(kind, rows)
        for kind, (provider, rows) in person_data(email, user).items()
    }


@transaction.atomic
def erase_person(email, user):
    """Erase one person's data of every kind (within ``user``'s scope). ``{kind: count}``."""
    return {
        kind: provider.erase(kind, rows)
        for kind, (provider, rows) in person_data(email, user).items()
    }


def kind_counts_text(counts):
    """``{kind: n}`` as words, each count with its language's plural form."""
    words = {kind: word for provider in providers() for kind, word in provider.count_texts.items()}
    # In the providers' order; kinds with nothing stored are left out.
    return ", ".join(
        word(counts[kind]) % {"count": counts[kind]}
        for kind, word in words.items()
        if counts.get(kind)
    )


class ErasureForm(ControlCharacterCleaningMixin, forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("The resident's e-mail address"),
        # Names no kind: the kinds an installation has describe themselves in the view.
        help_text=gettext_lazy(
            "Every record sent with this address (in any letter case) is erased."
        ),
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)


class ErasePersonalDataView(WagtailAdminTemplateMixin, FormView):
    page_title = gettext_lazy("Erase personal data")
    header_icon = "bin"
    template_name = "avp_wagtail/admin/erase_personal_data.html"
    form_class = ErasureForm

    def dispatch(self, request, *args, **kwargs):
        if not can_erase(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = reverse(URL_NAME)
        # What erasing does to each kind of personal data this installation has.
        context["descriptions"] = [p.description for p in providers() if p.description]
        context.setdefault("submit_button_label", _("Find the data"))
        return context

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        user = self.request.user
        if not form.cleaned_data["confirmed"]:
            # Step 2: how much would go; the editor confirms.
            counts = person_counts(email, user)
            total = sum(counts.values())
            confirm = ErasureForm(initial={"email": email, "confirmed": bool(total)})
            return self.render_to_response(
                self.get_context_data(
                    form=confirm,
                    counts=counts,
                    counts_text=kind_counts_text(counts),
                    total=total,
                    submit_button_label=_("Erase") if total else _("Find the data"),
                )
            )
        counts = erase_person(email, user)
        total = sum(counts.values())
        log_erasure(user, counts)
        messages.success(
            self.request,
            ngettext(
                "%(count)d record erased: %(what)s.",
                "%(count)d records erased: %(what)s.",
                total,
            )
            % {"count": total, "what": kind_counts_text(counts)},
        )
        return redirect(URL_NAME)


def log_erasure(user, counts):
    """A Wagtail log entry: who, when, how many rows of each kind; not whose or what."""
    from wagtail.models import ModelLogEntry

    from avp_wagtail.models import InterestSubmission

    return ModelLogEntry.objects.create(
        # Seen in the site history by those with permissions on expressions of interest.
        content_type=ContentType.objects.get_for_model(InterestSubmission),
        object_id="0",
        label="—",
        action=LOG_ACTION,
        timestamp=timezone.now(),
        user=user,
        # The kinds found (kinds with none, e.g. of features the person never used, are
        # left out).
        data={
            "counts": {kind: count for kind, count in counts.items() if count},
            "scope": "all" if user.is_superuser else "own pages",
        },
    )


class ErasureMenuItem(MenuItem):
    def is_shown(self, request):
        return can_erase(request.user)


@hooks.register("register_admin_urls")
def register_erasure_url():
    return [path("avp/erase-personal-data/", ErasePersonalDataView.as_view(), name=URL_NAME)]


@hooks.register("register_settings_menu_item")
def register_erasure_menu_item():
    return ErasureMenuItem(
        gettext_lazy("Erase personal data"),
        reverse_lazy(URL_NAME),
        name="avp-erase-personal-data",
        icon_name="bin",
        order=900,
    )


@hooks.register("register_permissions")
def register_erasure_permission():
    app_label, codename = PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


@hooks.register("register_log_actions")
def register_erasure_log_action(actions):
    @actions.register_action(LOG_ACTION)
    class ErasureLogFormatter(LogFormatter):
        label = gettext_lazy("Erase personal data")

        def format_message(self, log_entry):
            counts = (log_entry.data or {}).get("counts") or {}
            total = sum(counts.values())
            return ngettext(
                "Personal data of one person erased on request: %(count)d record.",
                "Personal data of one person erased on request: %(count)d records.",
                total,
            ) % {"count": total}
