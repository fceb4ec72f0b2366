from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published, page_unpublished

from avp_wagtail.core.checks import check_networks, check_shared_cache
from avp_wagtail.tracking.following.checks import check_one_click_unsubscribe


class AvpWagtailConfig(AppConfig):
    name = "avp_wagtail"
    label = "avp_wagtail"
    verbose_name = _("Open government (AVP KOV)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # These import models (ours or Wagtail's), which cannot be imported before the app
        # registry is ready, i.e. not when Django imports this module.
        from avp_wagtail.admin.permission_policies import register_policies
        from avp_wagtail.core import fragments
        from avp_wagtail.frontend_cache import page_types, purge_pages_showing
        from avp_wagtail.models import ActionItemPage, MeetingProtocolPage, MeetingSignup
        from avp_wagtail.signups.receivers import meeting_published, signup_deleted
        from avp_wagtail.tracking.change_history import record_decision_changes, record_item_changes
        from avp_wagtail.tracking.following.notify import notify_followers

        checks.register(check_one_click_unsubscribe)
        # Cached page fragments go stale on changes no log entry records (core.fragments).
        fragments.connect()
        checks.register(check_networks)
        checks.register(check_shared_cache, checks.Tags.caches, deploy=True)
        page_published.connect(
            record_item_changes, sender=ActionItemPage, dispatch_uid="avp_item_changes"
        )
        page_published.connect(
            notify_followers, sender=ActionItemPage, dispatch_uid="avp_item_followers"
        )
        page_published.connect(
            record_decision_changes, sender=MeetingProtocolPage, dispatch_uid="avp_decision_changes"
        )
        page_published.connect(
            meeting_published, sender=MeetingProtocolPage, dispatch_uid="avp_signups_move_up"
        )
        post_delete.connect(
            signup_deleted, sender=MeetingSignup, dispatch_uid="avp_signups_deleted_move_up"
        )
        for page_type in page_types():
            for signal in (page_published, page_unpublished):
                signal.connect(
                    purge_pages_showing, sender=page_type, dispatch_uid="avp_frontend_cache"
                )
        # Wagtail 8 finds these registered; 7.4 asks the viewset (InterestSubmissionViewSet).
        self.legacy_permission_policies = register_policies()
