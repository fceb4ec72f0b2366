"""factory-boy factories for the package's pages and snippets.

Every factory works without arguments and builds the smallest valid object, with the
parents it needs::

    item = ActionItemPageFactory()                 # + a plan, + a programme under the home page
    item = ActionItemPageFactory(parent=plan, title="Bus stop", status="delayed")

Pages are added to the tree with ``parent.add_child(instance=...)`` and published through a
revision (``publish=False`` leaves them as saved by ``add_child``). Their inline rows are
given as lists of unsaved instances, which ``.build()`` of the row factories makes::

    plan = ActionPlanPageFactory(themes=[PlanThemeFactory.build(title="Youth")])
    item = ActionItemPageFactory(milestones=[MilestoneFactory.build(due_date=day)])

``.create(page=...)`` of a row factory (``MilestoneFactory(page=item)``) adds the row to a
page that exists already and publishes the page again. Snippets (``OrganisationFactory``,
``ContactPersonFactory``) are plain model factories.
"""

import datetime

import factory
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail_localize.operations import translate_object

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
    Milestone,
    NetworkPage,
    OpenGovernmentPage,
    Organisation,
    PlanCommunityRepresentative,
    PlanTheme,
    ProgrammeContactPerson,
    ProgressUpdate,
)


def publish(page):
    """Save a revision of ``page`` and publish it, as an editor's "Publish" does."""
    page.save_revision().publish()
    return page


def default_home():
    """The default site's root page: where a programme goes unless told otherwise."""
    return Site.objects.get(is_default_site=True).root_page.specific


