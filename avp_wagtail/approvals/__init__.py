"""Protocols (and plans) approved by those who were there (issue 17, part 3; D2, D3): a
Wagtail workflow task sends the participants signed, expiring links to the draft; they
approve it or propose amendments per agenda item; the editor accepts or declines each
(with a reason) and publishes; the page says "approved by N of M participants". Optional
app: ``"avp_wagtail.approvals"`` in ``INSTALLED_APPS``."""
