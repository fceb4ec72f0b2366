"""The ideas list's filters and search, shared by the listing and its bulk actions
("select all in listing" acts on the listing as filtered)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from avp_wagtail.ideas.choices import IdeaState, ResponseState
from avp_wagtail.ideas.models import Idea

SEARCH_FIELDS = ("title", "problem", "proposal", "author_name", "organisation")


class IdeaFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("state"), choices=IdeaState.choices, empty_label=_("All")
    )
    response_state = django_filters.ChoiceFilter(
        label=_("response"), choices=ResponseState.choices, empty_label=_("All")
    )

    class Meta:
        model = Idea
        fields = ["state", "response_state"]
