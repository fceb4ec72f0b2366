"""Open data (D4, I3): a plan as JSON and CSV, CSV import into a plan, borrowing actions.

The fields of an action item, and where each appears, are declared once in
``avp_wagtail.models.item_schema``; the modules here implement each value type:

- ``schema.py``: the version, enumerations and OGP names the formats share.
- ``export.py``: a plan as a dict (the JSON document), in a bounded number of queries.
- ``csv_format.py``: the CSV columns (from the JSON document), escaping against formulas.
- ``routes.py``: ``open-data/json/`` and ``open-data/csv/`` under a plan page.
- ``uploads.py``: reading an uploaded file (size limit, encoding, JSON syntax).
- ``csv_cells.py``: a CSV row read into an item of the JSON document.
- ``apply.py``: an item of the JSON document applied to an action (import and borrowing).
- ``csv_import.py``: validating and applying a CSV import, all or nothing.
- ``borrowing.py``: copying actions from another municipality's JSON export.
- ``rich_text.py``: rich text exported with absolute links, imported cleaned.
"""
