"""Package settings: one ``AVP_WAGTAIL`` dict in the host site's settings.

Every key is optional; ``DEFAULTS`` documents what applies when it is missing.
See ``docs/settings.md``.
"""

from django.conf import settings

DEFAULTS = {
    # Template every AVP page extends. It must define ``{% block content %}`` and
    # ``{% block extra_css %}`` (as the base.html of ``wagtail start`` does).
    "BASE_TEMPLATE": "base.html",
    # Wrap AVP content in <main>. Set to False when the host base template
    # already has a <main> landmark around ``{% block content %}``.
    "MAIN_LANDMARK": True,
    # Sender of notification e-mails; None means settings.DEFAULT_FROM_EMAIL.
    "FROM_EMAIL": None,
    # Addresses that receive expressions of interest when a call has no
    # contact person with an e-mail address.
    "INTEREST_NOTIFICATION_FALLBACK": [],
    # The expression-of-interest form of a call to participate (a dotted path).
    "INTEREST_FORM": "avp_wagtail.forms.interest.ExpressionOfInterestForm",
    # How many past meetings the programme page lists.
    "RECENT_MEETINGS": 5,
    # How many latest meeting summaries a call to participate lists (C7).
    "CALL_MEETING_SUMMARIES": 3,
    # Sentence shown on a translated page before the link to the original. May contain
    # "%(language)s" (the original's language, in the reader's language). None means the
    # package's own translated wording.
    "TRANSLATION_NOTICE": None,
    # How many latest progress updates (across all items) the plan page lists (I1).
    "PLAN_LATEST_UPDATES": 5,
    # An action item with no progress update (and no publication) for this many days is
    # "stale": listed on the admin dashboard and reminded to its contact person.
    "STALE_AFTER_DAYS": 90,
    # Reminders (manage.py avp_send_reminders) about the same item and matter are sent at
    # most once per this many days, however often the command runs.
    "REMINDER_PERIOD_DAYS": 7,
    # How long (seconds) the link confirming "follow this action" stays valid, and the
    # unsubscribe link in each progress-update e-mail.
    "FOLLOW_CONFIRMATION_MAX_AGE": 3 * 24 * 60 * 60,
    "FOLLOW_UNSUBSCRIBE_MAX_AGE": 90 * 24 * 60 * 60,
    # Follow requests (each sends an e-mail): at most FOLLOW_RATE_LIMIT from one network
    # (IPv6: one /64) and FOLLOW_RATE_ADDRESS_LIMIT for one e-mail address, per
    # FOLLOW_RATE_PERIOD seconds.
    "FOLLOW_RATE_LIMIT": 5,
    "FOLLOW_RATE_ADDRESS_LIMIT": 3,
    "FOLLOW_RATE_PERIOD": 60 * 60,
    # Expressions of interest (each is stored and e-mailed to the contact people): the same
    # two limits per INTEREST_RATE_PERIOD seconds.
    "INTEREST_RATE_LIMIT": 5,
    "INTEREST_RATE_ADDRESS_LIMIT": 3,
    "INTEREST_RATE_PERIOD": 60 * 60,
    # Meeting sign-ups (each is stored and e-mailed): the same two limits per
    # SIGNUP_RATE_PERIOD seconds. The cancel link of a sign-up's e-mail works for
    # SIGNUP_CANCEL_MAX_AGE seconds.
    "SIGNUP_RATE_LIMIT": 5,
    "SIGNUP_RATE_ADDRESS_LIMIT": 3,
    "SIGNUP_RATE_PERIOD": 60 * 60,
    "SIGNUP_CANCEL_MAX_AGE": 365 * 24 * 60 * 60,
    # Networks (e.g. ["192.0.2.0/24", "2001:db8::/48"]) never limited per network by any of
    # the rate limits (comments, follows, interest form): the municipality's own public
    # addresses. The per-address limits still apply.
    "RATE_TRUSTED_NETWORKS": [],
    # Addresses or networks of the reverse proxies and load balancers in front of the app
    # servers (e.g. ["10.0.0.0/8"]). Only a request arriving from one of them has its
    # X-Forwarded-For read: the client is the right-most address in it that is not a trusted
    # proxy. Empty: REMOTE_ADDR is the client (the header is ignored, as anyone can send it).
    "TRUSTED_PROXIES": [],
    # How long (seconds) a shared cache (CDN, caching proxy) may keep a public page, feed or
    # export seen by a visitor who is not logged in (s-maxage; browsers always ask again).
    # Publishing purges them at once when wagtail.contrib.frontend_cache is set up.
    # 0: every response is marked private.
    "HTTP_CACHE_SECONDS": 300,
    # How many entries the RSS and Atom feeds of a plan or programme carry (I2).
    "FEED_ENTRIES": 50,
    # Share links under every AVP page: plain links, no third-party scripts. Any of
    # "email", "facebook", "x", "linkedin", in this order; [] shows none.
    "SHARE_LINKS": ["email", "facebook", "x", "linkedin"],
    # Image for link previews on social media (og:image, twitter:image), e.g. the
    # municipality's coat of arms: an absolute URL or a static file path. None: no image.
    "SHARE_IMAGE": None,
    # Largest file (bytes) an editor may upload to import action items (CSV) or to borrow
    # actions from another municipality's export (JSON).
    "IMPORT_MAX_BYTES": 5 * 1024 * 1024,
    # A CSV import running longer than this (seconds) has lost its worker: the admin shows
    # it as failed (nothing was imported: the rows are written in one transaction).
    "IMPORT_STALLED_AFTER": 60 * 60,
    # The optional comments app's keys (COMMENT_*) live in the same dict; their defaults
    # are the app's own: avp_wagtail.comments.conf.
    # How long (days) residents' personal data is kept; None keeps it. Applied by
    # ``manage.py avp_erase_expired`` (run it daily). A dict given in the settings may name
    # only some kinds; the others keep these defaults. See docs/comments.md, "Privacy".
    # Every kind is registered under the avp_personal_data hook (avp_wagtail.privacy.retention);
    # the comments app adds "comments" (default 3 * 365 days, in its own conf).
    "RETENTION_DAYS": {
        # Expressions of interest are deleted.
        "interest_submissions": 2 * 365,
        # Followers of an action are deleted (None: kept until they unsubscribe).
        "followers": None,
        # Meeting sign-ups are deleted this many days after the meeting started.
        "meeting_signups": 90,
    },
}


def get_setting(name):
    """Return one AVP_WAGTAIL setting, read at call time so tests can override it."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown AVP_WAGTAIL setting: {name}")
    return getattr(settings, "AVP_WAGTAIL", {}).get(name, DEFAULTS[name])
