"""System checks of the ideas app's settings."""

from django.core.checks import Error, Tags, register

from avp_wagtail.ideas.choices import ModerationMode
from avp_wagtail.ideas.conf import idea_setting


@register(Tags.compatibility)
def check_idea_settings(app_configs=None, **kwargs):
    mode = idea_setting("IDEA_MODERATION")
    if mode not in ModerationMode.values:
        return [
            Error(
                f'AVP_WAGTAIL["IDEA_MODERATION"] must be "pre" or "post" (it is {mode!r}).',
                hint='AVP_WAGTAIL["IDEA_MODERATION"] = "pre"',
                id="avp_ideas.E001",
            )
        ]
    return []
