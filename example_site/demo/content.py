"""The demo municipality's content, as plain data (Estonian, the default content language)."""

import datetime

MUNICIPALITY = "Näidiku vald"

ORGANISATIONS = [
    # key, name, kind, website, description
    (
        "vallavalitsus",
        "Näidiku Vallavalitsus",
        "municipality",
        "https://naidiku.example",
        "Valla täitevorgan, mis korraldab valla igapäevaelu.",
    ),
    (
        "volikogu",
        "Näidiku Vallavolikogu",
        "council",
        "",
        "Valla esinduskogu, mille istungid on avalikud.",
    ),
    (
        "kultuurimaja",
        "Näidiku Kultuurimaja",
        "municipal_unit",
        "",
        "Valla allasutus, kus toimuvad avalikud koosolekud ja üritused.",
    ),
    (
        "kulaselts",
        "Näidiku Külade Selts MTÜ",
        "ngo",
        "",
        "Ühendab valla külaseltse ja esindab külade huve.",
    ),
    ("noortekogu", "Näidiku Noortekogu", "ngo", "", "Valla noorte esinduskogu."),
    ("keskkonnaring", "Roheline Näidiku MTÜ", "ngo", "", "Kohalik keskkonnaühendus."),
    (
        "arendus",
        "Näidiku Arendus OÜ",
        "company",
        "",
        "Kohalik ettevõte, mis aitab veebilahendustega.",
    ),
]

CONTACT_PEOPLE = [
    # key, name, role, organisation key, email, phone, public
    (
        "kaja",
        "Kaja Kask",
        "kogukonnakoostöö spetsialist",
        "vallavalitsus",
        "kaja.kask@naidiku.example",
        "+372 5555 0101",
        True,
    ),
    (
        "mart",
        "Mart Mänd",
        "vallavolikogu esimees",
        "volikogu",
        "mart.mand@naidiku.example",
        "",
        False,
    ),
    (
        "liis",
        "Liis Lepp",
        "juhatuse liige",
        "kulaselts",
        "liis.lepp@naidiku.example",
        "+372 5555 0102",
        True,
    ),
    (
        "oskar",
        "Oskar Orav",
        "noortekogu esimees",
        "noortekogu",
        "oskar.orav@naidiku.example",
        "",
        False,
    ),
]

# The name the demo's (default) Wagtail site publishes under (open data, network page).
MUNICIPALITY = "Näidiku vald"

PROGRAMME = {
    "title": "Avatud valitsemine Näidiku vallas",
    "slug": "avatud-valitsemine",
    "intro": "<p>Näidiku vald liitus avatud valitsemise partnerlusega kohalikele "
    "omavalitsustele (AVP KOV). Koos kodanikuühenduste ja aktiivsete elanikega "
    "kavandame konkreetseid tegevusi, mis muudavad valla juhtimise avatumaks.</p>",
    "common_goal": "Teeme koos kohaliku elu korraldamise avatumaks, läbipaistvamaks ja "
    "kaasavamaks, et otsused arvestaksid elanike vajaduste ja huvidega.",
    "principles": "<ul><li>Info on avalik ja kergesti leitav.</li>"
    "<li>Elanikud saavad otsuste tegemises kaasa rääkida.</li>"
    "<li>Vald annab aru, mida on tehtud ja mis jäi tegemata.</li>"
    "<li>Uued tehnoloogiad teenivad avatust.</li></ul>",
    "benefits": "<p>Pikaajaline strateegiline partnerlus ühenduste ja valla vahel, otsused, "
    "mis arvestavad elanike vajadustega, ning konkreetsed tegevused, mis teevad valla "
    "juhtimise avatumaks.</p>",
    "current_phase": "carrying_out",
    "in_network": True,
    "network_url": "https://avp-kov.example.ee",
}

