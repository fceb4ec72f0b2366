"""The tracker's part of the admin home page's "needs attention" panel
(``avp_dashboard_parts``): the outreach funnel of each programme of the editor's
municipality that has contacts, as a table per programme."""

from __future__ import annotations

from collections import OrderedDict

from django.urls import reverse
from wagtail.admin.ui.components import Component

from avp_wagtail.outreach.funnel import STAGES, funnel
from avp_wagtail.outreach.models import OutreachContact
from avp_wagtail.outreach.permissions import OUTREACH_SCOPE, can_view

MAX_PROGRAMMES = 10


class OutreachFunnels(Component):
    template_name = "avp_wagtail/outreach/admin/dashboard_funnel.html"

    def __init__(self, funnels):
        self.funnels = funnels

    def get_context_data(self, parent_context):
        return {"funnels": self.funnels, "stages": [label for _name, label in STAGES]}


def funnels_for(user):
    """One funnel per programme (its translations together) of ``user``'s contacts."""
    contacts = (
        OUTREACH_SCOPE.filter(OutreachContact.objects.all(), user)
        .select_related("programme", "organisation", "person")
        .prefetch_related("invitations")
        .order_by("programme__path", "pk")
    )
    groups: OrderedDict = OrderedDict()
    for contact in contacts:
        key = contact.programme.translation_key
        groups.setdefault(key, (contact.programme, []))[1].append(contact)
    result = []
    for programme, rows in list(groups.values())[:MAX_PROGRAMMES]:
        item = funnel(programme, rows)
        item.list_url = reverse("avp_outreach:list") + f"?programme={programme.pk}"
        result.append(item)
    return result


def outreach_funnels(request):
    """``avp_dashboard_parts`` hook: for those who may see the tracker, when it has rows."""
    user = request.user
    if not can_view(user):
        return None
    funnels = funnels_for(user)
    return OutreachFunnels(funnels) if funnels else None
