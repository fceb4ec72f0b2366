"""Open data (D4, I3): a plan as JSON and CSV, CSV import into a plan, borrowing actions.

- ``schema.py``: the version, enumerations and OGP names the formats share.
- ``export.py``: a plan as a dict (the JSON document), in a bounded number of queries.
- ``csv_format.py``: the CSV columns, and escaping against spreadsheet formulas.
- ``routes.py``: ``open-data/json/`` and ``open-data/csv/`` under a plan page.
- ``uploads.py``: reading an uploaded file (size limit, encoding, JSON syntax).
- ``csv_import.py``: validating and applying a CSV import, all or nothing.
- ``borrowing.py``: copying actions from another municipality's JSON export.
"""
