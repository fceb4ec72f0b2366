"""Demo outreach tracker (the optional outreach app, C2, C3, C9, C10): whom Näidiku vald
invited to its open-government programme, how, and what came of it — 16 contacts in every
state: each channel, each answer, referrals (by a contact, and from an expression of
interest's "Who else should we ask?"), a politician, an event of others attended, some
who joined and some active (lead an action, attended the meeting, signed up). Skipped
when the app is absent (imported only when installed).

Addresses are on the reserved ``.example`` domain: nobody real gets the demo's e-mails.
"""

import datetime

from django.apps import apps
from django.utils import timezone

APP = "avp_wagtail.outreach"
DOMAIN = "kontaktid.example"


def _org(name):
    from avp_wagtail.models import Organisation

    return Organisation.objects.filter(name=name).order_by("pk").first()


def _person(name):
    from avp_wagtail.models import ContactPerson

    return ContactPerson.objects.filter(name=name).order_by("pk").first()


def add_demo_outreach(programme, call):
    """The programme's outreach contacts (nothing when the app is absent). Returns them."""
    if not apps.is_installed(APP):
        return []
    from avp_wagtail.models import InterestSubmission, MeetingProtocolPage
    from avp_wagtail.outreach.models import OutreachContact, OutreachInvitation

    today = timezone.localdate()
    now = timezone.now()

    def day(days_ago):
        return today - datetime.timedelta(days=days_ago)

    past = (
        MeetingProtocolPage.objects.child_of(programme).filter(start__lt=now).order_by("start")
    ).first()
    kaja_user = None  # contacted by: free text (the demo has no admin users of its own)

    def add(**fields):
        fields.setdefault("contacted_by_text", "Kaja Kask")
        return OutreachContact.objects.create(programme=programme, **fields)

    rows = {}
    rows["kulaselts"] = add(
        organisation=_org("Näidiku Külade Selts MTÜ"),
        person=_person("Liis Lepp"),
        channel="in_person",
        contacted_on=day(80),
        answer="interested",
        meeting=past,
        notes="Rääkisime külaseltside ümarlaual; Liis lubas ise ka teisi seltse kutsuda.",
    )
    rows["noortekogu"] = add(
        organisation=_org("Näidiku Noortekogu"),
        person=_person("Oskar Orav"),
        channel="phone",
        contacted_on=day(75),
        answer="interested",
        notes="Noored tahavad kaasa rääkida noortekeskuse lahtiolekuaegade üle.",
    )
    rows["arendus"] = add(
        organisation=_org("Näidiku Arendus OÜ"),
        channel="email",
        contacted_on=day(70),
        answer="interested",
        notes="Juhib avaandmete tegevust.",
    )
    rows["keskkond"] = add(
        organisation=_org("Roheline Näidiku MTÜ"),
        channel="letter",
        contacted_on=day(70),
        answer="not_now",
        notes="Praegu on neil suvine projekt käsil; küsime sügisel uuesti.",
    )
    rows["politician"] = add(
        kind="politician",
        person=_person("Mart Mänd"),
        organisation=_org("Näidiku Vallavolikogu"),
        channel="in_person",
        contacted_on=day(90),
        answer="interested",
        notes="Volikogu esimees on algatuse eestvedaja (D2).",
    )
    rows["opposition"] = add(
        kind="politician",
        name="Volikogu opositsioonifraktsioon",
        email=f"fraktsioon@{DOMAIN}",
        channel="email",
        contacted_on=day(60),
        answer="not_yet",
    )
    rows["event"] = add(
        kind="event",
        name="Rannaküla külapäev",
        channel="their_event",
        contacted_on=day(50),
        answer="interested",
        notes="Tutvustasime külapäeval avatud valitsemist; mitu külaelanikku jättis kontakti.",
    )
    rows["seminar"] = add(
        kind="event",
        name="Naabervalla avatud valitsemise seminar",
        channel="their_event",
        contacted_on=day(40),
        answer="not_yet",
    )
    rows["pensioners"] = add(
        name="Näidiku Pensionäride Ühendus",
        email=f"pensionarid@{DOMAIN}",
        channel="via_organisation",
        contacted_on=day(45),
        referred_by=rows["kulaselts"],
        answer="no",
        notes="Ei soovi praegu osaleda, aga loevad uudiskirja.",
        language="ru",
    )
    rows["sports"] = add(
        name="Spordiklubi Tõus",
        email=f"tous@{DOMAIN}",
        referred_by=rows["kulaselts"],
        answer="not_yet",
    )
    rows["parents"] = add(
        kind="person",
        name="Anu Allik",
        email=f"anu.allik@{DOMAIN}",
        channel="phone",
        contacted_on=day(30),
        referred_by=rows["noortekogu"],
        answer="interested",
    )
    rows["library"] = add(
        name="Näidiku Raamatukogu sõprade ring",
        channel="letter",
        contacted_on=day(20),
        answer="not_yet",
    )
    rows["expat"] = add(
        kind="person",
        name="Näidiku expats' club",
        email=f"expats@{DOMAIN}",
        language="en",
        answer="not_yet",
        contacted_by_text="",
    )
    # Joined through the interest form; its "Who else should we ask?" adds two referrals.
    submission = InterestSubmission.objects.create(
        call=call,
        name="Peeter Paju",
        organisation="Kodukandi Selts",
        email=f"peeter.paju@{DOMAIN}",
        message="Tahaksime aidata kaasava eelarve koosolekute korraldamisel.",
        referrals=f"Metsaküla Selts\nNäidiku Käsitööring <kasitoo@{DOMAIN}>",
        consent=True,
        language="et",
    )
    rows["kodukant"] = add(
        name="Kodukandi Selts",
        email=f"peeter.paju@{DOMAIN}",
        channel="email",
        contacted_on=day(25),
        answer="interested",
        submission=submission,
    )
    # The invitations e-mailed from the tracker, as the log shows them.
    for key in ("arendus", "opposition", "kodukant"):
        OutreachInvitation.objects.create(
            contact=rows[key],
            call=call,
            sent_by=kaja_user,
            language=rows[key].language,
            state="sent",
            sent_at=timezone.make_aware(
                datetime.datetime.combine(rows[key].contacted_on, datetime.time(10))
            ),
        )
    return list(OutreachContact.objects.filter(programme=programme))
