"""Pictures that carry the plan's data, drawn on the server as accessible SVG (issue 18).

``timeline``: the plan timeline (every action as a bar from its planned start to its planned
end, milestones, "today", status by colour and pattern, grouped by priority theme), on the
plan page (``avp_page_context`` hook) and standalone at ``<plan>/timeline/svg/``
(``avp_page_routes`` hook). Geometry is computed as plain data (``timeline.py``,
``axis.py``); the templates under ``avp_wagtail/pictures/`` only draw it.
"""
