"""System check of following (registered in ``AvpWagtailConfig.ready``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.core import checks

from avp_wagtail.tracking.following.links import one_click_url


def check_one_click_unsubscribe(
    app_configs: Sequence[AppConfig] | None, **kwargs: Any
) -> list[checks.CheckMessage]:
    if one_click_url("x") is not None:
        return []
    return [
        checks.Warning(
            "avp_wagtail.urls is not included: follow e-mails have no one-click unsubscribe "
            "(RFC 8058), mail clients' unsubscribe button opens a page instead.",
            hint='Add path("avp/", include("avp_wagtail.urls")) to your urls.py, outside '
            "i18n_patterns.",
            id="avp_wagtail.W101",
        )
    ]
