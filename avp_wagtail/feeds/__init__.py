"""Calendars and news feeds of plans and programmes (I2: publish every decision and event)."""