CALL = {
    "title": "Kutse osalema avatud valitsemise tegevuskava elluviimises",
    "slug": "kutse-osalema",
    "what_is_avp": "<p>AVP KOV on üle-eestiline algatus, mis aitab kohalikel omavalitsustel "
    "ja kogukondadel koos kavandada tegevusi valla avatumaks juhtimiseks.</p>",
    "why_cooperate": "<p>Tahame, et valla otsused sünniksid koos elanikega. Sinu teadmised "
    "oma külast, ühendusest ja naabruskonnast on selleks hädavajalikud.</p>",
    "contribution_expected": "<p>Ootame ühendustelt ideid, osalemist töörühmades umbes kord "
    "kuus ning abi info levitamisel oma võrgustikes.</p>",
    "steps": [
        ("Täida huvi avaldamise vorm", "Vorm on selle lehe lõpus; see võtab paar minutit."),
        ("Tule avatud koosolekule", "Tutvustame tegevuskava ja leppime kokku töörühmad."),
        ("Liitu töörühmaga", "Töörühmad kohtuvad umbes kord kuus."),
    ],
    "long_term_goal": "<p>Kohaliku elu korraldamine, milles elanikud ja vald on partnerid.</p>",
    "benefits": "<p>Sinu hääl jõuab otse otsustajateni ja näed, kuidas ettepanekud ellu viiakse.</p>",
    "target_groups": "<p>Külaseltsid, noored, ettevõtjad, eakad ja kõik aktiivsed elanikud.</p>",
    "interest_themes": ["Avatud eelarve", "Noorte kaasamine", "Külade hääl", "Digitaalne vald"],
}

PLAN = {
    "title": "Avatud valitsemise tegevuskava 2026–2028",
    "slug": "tegevuskava-2026-2028",
    "summary": "Tegevuskava koondab 2026.–2028. aastaks kokku lepitud tegevused, mis "
    "muudavad Näidiku valla juhtimise avatumaks.",
    "start_date": datetime.date(2026, 1, 1),
    "end_date": datetime.date(2028, 12, 31),
    "status": "in_progress",
    "monitoring_frequency": "iga kolme kuu tagant",
    "monitoring_every": 3,
    "monitoring_unit": "months",
    "change_procedure": "<p>Muudatusettepanekud arutatakse läbi seirekoosolekul ja "
    "vallavalitsus kinnitab muudetud tegevuskava.</p>",
    "adoption_date": datetime.date(2025, 12, 15),
    "themes": [
        ("Avatud eelarve", "Elanikud näevad ja mõjutavad, kuhu valla raha läheb."),
        ("Kaasamine ja koostöö", "Ühendused ja elanikud osalevad otsuste ettevalmistamisel."),
        ("Avatud info", "Valla info on avalik, arusaadav ja kergesti leitav."),
    ],
}

# The item whose discussion the demo fills (see comments.py).
COMMENTED_ITEM = "kaasav-eelarve"
# The neighbouring municipality borrows this action (with attribution), see neighbour.py.
BORROWED_ITEM = "eelarve-lihtsas-keeles"

