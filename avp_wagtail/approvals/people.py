"""Whom the editor may send a draft to: contact people of the page's municipality (those
any page of its site refers to, directly or through their organisation), and whom to
choose by default (the contact people of the organisations that attended the meeting,
or the plan's drafters)."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from wagtail.models import Page, ReferenceIndex

from avp_wagtail.core.sites import site_root_paths
from avp_wagtail.models import ActionPlanPage, ContactPerson, MeetingProtocolPage, Organisation


def _ints(values: Any) -> set[int]:
    found = set()
    for value in values:
        try:
            found.add(int(value))
        except (TypeError, ValueError):
            continue
    return found


def draft_people(draft: Any) -> tuple[set[int], set[int]]:
    """(contact person ids, organisation ids) the draft itself names."""
    people: set[int] = set()
    organisations: set[int] = set()
    if isinstance(draft, MeetingProtocolPage):
        organisations |= {a.organisation_id for a in draft.attending_organisations.all()}
        if draft.organiser_id:
            organisations.add(draft.organiser_id)
    elif isinstance(draft, ActionPlanPage):
        for name in ("initiating_politician_id", "coordinating_official_id"):
            if getattr(draft, name, None):
                people.add(getattr(draft, name))
        for link in draft.community_representatives.all():
            if getattr(link, "person_id", None):
                people.add(link.person_id)
    return people, organisations - {None}


def municipality_people(page: Page, draft: Any) -> QuerySet[ContactPerson]:
    """Contact people with an e-mail address whom the pages of ``page``'s site (or the
    draft) name, themselves or through their organisation."""
    site = page.get_site()
    roots = site_root_paths(site) if site is not None else [page.path[: 2 * Page.steplen]]
    condition = Q(pk__in=[])
    for root in roots:
        condition |= Q(path__startswith=root)
    page_ids = [str(pk) for pk in Page.objects.filter(condition).values_list("pk", flat=True)]
    refs = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id__in=page_ids
    )
    person_ids = _ints(
        refs.filter(to_content_type=ContentType.objects.get_for_model(ContactPerson)).values_list(
            "to_object_id", flat=True
        )
    )
    organisation_ids = _ints(
        refs.filter(to_content_type=ContentType.objects.get_for_model(Organisation)).values_list(
            "to_object_id", flat=True
        )
    )
    own_people, own_organisations = draft_people(draft)
    person_ids |= own_people
    organisation_ids |= own_organisations
    return (
        ContactPerson.objects.filter(Q(pk__in=person_ids) | Q(organisation_id__in=organisation_ids))
        .exclude(email="")
        .select_related("organisation", "locale")
        .order_by("name", "pk")
    )


def default_people(draft: Any, people: QuerySet[ContactPerson]) -> list[int]:
    own_people, own_organisations = draft_people(draft)
    return list(
        people.filter(Q(pk__in=own_people) | Q(organisation_id__in=own_organisations)).values_list(
            "pk", flat=True
        )
    )
