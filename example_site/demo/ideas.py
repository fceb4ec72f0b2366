"""Demo residents' ideas (the optional ideas app): the plan's idea collection, open while
the plan was drafted (before the council adopted it on 15 December 2025), with ideas in
every state and response; some became the plan's actions. Skipped when the ideas app is
absent (it is imported only when installed). Each idea stays in the language it was
written in, so none of this goes through translations.py.

Addresses are on the reserved ``.example`` domain: nobody real gets the demo's e-mails.
"""

import datetime

from django.apps import apps
from django.utils import timezone

APP = "avp_wagtail.ideas"
# The collection ran for six weeks in the autumn before the plan was adopted (content.PLAN).
OPENS_ON = datetime.date(2025, 9, 1)
CLOSES_ON = datetime.date(2025, 10, 15)
# Accepted ideas were answered when the council adopted the plan; the others a month before.
ADOPTED = datetime.date(2025, 12, 15)
ANSWERED = datetime.date(2025, 11, 14)
DOMAIN = "elanikud.example"

# key: (sent on, author, organisation, language, theme index, title, problem, proposal,
#       state, response, response text, accepted into [item slugs] or merged with [key],
#       supporters)
IDEAS = {
    "plain-budget": (
        datetime.date(2025, 9, 3),
        "Mari Maasikas",
        "",
        "et",
        0,
        "Valla eelarve lihtsas keeles",
        "Eelarve on sadu lehekülgi tabeleid. Tavaline elanik ei saa aru, kui palju läheb "
        "raha koolidele, teedele või kultuurile.",
        "Avaldage igal aastal koos eelarve eelnõuga paari lehekülje pikkune ülevaade "
        "lihtsas keeles ja joonistega.",
        "public",
        "accepted",
        "Aitäh! Võtsime idee tegevuskavasse: eelarve lühiülevaade lihtsas keeles ilmub "
        "igal aastal koos eelarve eelnõuga.",
        ["eelarve-lihtsas-keeles"],
        14,
    ),
    "residents-decide": (
        datetime.date(2025, 9, 8),
        "Jaan Tamm",
        "Näidiku Külade Selts MTÜ",
        "et",
        0,
        "Elanikud otsustavad osa eelarvest",
        "Elanikud ei saa otsustada, milleks valla raha kasutatakse, kuigi teavad oma küla "
        "vajadusi kõige paremini.",
        "Jätke osa investeeringute eelarvest elanike otsustada: ideede kogumine, "
        "arutelu ja hääletus, nagu naabervallas.",
        "public",
        "accepted",
        "Võtsime idee tegevuskavasse kaasava eelarve menetlusena. Esimesel aastal on "
        "summa 15 000 eurot.",
        ["kaasav-eelarve"],
        23,
    ),
    "village-budget": (
        datetime.date(2025, 9, 22),
        "Kalle Kask",
        "",
        "et",
        0,
        "Igale külale oma väike eelarve",
        "Väikesed külad jäävad suurte kõrval alati kaotajaks.",
        "Andke igale külaseltsile paar tuhat eurot aastas, mille kasutamise üle otsustab küla ise.",
        "public",
        "merged",
        "Sarnane idee kaasavast eelarvest: arutame külade osa selle menetluse sees, et "
        "iga piirkond saaks vähemalt ühe projekti.",
        ["residents-decide"],
        5,
    ),
    "council-online": (
        datetime.date(2025, 9, 4),
        "Kadri Kuusk",
        "Näidiku Noortekogu",
        "et",
        2,
        "Volikogu istungid veebis",
        "Volikogu istungid on avalikud, aga need toimuvad tööpäeva õhtul vallamajas ja "
        "sinna jõuavad vähesed.",
        "Kandke istungid veebis otse üle ja pange salvestused valla kodulehele.",
        "public",
        "accepted",
        "Võtsime idee tegevuskavasse: istungite otseülekanded algavad 2026. aastal.",
        ["volikogu-otseulekanded"],
        17,
    ),
    "youth-say": (
        datetime.date(2025, 9, 12),
        "Kristjan Kivi",
        "Näidiku Noortekogu",
        "et",
        1,
        "Noortekogu ettepanekud volikogu päevakorda",
        "Noortekogu arvamust küsitakse harva ja selle ettepanekud ei jõua volikogusse.",
        "Andke noortekogule õigus teha volikogule ettepanekuid, mis tuleb päevakorda võtta.",
        "public",
        "accepted",
        "Võtsime idee tegevuskavasse: noortekogu ettepanekuõigus kirjutatakse valla "
        "põhimäärusesse 2027. aastal.",
        ["noortekogu-ettepanekuoigus"],
        11,
    ),
    "village-roundtable": (
        datetime.date(2025, 9, 15),
        "Liis Lepp",
        "Näidiku Külade Selts MTÜ",
        "et",
        1,
        "Külavanemad ja vallajuhid ühise laua taha",
        "Külavanemad kuulevad valla plaanidest alles siis, kui otsused on juba tehtud.",
        "Korraldage külavanematele ja vallajuhtidele kord kvartalis ümarlaud.",
        "public",
        "accepted",
        "Võtsime idee tegevuskavasse: külade ümarlaud kohtub kultuurimajas.",
        ["kulade-umarlaud"],
        8,
    ),
    "russian-info": (
        datetime.date(2025, 9, 18),
        "Olga Ivanova",
        "",
        "ru",
        2,
        "Важная информация волости и на русском языке",
        "Многие пожилые жители волости плохо читают по-эстонски и пропускают "
        "решения, которые их касаются.",
        "Публиковать краткое изложение важных решений и объявлений также на русском "
        "языке на сайте и в волостной газете.",
        "public",
        "considering",
        "Aitäh! Arutame ettepanekut tegevuskava muudatusena järgmisel seirekoosolekul.",
        [],
        9,
    ),
    "agendas-ahead": (
        datetime.date(2025, 9, 25),
        "Anna Smith",
        "",
        "en",
        2,
        "Publish council agendas a week ahead",
        "It is hard to prepare for a council session when the agenda appears only a day "
        "or two before it.",
        "Publish every council agenda with its draft decisions at least a week before the session.",
        "public",
        "already",
        "Volikogu istungite päevakorrad ja eelnõud avaldatakse juba praegu valla "
        "dokumendiregistris vähemalt seitse päeva enne istungit.",
        [],
        4,
    ),
    "mobile-app": (
        datetime.date(2025, 10, 2),
        "Tiit Tamme",
        "",
        "et",
        2,
        "Valla oma mobiilirakendus",
        "Valla teated jõuavad inimesteni hilja.",
        "Tehke mobiilirakendus, mis saadab valla teated telefoni.",
        "public",
        "declined",
        "Eraldi rakendus oleks kallis ja vajaks pidevat uuendamist. Valla teated jõuavad "
        "telefoni juba uudiskirja kaudu; parandame hoopis valla veebilehe mobiilivaadet.",
        [],
        6,
    ),
    "procurement-plan": (
        datetime.date(2025, 10, 14),
        "Peeter Põld",
        "",
        "et",
        0,
        "Valla hankeplaan avalikuks",
        "Kohalikud ettevõtjad ei tea ette, milliseid töid vald tellida kavatseb.",
        "Avaldage aasta alguses valla hankeplaan koos ligikaudsete summade ja ajaga.",
        "public",
        "none",
        "",
        [],
        2,
    ),
    "library-hours": (
        datetime.date(2025, 10, 13),
        "Helgi Hein",
        "",
        "et",
        1,
        "Raamatukogu avatud ka laupäeviti",
        "Tööl käivad inimesed ei jõua raamatukokku.",
        "Hoidke raamatukogu laupäeviti lahti ja korraldage seal valla infotunde.",
        "pending",
        "none",
        "",
        [],
        0,
    ),
    "neighbour-dog": (
        datetime.date(2025, 9, 20),
        "Anonüümne",
        "",
        "et",
        1,
        "Naabri koer",
        "Naabri koer haugub öösiti ja keegi ei tee midagi.",
        "Vald peaks naabriga rääkima.",
        "hidden",
        "none",
        "",
        [],
        0,
    ),
}


