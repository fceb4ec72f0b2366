"""Builds the demo municipality's AVP KOV pages from ``content.py``. Re-runnable."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Site
from wagtail.rich_text import RichText

from avp_wagtail.models import (
    ActionItemPage,
    ActionItemPartner,
    ActionPlanPage,
    AgendaItem,
    AvpTag,
    CallContactPerson,
    CallInterestTheme,
    CallToParticipatePage,
    ContactPerson,
    MeetingAttendingOrganisation,
    MeetingDiscussedItem,
    MeetingProtocolPage,
    MeetingSignup,
    Milestone,
    NetworkPage,
    OpenGovernmentPage,
    Organisation,
    PlanCommunityRepresentative,
    PlanTheme,
    ProgrammeContactPerson,
    ProgressUpdate,
)

from . import content
from .approvals import add_demo_approvals
from .comments import add_demo_comments, delete_demo_comments
from .federation import add_demo_network
from .ideas import add_demo_ideas
from .localize import translate_demo
from .neighbour import build_neighbour, delete_neighbour
from .outreach import add_demo_outreach
from .recipes import add_demo_recipes
from .translations import ITEM_SUMMARY_SUFFIX


def _publish(page):
    page.save_revision().publish()
    return page


def _agenda_item(point, start, items):
    """An agenda point of a demo meeting: its deadline and the date it was done are given in
    days after the meeting (``deadline_days``, ``done_days``), its action by slug."""
    point = dict(point)
    day = timezone.localdate(start)
    if "deadline_days" in point:
        point["deadline"] = day + datetime.timedelta(days=point.pop("deadline_days"))
    if "done_days" in point:
        point["done_on"] = day + datetime.timedelta(days=point.pop("done_days"))
    if "action_item" in point:
        point["action_item"] = items[point["action_item"]]
    return AgendaItem(**point)


def _delete_previous_demo(home):
    """Remove an earlier demo: its programme tree and snippets in every language."""
    old = OpenGovernmentPage.objects.child_of(home).filter(slug=content.PROGRAMME["slug"])
    keys = list(old.values_list("translation_key", flat=True))
    for page in OpenGovernmentPage.objects.filter(translation_key__in=keys):
        delete_demo_comments(page.get_descendants(inclusive=True).values_list("pk", flat=True))
        page.delete()
    org_names = [row[1] for row in content.ORGANISATIONS]
    org_keys = Organisation.objects.filter(name__in=org_names).values_list(
        "translation_key", flat=True
    )
    people = ContactPerson.objects.filter(organisation__translation_key__in=list(org_keys))
    ContactPerson.objects.filter(
        translation_key__in=list(people.values_list("translation_key", flat=True))
    ).delete()
    Organisation.objects.filter(translation_key__in=list(org_keys)).delete()


def parse_address(address):
    """``host:port`` (as given to ``runserver``) -> the Site hostname and port to use.

    A wildcard or IPv6 host (0.0.0.0, [::]) becomes "localhost"; a bare port means
    127.0.0.1 (as for runserver)."""
    address = str(address).strip()
    if address.isdigit():
        return "127.0.0.1", int(address)
    host, _sep, port = address.rpartition(":")
    wildcard = host in ("", "0.0.0.0", "0")  # noqa: S104 (recognised, not bound)
    if wildcard or host.startswith("["):
        host = "localhost"
    return host.lower(), int(port or 80)


def _set_address(site, address):
    """The demo's Site answers at the address the demo server runs on, so that absolute
    links (feeds, canonical URLs, links to the neighbour) work from a browser."""
    if address:
        site.hostname, site.port = parse_address(address)
        site.save()


def _home_blocks(home, plan, programme, network):
    """The municipality's own home page embeds AVP blocks, as any host site can: a
    paragraph linking the programme and the network page, then the AVP blocks."""
    home.title = content.MUNICIPALITY
    home.draft_title = content.MUNICIPALITY
    home.body = [
        ("paragraph", RichText(content.home_links(programme, network))),
        ("avp_open_call", {"heading": "", "call": None}),
        ("avp_plan_at_a_glance", {"heading": "", "plan": plan}),
        ("plan_timeline", {"heading": "", "plan": plan}),
        ("avp_latest_updates", {"heading": "", "plan": None, "count": 3}),
        ("avp_upcoming_meetings", {"heading": "", "programme": programme, "count": 3}),
    ]
    _publish(home)


@transaction.atomic
def build_demo(translate=True, neighbour=False, address=None):
    """Delete any earlier demo and build it again (with en/ru translations); return it.

    With ``neighbour``, also build the neighbouring municipality's site (neighbour.py).
    ``address`` ("host:port", what ``runserver`` is given) sets the default Site's hostname
    and port; the neighbour's site gets the same port."""
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    locale = Locale.get_default()

    _delete_previous_demo(home)
    delete_neighbour()
    _set_address(site, address)
    if not site.site_name:
        site.site_name = content.MUNICIPALITY
        site.save()

    orgs = {
        key: Organisation.objects.create(
            name=name, kind=kind, website=website, description=description, locale=locale
        )
        for key, name, kind, website, description in content.ORGANISATIONS
    }
    people = {
        key: ContactPerson.objects.create(
            name=name,
            role=role,
            organisation=orgs[org],
            email=email,
            phone=phone,
            show_contact_details=public,
            locale=locale,
        )
        for key, name, role, org, email, phone, public in content.CONTACT_PEOPLE
    }

    programme = OpenGovernmentPage(**content.PROGRAMME)
    programme.contact_people = [ProgrammeContactPerson(person=people["kaja"])]
    home.add_child(instance=programme)
    _publish(programme)

    call_data = dict(content.CALL)
    steps = call_data.pop("steps")
    themes = call_data.pop("interest_themes")
    call = CallToParticipatePage(
        **call_data,
        steps=[("step", {"title": t, "description": d}) for t, d in steps],
        deadline=timezone.localdate() + datetime.timedelta(days=30),
    )
    call.interest_themes = [CallInterestTheme(title=t) for t in themes]
    call.contact_people = [
        CallContactPerson(person=people["kaja"]),
        CallContactPerson(person=people["liis"]),
    ]
    programme.add_child(instance=call)
    _publish(call)

    plan_data = dict(content.PLAN)
    plan_themes = plan_data.pop("themes")
    plan = ActionPlanPage(
        **plan_data,
        initiating_politician=people["mart"],
        coordinating_official=people["kaja"],
        # The first monitoring meeting is due in two weeks; the demo announces it (see below).
        monitoring_start=timezone.localdate() + datetime.timedelta(days=14),
    )
    plan.themes = [PlanTheme(title=t, description=d) for t, d in plan_themes]
    plan.community_representatives = [
        PlanCommunityRepresentative(person=people["liis"]),
        PlanCommunityRepresentative(person=people["oskar"]),
    ]
    programme.add_child(instance=plan)
    _publish(plan)
    theme_list = list(plan.themes.all())

    items = {}
    for row in content.ITEMS:
        (
            title,
            slug,
            theme,
            status,
            progress,
            quick,
            lead,
            start,
            end,
            budget,
            values,
            tags,
            partners,
        ) = row
        item = ActionItemPage(
            title=title,
            slug=slug,
            summary=title + ITEM_SUMMARY_SUFFIX["et"],
            problem="<p>Elanikud ei tea piisavalt, kuidas otsused sünnivad.</p>",
            activities="<p>Valmistame tegevuse koos partneritega ette ja viime ellu.</p>",
            expected_result="<p>Elanikud saavad rohkem infot ja võimalusi kaasa rääkida.</p>",
            theme=theme_list[theme],
            status=status,
            progress=progress,
            is_quick_win=quick,
            lead_implementer=orgs[lead],
            contact_person=people["kaja"],
            planned_start=start,
            planned_end=end,
            budget=Decimal(budget) if budget else None,
            funding_source="valla eelarve" if budget else "",
            people_and_time="kogukonnakoostöö spetsialist 0,2 kohta",
            **{f"ogp_{value}": True for value in values},
        )
        item.partners = [ActionItemPartner(organisation=orgs[o], role=r) for o, r in partners]
        item.milestones = [
            Milestone(
                title=t, due_date=due, completed_date=done, delay_reason=reason[0] if reason else ""
            )
            for t, due, done, *reason in content.MILESTONES.get(slug, [])
        ]
        item.progress_updates = [
            ProgressUpdate(
                date=timezone.localdate() - datetime.timedelta(days=days_ago),
                kind=kind,
                title=title,
                text=text,
                status=status,
                progress=progress,
                reported_by=orgs[lead],
            )
            for days_ago, kind, title, text, status, progress in content.UPDATES.get(slug, [])
        ]
        plan.add_child(instance=item)
        item.tags.add(*tags)
        _publish(item)
        items[slug] = item

    # Meetings at 18:00 local time: one a month ago (a protocol), one in two weeks
    # (an announcement), so the demo always has both whatever day it is built.
    evening = timezone.localtime().replace(hour=18, minute=0, second=0, microsecond=0)
    for data, start in (
        (content.PAST_MEETING, evening - datetime.timedelta(days=30)),
        (content.UPCOMING_MEETING, evening + datetime.timedelta(days=14)),
    ):
        data = dict(data)
        agenda = data.pop("agenda")
        discussed = data.pop("discussed")
        meeting = MeetingProtocolPage(
            **data,
            start=start,
            end=start + datetime.timedelta(hours=2),
            organiser=orgs["vallavalitsus"],
            # A monitoring meeting names the plan it monitors.
            monitored_plan=plan if data["kind"] == "monitoring" else None,
        )
        meeting.agenda_items = [_agenda_item(point, start, items) for point in agenda]
        meeting.discussed_items = [MeetingDiscussedItem(item=items[s]) for s in discussed]
        meeting.attending_organisations = [
            MeetingAttendingOrganisation(organisation=orgs[key])
            for key in ("vallavalitsus", "kulaselts", "noortekogu")
        ]
        programme.add_child(instance=meeting)
        _publish(meeting)
        if meeting.signup_open:
            MeetingSignup.objects.bulk_create(
                MeetingSignup(
                    meeting=meeting,
                    name=name,
                    email=f"demo-{n}@example.ee",
                    organisation=organisation,
                    accessibility_needs=needs,
                    interpretation=interpretation,
                    language="ru" if interpretation == "ru" else "et",
                    consent=True,
                )
                for n, (name, organisation, needs, interpretation) in enumerate(
                    content.DEMO_SIGNUPS
                )
            )

    add_demo_comments(items[content.COMMENTED_ITEM])

    network = NetworkPage(
        title="AVP KOV võrgustik",
        slug="vorgustik",
        intro="<p>Siin on kõigi selle veebi omavalitsuste tegevuskavad ja tegevused. "
        "Hea mõte ei peatu valla piiril: laena julgelt.</p>",
    )
    programme.add_child(instance=network)
    _publish(network)
    _home_blocks(home, plan, programme, network)
    if neighbour:
        build_neighbour(plan, borrowed_slug=content.BORROWED_ITEM, port=site.port)

    if translate:
        tags = AvpTag.objects.filter(tagged_action_items__content_object__in=items.values())
        snippets = [*orgs.values(), *people.values(), *tags.distinct().order_by("name")]
        translate_demo(programme, snippets, home=home)
    # After the translations: an idea is filed on the plan's version in its own language.
    add_demo_ideas(plan, items)
    add_demo_outreach(programme, call)
    add_demo_network()
    add_demo_approvals(programme)
    add_demo_recipes(programme, plan)
    return programme
