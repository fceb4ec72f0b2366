"""Bulk publish, hide and delete in the Ideas admin list (``IdeaViewSet``, a snippet
viewset for this reason), kept to the editor's municipality: another's ideas are as absent
as ideas that do not exist.

An idea whose author never confirmed it stays as it is: nobody can publish it, and hiding
it would make it publishable later. Delete is Wagtail's own snippet action, registered
again for ideas only (``wagtail_hooks``, after Wagtail's) so that it is scoped and speaks
of ideas.
"""

from django.db import transaction
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import log
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from avp_wagtail.admin.bulk_actions import (
    CONFIRM_ACTION_TEMPLATE,
    CONFIRM_DELETE_TEMPLATE,
    CountedWordingMixin,
    ListingFiltersMixin,
)
from avp_wagtail.admin.scope import ScopedBulkActionMixin
from avp_wagtail.core.tasks import enqueue_after_commit
from avp_wagtail.ideas.choices import IdeaState
from avp_wagtail.ideas.filters import SEARCH_FIELDS, IdeaFilterSet
from avp_wagtail.ideas.models import Idea
from avp_wagtail.ideas.permissions import IDEA_SCOPE
from avp_wagtail.ideas.tasks import send_response_changed

PUBLISH = "avp_ideas.publish"
HIDE = "avp_ideas.hide"


class IdeaWording(ListingFiltersMixin, CountedWordingMixin):
    """The confirmation page's wording (``CountedWordingMixin``), "select all" as the list
    is filtered (``ListingFiltersMixin``) and the viewset's permission policy."""

    filterset_class = IdeaFilterSet
    search_fields = SEARCH_FIELDS

    @cached_property
    def permission_policy(self):
        # Wagtail 7.4's snippet actions have none; the viewset carries it on both.
        return Idea.snippet_viewset.permission_policy


class StateBulkAction(ScopedBulkActionMixin, IdeaWording, SnippetBulkAction):
    """Set the state of the chosen ideas of the editor's municipality that their authors
    confirmed; those awaiting confirmation are listed apart and left as they are."""

    models = [Idea]
    scope = IDEA_SCOPE
    bulk_permission = "change"
    template_name = CONFIRM_ACTION_TEMPLATE
    new_state = ""
    log_action = ""

    def check_perm(self, obj):
        return obj.state != IdeaState.UNCONFIRMED and (
            self.permission_policy.user_has_permission_for_instance(
                self.request.user, "change", obj
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        unconfirmed = len(context["items_with_no_access"])
        context["no_access_msg"] = ngettext(
            "This idea awaits its author's e-mail confirmation and stays as it is:",
            "These %(count)d ideas await their authors' e-mail confirmation and stay as they are:",
            unconfirmed,
        ) % {"count": unconfirmed}
        return context

    def get_execution_context(self):
        return {**super().get_execution_context(), "request": self.request}

    @classmethod
    def execute_action(cls, objects, request=None, **kwargs):
        # Read again under a lock: never an unconfirmed idea, whatever happened meanwhile.
        # Each idea is saved, so that Django's signals reach a host's receivers.
        with transaction.atomic():
            rows = (
                Idea.objects.select_for_update()
                .filter(pk__in=[idea.pk for idea in objects])
                .exclude(state__in=[IdeaState.UNCONFIRMED, cls.new_state])
            )
            for idea in rows:
                idea.state = cls.new_state
                idea.save(update_fields=["state"])
                log(idea, cls.log_action, user=request.user, data={"state": cls.new_state})
                if idea.response_unannounced:  # answered while it waited for moderation
                    enqueue_after_commit(send_response_changed, idea.pk)
        return len(objects), 0


class PublishBulkAction(StateBulkAction):
    display_name = _("Publish")
    action_type = "avp_publish"
    aria_label = _("Publish selected ideas")
    action_priority = 10
    new_state = IdeaState.PUBLIC
    log_action = PUBLISH

    def get_title(self, count):
        return ngettext("Publish idea", "Publish ideas", count)

    def get_question(self, count):
        return ngettext(
            "Publish this idea? It is shown on the plan's ideas page.",
            "Publish these %(count)d ideas? They are shown on the plan's ideas page.",
            count,
        )

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d idea published.", "%(count)d ideas published.", num_parent_objects
        ) % {"count": num_parent_objects}


class HideBulkAction(StateBulkAction):
    display_name = _("Hide")
    action_type = "avp_hide"
    aria_label = _("Hide selected ideas")
    action_priority = 20
    new_state = IdeaState.HIDDEN
    log_action = HIDE

    def get_title(self, count):
        return ngettext("Hide idea", "Hide ideas", count)

    def get_question(self, count):
        return ngettext(
            "Hide this idea? It stays in the admin and can be published again.",
            "Hide these %(count)d ideas? They stay in the admin and can be published again.",
            count,
        )

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d idea hidden.", "%(count)d ideas hidden.", num_parent_objects) % {
            "count": num_parent_objects
        }


class DeleteIdeasBulkAction(ScopedBulkActionMixin, IdeaWording, DeleteBulkAction):
    """Wagtail's snippet delete (its permission check and hooks), worded for ideas and kept
    to the editor's municipality, like publish and hide."""

    models = [Idea]
    scope = IDEA_SCOPE
    aria_label = _("Delete selected ideas")
    template_name = CONFIRM_DELETE_TEMPLATE
    no_access_text = _("You may not delete these ideas")

    def get_title(self, count):
        return ngettext("Delete idea", "Delete ideas", count)

    def get_question(self, count):
        return ngettext(
            "Delete this idea and its supports for good? Hiding it keeps it in the admin.",
            "Delete these %(count)d ideas and their supports for good? Hiding them keeps "
            "them in the admin.",
            count,
        )

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d idea deleted.", "%(count)d ideas deleted.", num_parent_objects
        ) % {"count": num_parent_objects}