def _at(day, hour=12):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def add_demo_ideas(plan, items):
    """The plan's closed idea collection and its ideas (nothing when the app is absent).
    ``items`` maps the demo's item slugs to the action items. Returns the ideas by key."""
    if not apps.is_installed(APP):
        return {}
    from avp_wagtail.ideas.models import Idea, IdeaCollection, IdeaSupport
    from avp_wagtail.models import ActionPlanPage

    IdeaCollection.objects.create(
        plan=plan, opens_on=OPENS_ON, closes_on=CLOSES_ON, moderation="pre"
    )
    versions = {
        version.locale.language_code: version
        for version in ActionPlanPage.objects.filter(
            translation_key=plan.translation_key
        ).select_related("locale")
    }
    themes = list(plan.themes.all())
    ideas = {}
    for n, (key, row) in enumerate(IDEAS.items()):
        sent, name, organisation, language, theme, title, problem, proposal = row[:8]
        state, response, text, targets, supporters = row[8:]
        answered = ADOPTED if response == "accepted" else ANSWERED
        idea = Idea.objects.create(
            # The language version of the plan it was sent on, where there is one.
            plan=versions.get(language, plan),
            title=title,
            problem=problem,
            proposal=proposal,
            theme=themes[theme],
            organisation=organisation,
            author_name=name,
            email=f"idee-{n}@{DOMAIN}",
            language=language,
            state=state,
            response_state=response,
            response_text=text,
            response_language="et" if text else "",  # the municipality answers in Estonian
            merged_into=ideas[targets[0]] if response == "merged" else None,
            created_at=_at(sent, 9 + n % 10),
            confirmed_at=_at(sent, 10 + n % 10),
            # Under consideration: answered lately (for the next monitoring meeting).
            responded_at=None
            if response == "none"
            else timezone.now() - datetime.timedelta(days=5)
            if response == "considering"
            else _at(answered),
        )
        if response == "accepted":
            idea.action_items.set([items[slug] for slug in targets])
        IdeaSupport.objects.bulk_create(
            IdeaSupport(
                idea=idea,
                email=f"toetaja-{m}@{DOMAIN}",
                language="ru" if m % 5 == 4 else "et",
                # Within the collection's dates, like the idea itself.
                created_at=_at(min(sent + datetime.timedelta(days=1 + m % 20), CLOSES_ON), 18),
            )
            for m in range(supporters)
        )
        ideas[key] = idea
    return ideas
