from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AvpCommentsConfig(AppConfig):
    name = "avp_wagtail.comments"
    label = "avp_comments"
    verbose_name = _("Open government comments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, pre_save
        from django_comments_xtd.models import publish_or_unpublish_on_pre_save

        from avp_wagtail.comments import checks  # noqa: F401  (registers the system checks)
        from avp_wagtail.comments.models import AvpComment
        from avp_wagtail.comments.permissions import register_policy
        from avp_wagtail.comments.retention import connect_deletion
        from avp_wagtail.comments.targets import on_target_model
        from avp_wagtail.comments.threads import rehome_comments_of_deleted_page
        from avp_wagtail.core import fragments

        # The discussion outlives the page holding it (see threads.py); the core app
        # knows nothing about comments, so the receiver is connected here.
        post_delete.connect(
            rehome_comments_of_deleted_page,
            sender=_page_model(),
            dispatch_uid="avp_comments.rehome_comments",
        )

        # Moderation is per comment: a pending reply under a public comment stays pending,
        # a hidden comment stays as a placeholder above replies that stay visible. xtd's
        # pre_save handler would copy every saved comment's state to all replies below it
        # (publishing replies no moderator approved), so it is replaced by nothing.
        pre_save.disconnect(publish_or_unpublish_on_pre_save, sender=AvpComment._meta.label)

        # The plan page's cached item table shows comment counts: a comment posted,
        # confirmed, flagged or deleted makes it stale (avp_wagtail.core.fragments).
        fragments.track(AvpComment)

        # An object's discussion (an idea's: comments.targets) is deleted with the object.
        # The targets are known once Wagtail's hooks are read; the receiver is connected
        # for each target's model then.
        on_target_model(connect_deletion)

        self.legacy_permission_policy = register_policy()


def _page_model():
    """The concrete page model: swappable since Wagtail 8 (``WAGTAIL_PAGE_MODEL``), plain
    ``wagtail.models.Page`` in Wagtail 7.4 (which has no swapper)."""
    try:
        import swapper
    except ImportError:  # Wagtail 7.4
        from wagtail.models import Page

        return Page
    return swapper.load_model("wagtailcore", "Page")