# title, slug, theme index, status, progress, quick win, lead org key, start, end, budget,
# OGP values, tags, partners [(org key, role)]
ITEMS = [
    (
        "Kaasava eelarve menetlus",
        "kaasav-eelarve",
        0,
        "in_progress",
        40,
        False,
        "vallavalitsus",
        datetime.date(2026, 2, 1),
        datetime.date(2027, 6, 30),
        "15000",
        ["civic_participation", "public_accountability"],
        ["eelarve", "kaasamine"],
        [("kulaselts", "korraldab külakoosolekud")],
    ),
    (
        "Eelarve lihtsas keeles",
        "eelarve-lihtsas-keeles",
        0,
        "completed",
        100,
        True,
        "vallavalitsus",
        datetime.date(2026, 1, 15),
        datetime.date(2026, 4, 30),
        "1200",
        ["access_to_information"],
        ["eelarve"],
        [],
    ),
    (
        "Volikogu istungite otseülekanded",
        "volikogu-otseulekanded",
        2,
        "in_progress",
        70,
        True,
        "volikogu",
        datetime.date(2026, 3, 1),
        datetime.date(2026, 12, 31),
        "3500",
        ["access_to_information", "technology_and_innovation"],
        ["volikogu"],
        [("arendus", "tehniline teostus")],
    ),
    (
        "Noortekogu ettepanekuõigus",
        "noortekogu-ettepanekuoigus",
        1,
        "planned",
        0,
        False,
        "noortekogu",
        datetime.date(2027, 1, 1),
        datetime.date(2027, 12, 31),
        None,
        ["civic_participation"],
        ["noored"],
        [("vallavalitsus", "nõustab")],
    ),
    (
        "Külade ümarlaud",
        "kulade-umarlaud",
        1,
        "delayed",
        20,
        False,
        "kulaselts",
        datetime.date(2026, 2, 1),
        datetime.date(2026, 10, 31),
        "800",
        ["civic_participation"],
        ["külad", "kaasamine"],
        [("kultuurimaja", "annab ruumid")],
    ),
    (
        "Avaandmete portaal",
        "avaandmete-portaal",
        2,
        "cancelled",
        10,
        False,
        "arendus",
        datetime.date(2026, 4, 1),
        datetime.date(2027, 3, 31),
        "20000",
        ["access_to_information", "technology_and_innovation"],
        ["avaandmed"],
        [],
    ),
    (
        "Dokumendiregistri uuendamine",
        "dokumendiregistri-uuendamine",
        2,
        "in_progress",
        55,
        False,
        "vallavalitsus",
        datetime.date(2026, 5, 1),
        datetime.date(2027, 5, 31),
        "6000",
        ["access_to_information", "public_accountability"],
        ["dokumendid"],
        [],
    ),
    (
        "Keskkonnaotsuste avalik arutelu",
        "keskkonnaotsuste-arutelu",
        1,
        "completed",
        100,
        False,
        "keskkonnaring",
        datetime.date(2026, 1, 10),
        datetime.date(2026, 6, 30),
        "500",
        ["civic_participation"],
        ["keskkond"],
        [("vallavalitsus", "esitab eelnõud")],
    ),
    (
        "Kaasamise hea tava",
        "kaasamise-hea-tava",
        1,
        "planned",
        0,
        True,
        "vallavalitsus",
        datetime.date(2026, 9, 1),
        datetime.date(2027, 2, 28),
        None,
        ["civic_participation", "public_accountability"],
        ["kaasamine"],
        [("kulaselts", "kaasautor"), ("noortekogu", "kaasautor")],
    ),
]

MILESTONES = {
    "kaasav-eelarve": [
        ("Ideede kogumine", datetime.date(2026, 4, 30), datetime.date(2026, 5, 3)),
        (
            "Rahvahääletus",
            datetime.date(2026, 10, 15),
            None,
            "E-hääletuse keskkonna hange venis; hääletus toimub detsembris.",
        ),
        ("Võitnud ideede elluviimine", datetime.date(2027, 6, 30), None),
    ],
    "volikogu-otseulekanded": [
        ("Tehnika hange", datetime.date(2026, 4, 15), datetime.date(2026, 4, 10)),
        ("Esimene otseülekanne", datetime.date(2026, 6, 1), datetime.date(2026, 6, 5)),
    ],
}