def translate(instance, language):
    """Translate a page or snippet into ``language`` through wagtail-localize, as an editor's
    "Translate" does: the text is copied from the source (to be translated later), the
    snippets it refers to and the page's parents (below the home page) are translated first,
    and a page's translation is published at once (wagtail-localize would publish it when
    the transaction commits). Returns the target."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    if isinstance(instance, Page):
        for ancestor in instance.get_ancestors().filter(depth__gt=2).specific():
            if not ancestor.has_translation(locale):
                translate(ancestor, language)
    translate_object(instance, [locale])
    target = instance.get_translation(locale)
    if isinstance(target, Page):
        target = target.specific
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target


# Snippets


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.LazyAttribute(lambda o: f"{o.name.lower().replace(' ', '.')}@vald.example")


# Pages


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page under ``parent`` and publishes it (unless ``publish=False``)."""

    class Meta:
        abstract = True

    publish = True

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        for name in ("parent", "publish", "tags"):
            kwargs.pop(name, None)
        return model_class(*args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        parent = kwargs.pop("parent")
        published = kwargs.pop("publish", True)
        tags = kwargs.pop("tags", ())
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        if tags:
            page.tags.add(*tags)
        if published:
            publish(page)
        return page


class OpenGovernmentPageFactory(PageFactory):
    """A municipality's programme page, under the default site's home page."""

    class Meta:
        model = OpenGovernmentPage

    parent = factory.LazyFunction(default_home)
    title = factory.Sequence(lambda n: f"Open government {n}")
    slug = factory.Sequence(lambda n: f"open-government-{n}")
    common_goal = "Together."


class CallToParticipatePageFactory(PageFactory):
    class Meta:
        model = CallToParticipatePage

    parent = factory.SubFactory(OpenGovernmentPageFactory)
    title = factory.Sequence(lambda n: f"Call {n}")
    slug = factory.Sequence(lambda n: f"call-{n}")
    why_cooperate = "<p>Because.</p>"


class ActionPlanPageFactory(PageFactory):
    """A plan for 2026–2027 with one theme, "Theme A"."""

    class Meta:
        model = ActionPlanPage

    parent = factory.SubFactory(OpenGovernmentPageFactory)
    title = factory.Sequence(lambda n: f"Plan {n}")
    slug = factory.Sequence(lambda n: f"plan-{n}")
    summary = "Summary"
    start_date = datetime.date(2026, 1, 1)
    end_date = datetime.date(2027, 12, 31)
    themes = factory.LazyFunction(lambda: [PlanTheme(title="Theme A")])


class ActionItemPageFactory(PageFactory):
    """An action of a plan; ``tags`` is a list of tag names."""

    class Meta:
        model = ActionItemPage

    parent = factory.SubFactory(ActionPlanPageFactory)
    title = factory.Sequence(lambda n: f"Item {n}")
    # "s": the sequence runs on through a test process, so a plain item-<n> could meet a
    # builder's fixed item-<n> (tests.builders.make_item) under the same plan.
    slug = factory.Sequence(lambda n: f"item-s{n}")
    summary = factory.LazyAttribute(lambda o: f"Summary of {o.title}")
    tags = ()


class MeetingProtocolPageFactory(PageFactory):
    """A meeting a week from now (pass ``start`` for a past one, i.e. a protocol)."""

    class Meta:
        model = MeetingProtocolPage

    parent = factory.SubFactory(OpenGovernmentPageFactory)
    title = factory.Sequence(lambda n: f"Meeting {n}")
    slug = factory.Sequence(lambda n: f"meeting-s{n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))


class NetworkPageFactory(PageFactory):
    class Meta:
        model = NetworkPage

    parent = factory.SubFactory(OpenGovernmentPageFactory)
    title = factory.Sequence(lambda n: f"Network {n}")
    slug = factory.Sequence(lambda n: f"network-{n}")


# Inline rows of pages


class PageRowFactory(factory.django.DjangoModelFactory):
    """A row of a page's inline panel. ``.build()`` makes an unsaved row to give to a page
    factory; ``.create(page=page)`` adds it to ``page`` and publishes the page again."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, page=None, **kwargs):
        row = model_class(*args, **kwargs)
        relation = model_class._meta.get_field("page").remote_field.related_name
        getattr(page, relation).add(row)
        page.save()  # gives the row its primary key; the revision keeps it
        publish(page)
        return row


class PlanThemeFactory(PageRowFactory):
    class Meta:
        model = PlanTheme

    title = factory.Sequence(lambda n: f"Theme {n}")


class MilestoneFactory(PageRowFactory):
    class Meta:
        model = Milestone

    title = factory.Sequence(lambda n: f"Milestone {n}")
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


class ActionItemPartnerFactory(PageRowFactory):
    class Meta:
        model = ActionItemPartner

    # Saved even by .build(): the row refers to an organisation in the database.
    organisation = factory.LazyFunction(OrganisationFactory)


class ProgressUpdateFactory(PageRowFactory):
    """A progress update dated today that sets neither status nor progress."""

    class Meta:
        model = ProgressUpdate

    title = factory.Sequence(lambda n: f"Update {n}")
    date = factory.LazyFunction(timezone.localdate)


# A whole programme


def filled_programme(parent=None):
    """A published programme with one page of every type under it, each with its optional
    fields and inline rows filled (for tests that open, render or edit "everything").

    Returns the programme; the pages are its descendants (the plan has two actions)."""
    today = timezone.localdate()
    council = OrganisationFactory(name="Vallavalitsus", kind="municipality")
    society = OrganisationFactory(name="Külaselts", website="https://selts.example")
    official = ContactPersonFactory(
        name="Kaja Kask", role="spetsialist", organisation=council, show_contact_details=True
    )
    resident = ContactPersonFactory(name="Liis Lepp", organisation=society)

    programme = OpenGovernmentPageFactory(
        parent=parent or default_home(),
        intro="<p>Avatud valitsemine vallas.</p>",
        principles="<p>Avatus.</p>",
        benefits="<p>Parem teenus.</p>",
        network_url="https://avp.example",
        in_network=True,
        contact_people=[ProgrammeContactPerson(person=official)],
    )
    CallToParticipatePageFactory(
        parent=programme,
        what_is_avp="<p>Avatud valitsemise partnerlus.</p>",
        contribution_expected="<p>Kaks koosolekut.</p>",
        steps=[("step", {"title": "Täida vorm", "description": "Kirjuta, mis huvitab."})],
        long_term_goal="<p>Kaasav vald.</p>",
        target_groups="<p>Elanikud ja seltsid.</p>",
        deadline=today + datetime.timedelta(days=30),
        thank_you_text="<p>Aitäh!</p>",
        interest_themes=[CallInterestTheme(title="Noored")],
        contact_people=[CallContactPerson(person=official)],
    )
    plan = ActionPlanPageFactory(
        parent=programme,
        status="in_progress",
        common_goal="Otsustame koos.",
        initiating_politician=resident,
        coordinating_official=official,
        monitoring_every=3,
        monitoring_start=today + datetime.timedelta(days=14),
        change_procedure="<p>Volikogu otsusega.</p>",
        adoption_date=datetime.date(2026, 1, 15),
        themes=[
            PlanTheme(title="Kaasamine", description="Elanikud otsustavad."),
            PlanTheme(title="Läbipaistvus"),
        ],
        community_representatives=[PlanCommunityRepresentative(person=resident)],
    )
    theme = plan.themes.first()
    items = [
        ActionItemPageFactory(
            parent=plan,
            title=title,
            problem="<p>Elanikud ei tea.</p>",
            activities="<p>Teeme ära.</p>",
            expected_result="<p>Teavad.</p>",
            theme=theme,
            lead_implementer=council,
            lead_implementer_role="korraldab",
            contact_person=official,
            budget=15000,
            funding_source="valla eelarve",
            planned_start=datetime.date(2026, 2, 1),
            planned_end=datetime.date(2027, 6, 30),
            ogp_civic_participation=True,
            tags=["eelarve"],
            partners=[ActionItemPartner(organisation=society, role="kutsub kokku")],
            milestones=[
                Milestone(
                    title="Ideed kogutud",
                    due_date=datetime.date(2026, 4, 30),
                    completed_date=datetime.date(2026, 5, 3),
                ),
                Milestone(title="Hääletus", due_date=today + datetime.timedelta(days=60)),
            ],
            progress_updates=[
                ProgressUpdate(
                    title="Algas", date=today - datetime.timedelta(days=20), progress=40
                ),
                ProgressUpdate(
                    title="Hange venis",
                    date=today - datetime.timedelta(days=10),
                    kind="obstacle",
                    status="in_progress",
                    reported_by=council,
                ),
            ],
        )
        for title in ("Kaasav eelarve", "Otseülekanded")
    ]
    MeetingProtocolPageFactory(
        parent=programme,
        start=timezone.now() - datetime.timedelta(days=30),
        end=timezone.now() - datetime.timedelta(days=30, hours=-2),
        kind="monitoring",
        monitored_plan=plan,
        location="Vallamaja saal",
        online_url="https://meet.example/seire",
        organiser=council,
        facilitator="Kaja Kask",
        outside_speakers="Mari Maasikas",
        attendee_count=23,
        summary="Vaatasime kava üle.",
        agenda_items=[
            AgendaItem(
                title="Eelarve",
                discussion="<p>Arutelu.</p>",
                arguments_for="<p>Poolt.</p>",
                arguments_against="<p>Vastu.</p>",
                decision="<p>Jah.</p>",
                responsible="Kaja Kask",
                deadline=today + datetime.timedelta(days=30),
            )
        ],
        discussed_items=[MeetingDiscussedItem(item=item) for item in items],
        attending_organisations=[
            MeetingAttendingOrganisation(organisation=council),
            MeetingAttendingOrganisation(organisation=society),
        ],
    )
    NetworkPageFactory(parent=programme, intro="<p>Kõigi valdade kavad.</p>")
    return programme


# The English and Russian a translator gives the names in ``translated_programme``.
TRANSLATED_NAMES = {
    "Kaasav eelarve": ("Participatory budgeting", "Инициативный бюджет"),
    "Otseülekanded": ("Live streams", "Прямые трансляции"),
    "Vallavalitsus": ("Municipal government", "Волостная управа"),
    "Külaselts": ("Village society", "Деревенское общество"),
    "eelarve": ("budget", "бюджет"),
    "kaasamine": ("participation", "вовлечение"),
}


def translated_name(name, language):
    """``name`` as ``translated_programme`` translates it: from ``TRANSLATED_NAMES``, else
    marked with the language ("Plan 3" -> "Plan 3 (ru)")."""
    if name in TRANSLATED_NAMES:
        return TRANSLATED_NAMES[name][("en", "ru").index(language)]
    return f"{name} ({language})"


def translated_programme(languages=("en", "ru")):
    """``filled_programme`` (its first action tagged "eelarve" and "kaasamine") translated
    into ``languages``: the home page above it, its organisations and every page through
    wagtail-localize (``translate``), its tags as an editor adds a tag's translation; each
    translation named by ``translated_name`` and published. Returns the Estonian
    programme."""
    programme = filled_programme()
    first = ActionItemPage.objects.descendant_of(programme).order_by("path").first()
    first.tags.add("kaasamine")
    publish(first)
    organisations = list(Organisation.objects.filter(locale=programme.locale))
    pages = [programme, *programme.get_descendants().specific().order_by("path")]
    for language in languages:
        locale, _created = Locale.objects.get_or_create(language_code=language)
        # A tag's name is unique: its translation is named as it is made.
        for tag in AvpTag.objects.filter(locale=programme.locale):
            target = tag.copy_for_translation(locale)
            target.name = translated_name(tag.name, language)
            target.save()
        # The home page as the site's editors translate it (otherwise wagtail-localize
        # copies it as an alias of the Estonian one), organisations before the pages
        # that refer to them.
        home = programme.get_parent().specific
        if not home.has_translation(locale):
            translate(home, language)
        for instance in [*organisations, *pages]:
            translate(instance, language)
    # Named last: translating a page translates the snippets it refers to again.
    for language in languages:
        locale = Locale.objects.get(language_code=language)
        for organisation in organisations:
            target = organisation.get_translation(locale)
            target.name = translated_name(organisation.name, language)
            target.save()
        for page in pages:
            target = page.get_translation(locale).specific
            target.title = translated_name(page.title, language)
            target.draft_title = target.title
            publish(target)
    return programme
