"""avp-wagtail: the AVP KOV open-government process as Wagtail pages."""

__version__ = "0.1.0"
