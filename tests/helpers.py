"""Small helpers shared by the tests.

Pages render in their own language, so an assertion on interface text looks the message up
in that language rather than hard-coding the translation: ``assert et("Delayed") in html``.
"""

from django.utils import translation


def translated(language, message, **values):
    """``message`` (a msgid) in ``language``, %-formatted with ``values`` if given."""
    with translation.override(language):
        text = translation.gettext(message)
    return text % values if values else text


def et(message, **values):
    """The Estonian text of ``message`` (the example site's default language)."""
    return translated("et", message, **values)


def ru(message, **values):
    """The Russian text of ``message``."""
    return translated("ru", message, **values)
