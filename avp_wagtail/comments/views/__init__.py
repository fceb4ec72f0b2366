"""Our own comment views: posting, e-mail confirmation, flagging and unsubscribing.

django-comments-xtd's views are not used: its confirmation links are pickled and never
expire, and its templates leak e-mail addresses. These views keep its form machinery.
"""
