"""Meeting sign-up (C4): the form on an announced meeting, places and a waiting list, the
confirmation e-mail with a calendar entry, cancellation by a signed link, and the admin's
list and export. Plugs into ``MeetingProtocolPage`` through the AVP hooks
(``avp_wagtail.core.plugins``), registered in ``avp_wagtail.wagtail_hooks``."""