# Progress updates (I1): slug -> [(days ago, kind, title, text, status set, progress set)]
# Together they give the plan's "progress over time" picture more than six months of history.
UPDATES = {
    "kaasav-eelarve": [
        (
            240,
            "progress",
            "Kaasava eelarve kord kinnitati",
            "Volikogu kinnitas menetluse korra ja ajakava.",
            "in_progress",
            10,
        ),
        (
            150,
            "progress",
            "Ideede kogumine algas",
            "Ideid saab esitada veebis ja raamatukogus.",
            "",
            25,
        ),
        (60, "progress", "Ideede kogumine lõppes", "Elanikud esitasid 34 ideed.", "", 40),
        (
            30,
            "obstacle",
            "Hääletuse hange venis",
            "E-hääletuse keskkonna hankele ei tulnud esimesel korral ühtegi pakkumist.",
            "delayed",
            None,
        ),
        (
            20,
            "lesson",
            "Paberil hääletamine on vajalik",
            "Eakad elanikud soovivad hääletada raamatukogus paberil; lisame selle võimaluse.",
            "",
            None,
        ),
        (
            10,
            "change",
            "Hääletus lükkub detsembrisse",
            "Volikogu kinnitas uue ajakava.",
            "in_progress",
            45,
        ),
    ],
    "volikogu-otseulekanded": [
        (
            250,
            "progress",
            "Tehnika valik",
            "Võrdlesime kolme pakkuja lahendusi.",
            "in_progress",
            20,
        ),
        (180, "progress", "Tehnika on paigaldatud", "Volikogu saalis on kaamerad ja heli.", "", 50),
        (90, "progress", "Esimene otseülekanne toimus", "Ülekannet vaatas 212 inimest.", "", 80),
    ],
    "eelarve-lihtsas-keeles": [
        (300, "progress", "Tekstid on kirjas", "Eelarve selgitus on koostatud.", "in_progress", 30),
        (250, "progress", "Elanikud proovisid", "Kümme elanikku luges teksti läbi.", "", 70),
        (
            215,
            "progress",
            "Eelarve lihtsas keeles on avaldatud",
            "Selgitus on valla veebis ja vallalehes.",
            "completed",
            100,
        ),
    ],
    "keskkonnaotsuste-arutelu": [
        (
            310,
            "progress",
            "Arutelude kava",
            "Leppisime kokku kolm avalikku arutelu.",
            "in_progress",
            20,
        ),
        (220, "progress", "Kaks arutelu peetud", "Osales kokku 58 inimest.", "", 60),
        (
            160,
            "progress",
            "Arutelud on lõppenud",
            "Ettepanekud on eelnõudesse sisse viidud.",
            "completed",
            100,
        ),
    ],
    "dokumendiregistri-uuendamine": [
        (
            200,
            "progress",
            "Hange on tehtud",
            "Uue registri arendaja on valitud.",
            "in_progress",
            15,
        ),
        (120, "progress", "Otsing töötab", "Dokumente saab otsida täisteksti järgi.", "", 35),
        (45, "progress", "Vanad dokumendid on üle kantud", "Üle kanti 12 000 dokumenti.", "", 55),
    ],
    "kulade-umarlaud": [
        (270, "progress", "Esimene ümarlaud", "Kohtusid kuue küla esindajad.", "in_progress", 10),
        (
            120,
            "obstacle",
            "Ruumid on remondis",
            "Kultuurimaja saali remont venis; ümarlauad jäävad ära, kuni saal valmib.",
            "delayed",
            20,
        ),
    ],
    "avaandmete-portaal": [
        (
            200,
            "progress",
            "Andmete kaardistus",
            "Kaardistasime valla avaldatavad andmed.",
            "in_progress",
            10,
        ),
        (
            100,
            "change",
            "Oma portaalist loobuti",
            "Riik avas kõigile omavalitsustele ühise avaandmete portaali; avaldame andmed seal.",
            "cancelled",
            None,
        ),
    ],
}

