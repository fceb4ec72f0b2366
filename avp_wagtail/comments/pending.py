"""Anonymous comments waiting for their e-mail confirmation, kept on the server.

The e-mailed link carries a random key, signed with a timestamp (``tokens``); the database
holds only the key's SHA-256, so neither the link nor a database dump alone confirms a
comment. ``delete_expired_pending()`` is called by the retention command.
"""

import datetime
import hashlib
import ipaddress
import secrets

from django.utils import timezone

from avp_wagtail.comments.conf import comment_setting
from avp_wagtail.comments.models import PendingComment
from avp_wagtail.comments.tokens import make_confirmation_token


def key_hash(key):
    return hashlib.sha256(str(key).encode()).hexdigest()


def _ip_or_none(address):
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def store_pending(**fields):
    """Keep the comment until it is confirmed; returns (pending, token for the link)."""
    key = secrets.token_urlsafe(24)
    max_age = comment_setting("COMMENT_CONFIRMATION_MAX_AGE")
    now = timezone.now()
    pending = PendingComment.objects.create(
        key_hash=key_hash(key),
        expires_at=now + datetime.timedelta(seconds=max_age),
        ip_address=_ip_or_none(fields.pop("ip_address", None) or ""),
        **fields,
    )
    return pending, make_confirmation_token(key)


def find_pending(key):
    return PendingComment.objects.filter(key_hash=key_hash(key)).first()


def delete_expired_pending(now=None, dry_run=False):
    """Delete the comments whose confirmation link has expired (with name, e-mail, IP and
    text). Returns how many there were; ``dry_run`` only counts them. Idempotent."""
    expired = PendingComment.objects.filter(expires_at__lt=now or timezone.now())
    if dry_run:
        return expired.count()
    deleted, _by_model = expired.delete()
    return deleted


def delete_pending_of(email, dry_run=False):
    """Erase one person's unconfirmed comments (a data-erasure request). Returns the count."""
    pending = PendingComment.objects.filter(user_email__iexact=(email or "").strip())
    if dry_run:
        return pending.count()
    deleted, _by_model = pending.delete()
    return deleted
