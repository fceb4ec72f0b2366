"""The AVP KOV network across installations (issue 19; I3): each programme publishes a
versioned network document listing its plans' open data; an editor follows another
municipality's installation by address; its documents are fetched in the background
(conditional requests, bounded size and time, schema-checked, the last good copy kept);
the network page lists followed plans beside local ones; actions are borrowed by address,
with "the original has changed" and "borrowed by". Optional app:
``"avp_wagtail.federation"`` in ``INSTALLED_APPS``."""