PAST_MEETING = {
    "title": "Avatud koosolek: tegevuskava prioriteedid",
    "slug": "avatud-koosolek-prioriteedid",
    "kind": "open",
    "location": "Näidiku Kultuurimaja, suur saal",
    "facilitator": "Anu Arutelu (sõltumatu moderaator)",
    "outside_speakers": "Peeter Partner, naabervalla kogukonnajuht",
    "attendee_count": 34,
    "summary": "Arutasime tegevuskava prioriteete ja leppisime kokku kolm teemat. "
    "Kaasava eelarve menetlus algab 2026. aasta veebruaris.",
    "agenda": [
        {
            "title": "Kas alustada kaasava eelarvega juba 2026. aastal?",
            "discussion": "<p>Osalejad arutasid, kas vald jõuab menetluse ette valmistada.</p>",
            "arguments_for": "<ul><li>Elanikud saavad kohe kaasa rääkida.</li>"
            "<li>Naabervalla kogemus näitab, et see toimib.</li></ul>",
            "arguments_against": "<ul><li>Ettevalmistusaega on vähe.</li>"
            "<li>Eelarve on juba pingeline.</li></ul>",
            "decision": "<p>Alustame 2026. aastal väiksema summaga (15 000 eurot).</p>",
            "responsible": "Kaja Kask",
            # Days after the meeting (the demo's meetings are dated from the day it is built).
            "deadline_days": 14,
            # How it turned out (D3, I1): done ten days after the meeting.
            "decision_state": "done",
            "done_days": 10,
            "action_item": "kaasav-eelarve",
        },
        {
            "title": "Volikogu istungite ülekanded",
            "discussion": "<p>Noortekogu tegi ettepaneku istungid veebis üle kanda.</p>",
            "arguments_for": "<p>Istungid on niigi avalikud; ülekanne teeb need kättesaadavaks.</p>",
            "arguments_against": "<p>Tehnika maksab ja vajab hooldust.</p>",
            "decision": "<p>Kanname üle ka komisjonide istungid; proovime seda kolme nädala "
            "jooksul.</p>",
            "responsible": "Näidiku Vallavolikogu",
            # Three weeks after a meeting a month ago: still open, so overdue.
            "deadline_days": 21,
            "action_item": "volikogu-otseulekanded",
        },
    ],
    "discussed": ["kaasav-eelarve", "volikogu-otseulekanded"],
}

UPCOMING_MEETING = {
    "title": "Seirekoosolek: kuidas tegevuskava edeneb",
    "slug": "seirekoosolek",
    "kind": "monitoring",
    "location": "Näidiku vallamaja, 2. korruse saal",
    "online_url": "https://meet.naidiku.example/seire",
    "facilitator": "Kaja Kask",
    "summary": "Vaatame üle tegevuste edenemise ja arutame, mida muuta.",
    "agenda": [
        {"title": "Tegevuste ülevaade"},
        {"title": "Külade ümarlaua viivitus: mis läks valesti?"},
    ],
    "discussed": ["kulade-umarlaud"],
    # Sign-up (C4): 30 places, the demo's residents below have taken some.
    "signup_open": True,
    "signup_capacity": 30,
    "signup_ask_interpretation": True,
}

# Sign-ups for the upcoming meeting: (name, organisation, accessibility needs, interpretation).
DEMO_SIGNUPS = [
    ("Mari Maasikas", "Näidiku Külade Selts MTÜ", "", ""),
    ("Jaan Tamm", "", "Ratastooliga ligipääs", ""),
    ("Olga Ivanova", "", "", "ru"),
    ("Kalle Kask", "Näidiku Noortekogu", "", ""),
    ("Liis Lepp", "Näidiku Külade Selts MTÜ", "Induktsioonsilmus", ""),
    ("Sergei Smirnov", "", "", "ru"),
]


def home_links(programme, network):
    """The home page's paragraph that leads a resident to the programme and the network
    page (rich text with internal page links, translated like any page text)."""
    return (
        "<p>Näidiku vald teeb koos elanike ja ühendustega avatud valitsemise tegevuskava.</p>"
        f'<ul><li><a linktype="page" id="{programme.pk}">Avatud valitsemine Näidiku vallas</a>'
        ": tegevuskava, kutse osalema ja koosolekud</li>"
        f'<li><a linktype="page" id="{network.pk}">AVP KOV võrgustik</a>'
        ": naabervaldade tegevused, mida saad laenata</li></ul>"
    )
