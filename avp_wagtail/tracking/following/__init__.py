"""Follow one action item by e-mail (I2): double opt-in, signed expiring links, one-click
unsubscribe, and an e-mail for each new progress update when the item is published.

Follow requests are rate-limited per network and per address (``avp_wagtail.core.ratelimit``).
The unsubscribe link of each e-mail is also its ``List-Unsubscribe`` header, with
``List-Unsubscribe-Post: List-Unsubscribe=One-Click`` (RFC 8058) when the host site includes
``avp_wagtail.urls``: that view takes a POST without a CSRF token (a mail client's one
click), authorised by the signed token alone; its GET only asks.

- ``forms``: the follow form;
- ``tokens``: the signed confirm and unsubscribe tokens;
- ``links``: the unsubscribe link (and ``List-Unsubscribe`` headers) of an e-mail;
- ``views``: request, confirm, unsubscribe, and the one-click view of ``avp_wagtail.urls``;
- ``notify``: the ``page_published`` receiver that e-mails followers;
- ``routes``: the ``avp_page_routes``/``avp_page_context`` plug-ins of action items;
- ``checks``: the system check ``avp_wagtail.W101``.
"""
