"""System checks of the network app's settings."""

from django.core.checks import Error, Tags, register

from avp_wagtail.federation.conf import DEFAULTS, network_setting


@register(Tags.compatibility)
def check_network_settings(app_configs=None, **kwargs):
    errors = []
    for name, default in DEFAULTS.items():
        value = network_setting(name)
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        else:
            ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
        if not ok:
            errors.append(
                Error(
                    f'AVP_WAGTAIL["{name}"] must be '
                    + ("True or False" if isinstance(default, bool) else "a positive integer")
                    + f" (it is {value!r}).",
                    hint=f'AVP_WAGTAIL["{name}"] = {default!r}',
                    id="avp_federation.E001",
                )
            )
    return errors
