"""Bulk actions of the tracker's list, kept to the editor's municipality (another's
contacts are as absent as contacts that do not exist):

- **Send the invitation**: the editor picks a call to participate; each chosen contact
  of that call's programme with an e-mail address gets one e-mail of its own, in its
  language (``tasks.send_outreach_invitation``), logged on the contact as an
  ``OutreachInvitation``. Contacts without an address, or of another programme, are
  skipped and named in the result message.
- **Delete**: Wagtail's snippet delete, registered again for the tracker so that it is
  scoped and speaks of contacts.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import log
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from avp_wagtail.admin.bulk_actions import (
    CONFIRM_DELETE_TEMPLATE,
    CountedWordingMixin,
    ListingFiltersMixin,
)
from avp_wagtail.admin.scope import ScopedBulkActionMixin
from avp_wagtail.core.tasks import enqueue_after_commit
from avp_wagtail.models import CallToParticipatePage
from avp_wagtail.outreach.filters import SEARCH_FIELDS, OutreachContactFilterSet
from avp_wagtail.outreach.models import OutreachContact, OutreachInvitation
from avp_wagtail.outreach.permissions import OUTREACH_SCOPE, calls_for, same_programme
from avp_wagtail.outreach.tasks import send_outreach_invitation

INVITE = "avp_outreach.invite"
SHOWN_SKIPPED = 20


class OutreachWording(ListingFiltersMixin, CountedWordingMixin):
    filterset_class = OutreachContactFilterSet
    search_fields = SEARCH_FIELDS

    @cached_property
    def permission_policy(self):
        return OutreachContact.snippet_viewset.permission_policy


class InvitationForm(forms.Form):
    call = forms.ModelChoiceField(
        label=_("Call to participate"),
        queryset=CallToParticipatePage.objects.none(),
        help_text=_("The call whose invitation is sent; only contacts of its programme get it."),
        error_messages={"required": _("Choose the call whose invitation is sent.")},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            # Only a published call: the invitation links to it.
            self.fields["call"].queryset = calls_for(user).live()


def _names(contacts):
    names = [str(contact) for contact in contacts[:SHOWN_SKIPPED]]
    if len(contacts) > SHOWN_SKIPPED:
        names.append("…")
    return ", ".join(names)


class SendInvitationBulkAction(ScopedBulkActionMixin, OutreachWording, SnippetBulkAction):
    display_name = _("Send the invitation")
    action_type = "avp_invite"
    aria_label = _("Send the call's invitation to the selected contacts")
    action_priority = 10
    models = [OutreachContact]
    scope = OUTREACH_SCOPE
    bulk_permission = "change"
    template_name = "avp_wagtail/outreach/admin/confirm_invitation.html"
    form_class = InvitationForm

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_title(self, count):
        return ngettext("Send the invitation", "Send the invitations", count)

    def get_question(self, count):
        return ngettext(
            "Send the call's invitation to this contact? It gets an e-mail of its own, in "
            "its language.",
            "Send the call's invitation to these %(count)d contacts? Each gets an e-mail of "
            "its own, in its language.",
            count,
        )

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "request": self.request,
            "call": self.cleaned_form.cleaned_data["call"],
        }

    @classmethod
    def execute_action(cls, objects, request=None, call=None, **kwargs):
        call = call.specific
        no_address, elsewhere, queued = [], [], []
        for contact in objects:
            if not same_programme(call, contact.programme):
                elsewhere.append(contact)
            elif not contact.contact_email:
                no_address.append(contact)
            else:
                invitation = OutreachInvitation.objects.create(
                    contact=contact,
                    call=call,
                    sent_by=request.user,
                    language=contact.language,
                )
                queued.append(invitation)
                log(contact, INVITE, user=request.user, data={"call": call.pk})
        for invitation in queued:
            enqueue_after_commit(send_outreach_invitation, invitation.pk)
        if no_address:
            messages.warning(
                request,
                "{} {}".format(
                    ngettext(
                        "Not sent, no e-mail address:",
                        "Not sent, no e-mail address (%(count)d):",
                        len(no_address),
                    )
                    % {"count": len(no_address)},
                    _names(no_address),
                ),
            )
        if elsewhere:
            messages.warning(
                request,
                "{} {}".format(
                    ngettext(
                        "Not sent, not a contact of this call's programme:",
                        "Not sent, not contacts of this call's programme (%(count)d):",
                        len(elsewhere),
                    )
                    % {"count": len(elsewhere)},
                    _names(elsewhere),
                ),
            )
        return len(queued), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d invitation sent, one e-mail to each contact.",
            "%(count)d invitations sent, one e-mail to each contact.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class DeleteOutreachBulkAction(ScopedBulkActionMixin, OutreachWording, DeleteBulkAction):
    models = [OutreachContact]
    scope = OUTREACH_SCOPE
    aria_label = _("Delete selected contacts")
    template_name = CONFIRM_DELETE_TEMPLATE
    no_access_text = _("You may not delete these contacts")

    def get_title(self, count):
        return ngettext("Delete contact", "Delete contacts", count)

    def get_question(self, count):
        return ngettext(
            "Delete this contact and its invitations log for good?",
            "Delete these %(count)d contacts and their invitations log for good?",
            count,
        )

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d contact deleted.", "%(count)d contacts deleted.", num_parent_objects
        ) % {"count": num_parent_objects}
