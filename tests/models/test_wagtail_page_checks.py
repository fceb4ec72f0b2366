"""Wagtail's own page checks on every AVP page type (issue 12, point 16).

``WagtailPageTestCase`` renders each page, loads and posts its editor and previews it, in
the default language and in a translation, with the optional relations filled
(``tests.factories.filled_programme``: meetings with agenda items and discussed actions, items
with milestones, updates, partners and tags, a call with its steps) and empty. The preview of a
meeting that discussed action items used to fail: the links were read with ``.values()``,
which modelcluster's in-memory rows of a preview cannot serve.
"""

import datetime

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.operations import translate_object

from avp_wagtail.core.choices import MeetingKind
from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    AgendaItem,
    CallToParticipatePage,
    MeetingAttachment,
    MeetingAttendingOrganisation,
    MeetingDiscussedItem,
    MeetingProtocolPage,
    Milestone,
    NetworkPage,
    OpenGovernmentPage,
    Organisation,
    ProgressUpdate,
)
from tests.admin import forms_data
from tests.builders import make_call, make_item, make_meeting, make_plan, make_programme, publish
from tests.factories import filled_programme


def _date(value):
    return value.isoformat() if value else ""


def _datetime(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def _pk(obj):
    return obj.pk if obj is not None else ""


def _rows(rows):
    return inline_formset(rows, initial=0)


def programme_post_data(page):
    return forms_data.programme_data(
        title=page.title,
        slug=page.slug,
        common_goal=page.common_goal,
        current_phase=page.current_phase,
        contact_people=_rows([{"person": link.person_id} for link in page.contact_people.all()]),
    )


def call_post_data(page):
    steps = [
        ("step", {"title": step.value["title"], "description": rich_text("")})
        for step in page.steps
    ] or [("step", {"title": "Fill in the form", "description": rich_text("")})]
    return forms_data.call_data(
        title=page.title,
        slug=page.slug,
        steps=streamfield(steps),
        deadline=_date(page.deadline),
        interest_themes=_rows([{"title": theme.title} for theme in page.interest_themes.all()]),
    )


def plan_post_data(page):
    return forms_data.plan_data(
        title=page.title,
        slug=page.slug,
        summary=page.summary,
        start_date=_date(page.start_date),
        end_date=_date(page.end_date),
        status=page.status,
        themes=inline_formset(
            [
                {"title": theme.title, "description": theme.description}
                for theme in page.themes.all()
            ],
            initial=0,
            min=1,
        ),
        community_representatives=_rows(
            [{"person": link.person_id} for link in page.community_representatives.all()]
        ),
        monitoring_every=page.monitoring_every or "",
        monitoring_start=_date(page.monitoring_start),
    )


def item_post_data(page):
    return forms_data.item_data(
        title=page.title,
        slug=page.slug,
        summary=page.summary,
        theme=_pk(page.theme),
        lead_implementer=_pk(page.lead_implementer),
        planned_start=_date(page.planned_start),
        planned_end=_date(page.planned_end),
        status=page.status,
        progress=str(page.progress),
        partners=_rows(
            [{"organisation": p.organisation_id, "role": p.role} for p in page.partners.all()]
        ),
        milestones=_rows(
            [
                {
                    "title": m.title,
                    "due_date": _date(m.due_date),
                    "completed_date": _date(m.completed_date),
                    "delay_reason": m.delay_reason,
                }
                for m in page.milestones.all()
            ]
        ),
        progress_updates=_rows(
            [
                {
                    "date": _date(u.date),
                    "kind": u.kind,
                    "title": u.title,
                    "text": u.text,
                    "status": u.status,
                    "progress": "" if u.progress is None else str(u.progress),
                    "reported_by": _pk(u.reported_by),
                }
                for u in page.progress_updates.all()
            ]
        ),
        tags=", ".join(tag.name for tag in page.tags.all()),
    )


def meeting_post_data(page):
    return forms_data.meeting_data(
        title=page.title,
        slug=page.slug,
        start=_datetime(page.start),
        end=_datetime(page.end),
        kind=page.kind,
        monitored_plan=_pk(page.monitored_plan),
        organiser=_pk(page.organiser),
        attending_organisations=_rows(
            [{"organisation": a.organisation_id} for a in page.attending_organisations.all()]
        ),
        agenda_items=_rows(
            [
                {
                    "title": a.title,
                    "discussion": rich_text(a.discussion),
                    "arguments_for": rich_text(a.arguments_for),
                    "arguments_against": rich_text(a.arguments_against),
                    "decision": rich_text(a.decision),
                    "responsible": a.responsible,
                    "deadline": _date(a.deadline),
                }
                for a in page.agenda_items.all()
            ]
        ),
        discussed_items=_rows([{"item": link.item_id} for link in page.discussed_items.all()]),
        attachments=_rows([{"document": link.document_id} for link in page.attachments.all()]),
    )


def network_post_data(page):
    return nested_form_data(
        {"title": page.title, "slug": page.slug, "intro": rich_text(page.intro)}
    )


POST_DATA = {
    OpenGovernmentPage: programme_post_data,
    CallToParticipatePage: call_post_data,
    ActionPlanPage: plan_post_data,
    ActionItemPage: item_post_data,
    MeetingProtocolPage: meeting_post_data,
    NetworkPage: network_post_data,
}


class AvpPageChecks(WagtailPageTestCase):
    """Every page type, filled and bare, in Estonian and in an English translation."""

    @classmethod
    def setUpTestData(cls):
        cls.programme = filled_programme()
        programme = cls.programme
        cls.en, _created = Locale.objects.get_or_create(language_code="en")
        # Every page of the filled programme in English too; parents first.
        for page in programme.get_descendants(inclusive=True).specific().order_by("path"):
            with cls.captureOnCommitCallbacks(execute=True):
                translate_object(page, [cls.en])
        org = Organisation.objects.filter(locale=programme.locale).first()
        filled_items = list(ActionItemPage.objects.filter(locale=programme.locale).order_by("path"))
        plan = ActionPlanPage.objects.get(locale=programme.locale)

        # Every optional relation of a meeting, including attachments.
        document = get_document_model().objects.create(
            title="Protokoll", file=ContentFile(b"%PDF-1.4 test", name="protokoll.pdf")
        )
        full = make_meeting(programme, "full", -3, kind=MeetingKind.MONITORING, monitored_plan=plan)
        full.agenda_items = [
            AgendaItem(title="Eelarve", discussion="<p>Arutelu.</p>", decision="<p>Jah.</p>")
        ]
        full.discussed_items = [MeetingDiscussedItem(item=item) for item in filled_items[:2]]
        full.attending_organisations = [MeetingAttendingOrganisation(organisation=org)]
        full.attachments = [MeetingAttachment(document=document)]
        publish(full)
        # Items with everything: the filled programme's; and one with milestones and updates.
        busy = make_item(plan, "busy", lead_implementer=org, theme=plan.themes.first())
        busy.milestones = [Milestone(title="Hange", due_date=datetime.date(2026, 3, 1))]
        busy.progress_updates = [
            ProgressUpdate(title="Algas", date=datetime.date(2026, 2, 1), progress=10)
        ]
        publish(busy)
        # The same page types with no optional relation at all.
        bare_programme = make_programme(programme.get_parent(), slug="bare-programme")
        bare_call = make_call(bare_programme, slug="bare-call")
        bare_plan = make_plan(bare_programme, slug="bare-plan")
        bare_item = make_item(bare_plan, "bare")
        bare_meeting = make_meeting(bare_programme, "bare", 7)
        bare_network = NetworkPage(title="Võrgustik", slug="bare-network")
        bare_programme.add_child(instance=bare_network)
        publish(bare_network)
        for page in (full, busy, bare_programme, bare_call, bare_plan, bare_item, bare_meeting):
            with cls.captureOnCommitCallbacks(execute=True):
                translate_object(page, [cls.en])
        with cls.captureOnCommitCallbacks(execute=True):
            translate_object(bare_network, [cls.en])
        cls.keys = {
            "full_meeting": full.translation_key,
            "busy_item": busy.translation_key,
            "bare": [
                p.translation_key
                for p in (
                    bare_programme,
                    bare_call,
                    bare_plan,
                    bare_item,
                    bare_meeting,
                    bare_network,
                )
            ],
        }

    def pages_of(self, model):
        """Every page of the type: the filled programme's, the ones built here, in both
        languages."""
        pages = list(model.objects.live().order_by("locale_id", "path"))
        assert {page.locale.language_code for page in pages} >= {"et", "en"}, model
        return pages

    def check(self, model):
        for page in self.pages_of(model):
            with self.subTest(page=page, language=page.locale.language_code):
                # Built, not read from the editor's HTML: a StreamField's rows are drawn
                # by JavaScript, and a translation opens wagtail-localize's editor.
                post_data = POST_DATA[model](page)
                self.assertPageIsRenderable(page)
                self.assertPageIsPreviewable(page, post_data=post_data)
                self.assertPageIsEditable(page, post_data={**post_data, "action-publish": ""})

    def test_programme_pages(self):
        self.check(OpenGovernmentPage)

    def test_call_pages(self):
        self.check(CallToParticipatePage)

    def test_plan_pages(self):
        self.check(ActionPlanPage)

    def test_item_pages(self):
        self.check(ActionItemPage)

    def test_meeting_pages(self):
        self.check(MeetingProtocolPage)

    def test_network_pages(self):
        self.check(NetworkPage)

    def test_preview_shows_the_discussed_items_being_edited(self):
        """The preview lists the items chosen in the editor, not the saved ones (issue 12)."""
        meeting = MeetingProtocolPage.objects.get(
            translation_key=self.keys["full_meeting"], locale__language_code="et"
        )
        other = ActionItemPage.objects.filter(locale=meeting.locale).order_by("-path").first()
        data = meeting_post_data(meeting)
        data.update(nested_form_data({"discussed_items": _rows([{"item": other.pk}])}))
        self.client.force_login(self.create_superuser("previewer"))
        path = reverse("wagtailadmin_pages:preview_on_edit", args=[meeting.pk])
        response = self.client.post(path, data)
        self.assertJSONEqual(response.content, {"is_valid": True, "is_available": True})
        html = self.client.get(path).content.decode()
        assert other.title in html

    def test_preview_of_new_pages(self):
        """Previewing a page not saved yet (the editor's first preview) works for every type
        with its relations filled."""
        self.client.force_login(self.create_superuser("previewer"))
        for model in POST_DATA:
            page = model.objects.filter(locale__language_code="et").order_by("path").last()
            parent = page.get_parent()
            data = POST_DATA[model](page)
            data["slug"] = f"{page.slug}-new"
            with self.subTest(model=model.__name__):
                path = reverse(
                    "wagtailadmin_pages:preview_on_add",
                    args=("avp_wagtail", model._meta.model_name, parent.pk),
                )
                response = self.client.post(path, data)
                self.assertJSONEqual(response.content, {"is_valid": True, "is_available": True})
                assert self.client.get(path).status_code == 200
