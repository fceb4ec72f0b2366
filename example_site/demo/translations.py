"""English and Russian translations of the demo's Estonian texts, fed to wagtail-localize.

Keys are the Estonian source strings exactly as wagtail-localize extracts them (one per
paragraph or list item of rich text). Slugs and the generated item summaries are derived in
``localize.py`` from the translated titles.
"""

TRANSLATIONS = {
    "Kaasava eelarve kord kinnitati": (
        "The participatory budgeting procedure was approved",
        "Порядок инициативного бюджетирования утверждён",
    ),
    "Volikogu kinnitas menetluse korra ja ajakava.": (
        "The council approved the procedure and the timetable.",
        "Совет утвердил порядок и график.",
    ),
    "Ideede kogumine algas": ("Collecting ideas has begun", "Начался сбор идей"),
    "Ideid saab esitada veebis ja raamatukogus.": (
        "Ideas can be submitted online and at the library.",
        "Идеи можно подать на сайте и в библиотеке.",
    ),
    "Tehnika valik": ("Choosing the equipment", "Выбор техники"),
    "Võrdlesime kolme pakkuja lahendusi.": (
        "We compared the solutions of three suppliers.",
        "Мы сравнили решения трёх поставщиков.",
    ),
    "Tehnika on paigaldatud": ("The equipment is installed", "Техника установлена"),
    "Volikogu saalis on kaamerad ja heli.": (
        "The council chamber has cameras and sound.",
        "В зале совета установлены камеры и звук.",
    ),
    "Tekstid on kirjas": ("The texts are written", "Тексты написаны"),
    "Eelarve selgitus on koostatud.": (
        "The explanation of the budget is ready.",
        "Пояснение к бюджету подготовлено.",
    ),
    "Elanikud proovisid": ("Residents tried it out", "Жители опробовали текст"),
    "Kümme elanikku luges teksti läbi.": (
        "Ten residents read the text through.",
        "Десять жителей прочитали текст.",
    ),
    "Eelarve lihtsas keeles on avaldatud": (
        "The budget in plain language is published",
        "Бюджет простым языком опубликован",
    ),
    "Selgitus on valla veebis ja vallalehes.": (
        "The explanation is on the municipality's website and in its newspaper.",
        "Пояснение опубликовано на сайте и в газете волости.",
    ),
    "Arutelude kava": ("A plan for the discussions", "План обсуждений"),
    "Leppisime kokku kolm avalikku arutelu.": (
        "We agreed on three public discussions.",
        "Мы договорились о трёх публичных обсуждениях.",
    ),
    "Kaks arutelu peetud": ("Two discussions held", "Проведены два обсуждения"),
    "Osales kokku 58 inimest.": ("58 people took part in all.", "Всего участвовали 58 человек."),
    "Arutelud on lõppenud": ("The discussions have ended", "Обсуждения завершены"),
    "Ettepanekud on eelnõudesse sisse viidud.": (
        "The proposals have been written into the drafts.",
        "Предложения внесены в проекты.",
    ),
    "Hange on tehtud": ("The procurement is done", "Закупка проведена"),
    "Uue registri arendaja on valitud.": (
        "The developer of the new register has been chosen.",
        "Разработчик нового регистра выбран.",
    ),
    "Otsing töötab": ("Search works", "Поиск работает"),
    "Dokumente saab otsida täisteksti järgi.": (
        "Documents can be searched by their full text.",
        "Документы можно искать по полному тексту.",
    ),
    "Vanad dokumendid on üle kantud": (
        "The old documents have been moved over",
        "Старые документы перенесены",
    ),
    "Üle kanti 12 000 dokumenti.": (
        "12,000 documents were moved over.",
        "Перенесено 12 000 документов.",
    ),
    "Esimene ümarlaud": ("The first round table", "Первый круглый стол"),
    "Kohtusid kuue küla esindajad.": (
        "Representatives of six villages met.",
        "Встретились представители шести деревень.",
    ),
    "Ruumid on remondis": ("The hall is under repair", "Зал на ремонте"),
    "Kultuurimaja saali remont venis; ümarlauad jäävad ära, kuni saal valmib.": (
        "The repair of the cultural centre's hall has been delayed; the round tables are off until the hall is ready.",
        "Ремонт зала Дома культуры затянулся; круглые столы не проводятся, пока зал не будет готов.",
    ),
    "Andmete kaardistus": ("Mapping the data", "Перечень данных"),
    "Kaardistasime valla avaldatavad andmed.": (
        "We listed the data the municipality can publish.",
        "Мы составили перечень данных, которые волость может опубликовать.",
    ),
    "Oma portaalist loobuti": ("Our own portal was dropped", "От собственного портала отказались"),
    "Riik avas kõigile omavalitsustele ühise avaandmete portaali; avaldame andmed seal.": (
        "The state opened a shared open data portal for all municipalities; we publish our data there.",
        "Государство открыло общий портал открытых данных для всех самоуправлений; мы публикуем данные там.",
    ),
    # The home page: its title and the paragraph that links the programme and network page
    "Näidiku vald": ("Näidiku municipality", "Волость Нэйдику"),
    "Näidiku vald teeb koos elanike ja ühendustega avatud valitsemise tegevuskava.": (
        "Näidiku municipality makes an open government action plan together with residents "
        "and civil society organisations.",
        "Волость Нэйдику составляет план действий открытого управления вместе с жителями и "
        "гражданскими объединениями.",
    ),
    '<a id="a1">Avatud valitsemine Näidiku vallas</a>: tegevuskava, kutse osalema ja koosolekud': (
        '<a id="a1">Open government in Näidiku</a>: the action plan, the call to take part '
        "and the meetings",
        '<a id="a1">Открытое управление в волости Нэйдику</a>: план действий, приглашение '
        "к участию и встречи",
    ),
    '<a id="a1">AVP KOV võrgustik</a>: naabervaldade tegevused, mida saad laenata': (
        '<a id="a1">AVP KOV network</a>: actions of neighbouring municipalities you can borrow',
        '<a id="a1">Сеть AVP KOV</a>: действия соседних самоуправлений, которые можно '
        "позаимствовать",
    ),
    "AVP KOV võrgustik": ("AVP KOV network", "Сеть AVP KOV"),
    "Siin on kõigi selle veebi omavalitsuste tegevuskavad ja tegevused. Hea mõte ei peatu "
    "valla piiril: laena julgelt.": (
        "The action plans and actions of every municipality on this website. A good idea "
        "does not stop at the municipal border: borrow freely.",
        "Планы действий и действия всех самоуправлений этого сайта. Хорошая идея не "
        "останавливается на границе волости: заимствуйте смело.",
    ),
    # Carrying out: progress updates and a milestone's delay
    "E-hääletuse keskkonna hange venis; hääletus toimub detsembris.": (
        "The procurement of the e-voting platform took longer; the vote takes place in December.",
        "Закупка платформы электронного голосования затянулась; голосование пройдёт в декабре.",
    ),
    "Ideede kogumine lõppes": ("Collecting ideas has ended", "Сбор идей завершён"),
    "Elanikud esitasid 34 ideed.": ("Residents submitted 34 ideas.", "Жители подали 34 идеи."),
    "Hääletuse hange venis": (
        "The procurement for the vote was delayed",
        "Закупка для голосования затянулась",
    ),
    "E-hääletuse keskkonna hankele ei tulnud esimesel korral ühtegi pakkumist.": (
        "The first call for tenders for the e-voting platform received no bids.",
        "На первый конкурс на платформу электронного голосования не поступило ни одного предложения.",
    ),
    "Paberil hääletamine on vajalik": ("Voting on paper is needed", "Нужно голосование на бумаге"),
    "Eakad elanikud soovivad hääletada raamatukogus paberil; lisame selle võimaluse.": (
        "Older residents want to vote on paper in the library; we are adding that option.",
        "Пожилые жители хотят голосовать на бумаге в библиотеке; мы добавим такую возможность.",
    ),
    "Hääletus lükkub detsembrisse": (
        "The vote moves to December",
        "Голосование переносится на декабрь",
    ),
    "Volikogu kinnitas uue ajakava.": (
        "The council approved the new schedule.",
        "Совет утвердил новый график.",
    ),
    "Esimene otseülekanne toimus": (
        "The first live stream took place",
        "Состоялась первая прямая трансляция",
    ),
    "Ülekannet vaatas 212 inimest.": (
        "212 people watched the stream.",
        "Трансляцию посмотрели 212 человек.",
    ),
    # Programme
    "Avatud valitsemine Näidiku vallas": (
        "Open government in Näidiku",
        "Открытое управление в волости Нэйдику",
    ),
    "Näidiku vald liitus avatud valitsemise partnerlusega kohalikele omavalitsustele (AVP KOV). Koos kodanikuühenduste ja aktiivsete elanikega kavandame konkreetseid tegevusi, mis muudavad valla juhtimise avatumaks.": (
        "Näidiku joined the Open Government Partnership for local governments (AVP KOV). Together with civil society organisations and active residents we plan concrete actions that make the municipality's governance more open.",
        "Волость Нэйдику присоединилась к партнёрству открытого управления для местных самоуправлений (AVP KOV). Вместе с гражданскими объединениями и активными жителями мы планируем конкретные действия, которые делают управление волостью более открытым.",
    ),
    "Teeme koos kohaliku elu korraldamise avatumaks, läbipaistvamaks ja kaasavamaks, et otsused arvestaksid elanike vajaduste ja huvidega.": (
        "Together we make running local life more open, transparent and inclusive, so that decisions take residents' needs and interests into account.",
        "Вместе мы делаем организацию местной жизни более открытой, прозрачной и инклюзивной, чтобы решения учитывали потребности и интересы жителей.",
    ),
    "Info on avalik ja kergesti leitav.": (
        "Information is public and easy to find.",
        "Информация открыта и легко находится.",
    ),
    "Elanikud saavad otsuste tegemises kaasa rääkida.": (
        "Residents have a say in decisions.",
        "Жители могут участвовать в принятии решений.",
    ),
    "Vald annab aru, mida on tehtud ja mis jäi tegemata.": (
        "The municipality reports what was done and what was not.",
        "Волость отчитывается о том, что сделано и что не удалось.",
    ),
    "Uued tehnoloogiad teenivad avatust.": (
        "New technologies serve openness.",
        "Новые технологии служат открытости.",
    ),
    "Pikaajaline strateegiline partnerlus ühenduste ja valla vahel, otsused, mis arvestavad elanike vajadustega, ning konkreetsed tegevused, mis teevad valla juhtimise avatumaks.": (
        "A long-term strategic partnership between organisations and the municipality, decisions that take residents' needs into account, and concrete actions that make governance more open.",
        "Долгосрочное стратегическое партнёрство между объединениями и волостью, решения с учётом потребностей жителей и конкретные действия, делающие управление более открытым.",
    ),
    # Call to participate
    "Kutse osalema avatud valitsemise tegevuskava elluviimises": (
        "Call to take part in carrying out the open government action plan",
        "Приглашение участвовать в выполнении плана действий открытого управления",
    ),
    "AVP KOV on üle-eestiline algatus, mis aitab kohalikel omavalitsustel ja kogukondadel koos kavandada tegevusi valla avatumaks juhtimiseks.": (
        "AVP KOV is a nationwide initiative that helps local governments and communities plan together the actions that make a municipality's governance more open.",
        "AVP KOV — общеэстонская инициатива, которая помогает местным самоуправлениям и сообществам вместе планировать действия для более открытого управления.",
    ),
    "Tahame, et valla otsused sünniksid koos elanikega. Sinu teadmised oma külast, ühendusest ja naabruskonnast on selleks hädavajalikud.": (
        "We want the municipality's decisions to be made together with residents. Your knowledge of your village, organisation and neighbourhood is essential for that.",
        "Мы хотим, чтобы решения волости принимались вместе с жителями. Ваши знания о своей деревне, объединении и соседях для этого необходимы.",
    ),
    "Ootame ühendustelt ideid, osalemist töörühmades umbes kord kuus ning abi info levitamisel oma võrgustikes.": (
        "We hope organisations bring ideas, take part in working groups about once a month and help spread the word in their networks.",
        "Мы ждём от объединений идей, участия в рабочих группах примерно раз в месяц и помощи в распространении информации в своих сетях.",
    ),
    "Täida huvi avaldamise vorm": (
        "Fill in the expression-of-interest form",
        "Заполните форму выражения интереса",
    ),
    "Vorm on selle lehe lõpus; see võtab paar minutit.": (
        "The form is at the end of this page; it takes a couple of minutes.",
        "Форма находится в конце этой страницы; это займёт пару минут.",
    ),
    "Tule avatud koosolekule": ("Come to the open meeting", "Приходите на открытое собрание"),
    "Tutvustame tegevuskava ja leppime kokku töörühmad.": (
        "We present the action plan and agree on the working groups.",
        "Мы представим план действий и договоримся о рабочих группах.",
    ),
    "Liitu töörühmaga": ("Join a working group", "Присоединяйтесь к рабочей группе"),
    "Töörühmad kohtuvad umbes kord kuus.": (
        "Working groups meet about once a month.",
        "Рабочие группы встречаются примерно раз в месяц.",
    ),
    "Kohaliku elu korraldamine, milles elanikud ja vald on partnerid.": (
        "Local life run by residents and the municipality as partners.",
        "Организация местной жизни, в которой жители и волость — партнёры.",
    ),
    "Sinu hääl jõuab otse otsustajateni ja näed, kuidas ettepanekud ellu viiakse.": (
        "Your voice reaches the decision-makers directly and you see how proposals are carried out.",
        "Ваш голос доходит прямо до тех, кто принимает решения, и вы видите, как выполняются предложения.",
    ),
    "Külaseltsid, noored, ettevõtjad, eakad ja kõik aktiivsed elanikud.": (
        "Village societies, young people, entrepreneurs, older people and all active residents.",
        "Деревенские общества, молодёжь, предприниматели, пожилые люди и все активные жители.",
    ),
    "Avatud eelarve": ("Open budget", "Открытый бюджет"),
    "Noorte kaasamine": ("Youth participation", "Вовлечение молодёжи"),
    "Külade hääl": ("The villages' voice", "Голос деревень"),
    "Digitaalne vald": ("Digital municipality", "Цифровая волость"),
    # Action plan
    "Avatud valitsemise tegevuskava 2026–2028": (
        "Open government action plan 2026–2028",
        "План действий открытого управления на 2026–2028 годы",
    ),
    "Tegevuskava koondab 2026.–2028. aastaks kokku lepitud tegevused, mis muudavad Näidiku valla juhtimise avatumaks.": (
        "The plan brings together the actions agreed for 2026–2028 that make the governance of Näidiku more open.",
        "План объединяет согласованные на 2026–2028 годы действия, которые делают управление волостью Нэйдику более открытым.",
    ),
    "iga kolme kuu tagant": ("every three months", "раз в три месяца"),
    "Muudatusettepanekud arutatakse läbi seirekoosolekul ja vallavalitsus kinnitab muudetud tegevuskava.": (
        "Proposed changes are discussed at a monitoring meeting and the rural municipality government approves the amended plan.",
        "Предложения об изменениях обсуждаются на мониторинговой встрече, и волостная управа утверждает изменённый план.",
    ),
    "Elanikud näevad ja mõjutavad, kuhu valla raha läheb.": (
        "Residents see and influence where the municipality's money goes.",
        "Жители видят и влияют на то, куда идут деньги волости.",
    ),
    "Kaasamine ja koostöö": ("Participation and cooperation", "Вовлечение и сотрудничество"),
    "Ühendused ja elanikud osalevad otsuste ettevalmistamisel.": (
        "Organisations and residents take part in preparing decisions.",
        "Объединения и жители участвуют в подготовке решений.",
    ),
    "Avatud info": ("Open information", "Открытая информация"),
    "Valla info on avalik, arusaadav ja kergesti leitav.": (
        "The municipality's information is public, understandable and easy to find.",
        "Информация волости открыта, понятна и легко находится.",
    ),
    # Action items (titles; summaries are derived from them)
    "Kaasava eelarve menetlus": ("Participatory budgeting", "Процедура инициативного бюджета"),
    "Eelarve lihtsas keeles": ("The budget in plain language", "Бюджет простым языком"),
    "Volikogu istungite otseülekanded": (
        "Live streams of council sessions",
        "Прямые трансляции заседаний волостного собрания",
    ),
    "Noortekogu ettepanekuõigus": (
        "The youth council's right of initiative",
        "Право молодёжного совета вносить предложения",
    ),
    "Külade ümarlaud": ("Villages' round table", "Круглый стол деревень"),
    "Avaandmete portaal": ("Open data portal", "Портал открытых данных"),
    "Dokumendiregistri uuendamine": (
        "Renewing the document register",
        "Обновление регистра документов",
    ),
    "Keskkonnaotsuste avalik arutelu": (
        "Public discussion of environmental decisions",
        "Публичное обсуждение экологических решений",
    ),
    "Kaasamise hea tava": ("Good practice of participation", "Добрая практика вовлечения"),
    "Elanikud ei tea piisavalt, kuidas otsused sünnivad.": (
        "Residents do not know enough about how decisions are made.",
        "Жители недостаточно знают о том, как принимаются решения.",
    ),
    "Valmistame tegevuse koos partneritega ette ja viime ellu.": (
        "We prepare and carry out the action together with our partners.",
        "Мы готовим и выполняем мероприятие вместе с партнёрами.",
    ),
    "Elanikud saavad rohkem infot ja võimalusi kaasa rääkida.": (
        "Residents get more information and more chances to have their say.",
        "Жители получают больше информации и возможностей высказаться.",
    ),
    "valla eelarve": ("municipal budget", "бюджет волости"),
    "kogukonnakoostöö spetsialist 0,2 kohta": (
        "0.2 FTE of the community cooperation specialist",
        "0,2 ставки специалиста по работе с общественностью",
    ),
    "Ideede kogumine": ("Collecting ideas", "Сбор идей"),
    "Rahvahääletus": ("Public vote", "Народное голосование"),
    "Võitnud ideede elluviimine": ("Carrying out the winning ideas", "Выполнение победивших идей"),
    "Tehnika hange": ("Procuring the equipment", "Закупка техники"),
    "Esimene otseülekanne": ("First live stream", "Первая прямая трансляция"),
    "korraldab külakoosolekud": (
        "organises the village meetings",
        "организует деревенские собрания",
    ),
    "tehniline teostus": ("technical implementation", "техническое исполнение"),
    "nõustab": ("advises", "консультирует"),
    "annab ruumid": ("provides the rooms", "предоставляет помещения"),
    "esitab eelnõud": ("presents the drafts", "представляет проекты"),
    "kaasautor": ("co-author", "соавтор"),
    # Meetings
    "Avatud koosolek: tegevuskava prioriteedid": (
        "Open meeting: the action plan's priorities",
        "Открытое собрание: приоритеты плана действий",
    ),
    "Näidiku Kultuurimaja, suur saal": (
        "Näidiku Culture House, main hall",
        "Дом культуры Нэйдику, большой зал",
    ),
    "Anu Arutelu (sõltumatu moderaator)": (
        "Anu Arutelu (independent moderator)",
        "Ану Арутелу (независимый модератор)",
    ),
    "Peeter Partner, naabervalla kogukonnajuht": (
        "Peeter Partner, community leader from the neighbouring municipality",
        "Пеэтер Партнер, руководитель сообщества соседней волости",
    ),
    "Arutasime tegevuskava prioriteete ja leppisime kokku kolm teemat. Kaasava eelarve menetlus algab 2026. aasta veebruaris.": (
        "We discussed the plan's priorities and agreed on three themes. Participatory budgeting starts in February 2026.",
        "Мы обсудили приоритеты плана и договорились о трёх темах. Процедура инициативного бюджета начнётся в феврале 2026 года.",
    ),
    "Kas alustada kaasava eelarvega juba 2026. aastal?": (
        "Should participatory budgeting start as early as 2026?",
        "Начинать ли инициативный бюджет уже в 2026 году?",
    ),
    "Osalejad arutasid, kas vald jõuab menetluse ette valmistada.": (
        "Participants discussed whether the municipality can prepare the procedure in time.",
        "Участники обсудили, успеет ли волость подготовить процедуру.",
    ),
    "Elanikud saavad kohe kaasa rääkida.": (
        "Residents get a say straight away.",
        "Жители сразу смогут высказаться.",
    ),
    "Naabervalla kogemus näitab, et see toimib.": (
        "The neighbouring municipality's experience shows that it works.",
        "Опыт соседней волости показывает, что это работает.",
    ),
    "Ettevalmistusaega on vähe.": (
        "There is little time to prepare.",
        "Времени на подготовку мало.",
    ),
    "Eelarve on juba pingeline.": ("The budget is already tight.", "Бюджет и так напряжённый."),
    "Alustame 2026. aastal väiksema summaga (15 000 eurot).": (
        "We start in 2026 with a smaller sum (15,000 euros).",
        "Начинаем в 2026 году с меньшей суммы (15 000 евро).",
    ),
    "Kaja Kask": ("Kaja Kask", "Кая Каск"),
    "Volikogu istungite ülekanded": ("Streaming council sessions", "Трансляции заседаний собрания"),
    "Noortekogu tegi ettepaneku istungid veebis üle kanda.": (
        "The youth council proposed streaming the sessions online.",
        "Молодёжный совет предложил транслировать заседания в интернете.",
    ),
    "Istungid on niigi avalikud; ülekanne teeb need kättesaadavaks.": (
        "The sessions are public anyway; streaming makes them accessible.",
        "Заседания и так открыты; трансляция делает их доступными.",
    ),
    "Tehnika maksab ja vajab hooldust.": (
        "Equipment costs money and needs maintenance.",
        "Техника стоит денег и требует обслуживания.",
    ),
    "Kanname üle ka komisjonide istungid; proovime seda kolme nädala jooksul.": (
        "We also stream the committee sessions; we try it within three weeks.",
        "Транслируем и заседания комиссий; попробуем в течение трёх недель.",
    ),
    "Seirekoosolek: kuidas tegevuskava edeneb": (
        "Monitoring meeting: how the action plan is progressing",
        "Мониторинговая встреча: как продвигается план действий",
    ),
    "Näidiku vallamaja, 2. korruse saal": (
        "Näidiku municipal building, 2nd floor hall",
        "Здание волостной управы Нэйдику, зал на 2-м этаже",
    ),
    "Vaatame üle tegevuste edenemise ja arutame, mida muuta.": (
        "We review how the actions are progressing and discuss what to change.",
        "Мы рассмотрим ход мероприятий и обсудим, что изменить.",
    ),
    "Tegevuste ülevaade": ("Overview of the actions", "Обзор мероприятий"),
    "Külade ümarlaua viivitus: mis läks valesti?": (
        "The villages' round table is late: what went wrong?",
        "Задержка круглого стола деревень: что пошло не так?",
    ),
    # Organisations and people
    "Näidiku Vallavalitsus": ("Näidiku Rural Municipality Government", "Волостная управа Нэйдику"),
    "Valla täitevorgan, mis korraldab valla igapäevaelu.": (
        "The municipality's executive body, running its day-to-day life.",
        "Исполнительный орган волости, организующий её повседневную жизнь.",
    ),
    "Näidiku Vallavolikogu": ("Näidiku Municipal Council", "Волостное собрание Нэйдику"),
    "Valla esinduskogu, mille istungid on avalikud.": (
        "The municipality's elected council, whose sessions are public.",
        "Представительный орган волости, заседания которого открыты.",
    ),
    "Näidiku Kultuurimaja": ("Näidiku Culture House", "Дом культуры Нэйдику"),
    "Valla allasutus, kus toimuvad avalikud koosolekud ja üritused.": (
        "A municipal institution hosting public meetings and events.",
        "Муниципальное учреждение, где проходят открытые собрания и мероприятия.",
    ),
    "Näidiku Külade Selts MTÜ": (
        "Näidiku Villages' Society (NGO)",
        "НКО «Общество деревень Нэйдику»",
    ),
    "Ühendab valla külaseltse ja esindab külade huve.": (
        "Brings the village societies together and represents the villages' interests.",
        "Объединяет деревенские общества волости и представляет интересы деревень.",
    ),
    "Näidiku Noortekogu": ("Näidiku Youth Council", "Молодёжный совет Нэйдику"),
    "Valla noorte esinduskogu.": (
        "The representative body of the municipality's young people.",
        "Представительный орган молодёжи волости.",
    ),
    "Roheline Näidiku MTÜ": ("Green Näidiku (NGO)", "НКО «Зелёный Нэйдику»"),
    "Kohalik keskkonnaühendus.": (
        "A local environmental organisation.",
        "Местное экологическое объединение.",
    ),
    "Näidiku Arendus OÜ": ("Näidiku Arendus Ltd", "ООО «Näidiku Arendus»"),
    "Kohalik ettevõte, mis aitab veebilahendustega.": (
        "A local company that helps with web solutions.",
        "Местная компания, помогающая с веб-решениями.",
    ),
    "kogukonnakoostöö spetsialist": (
        "community cooperation specialist",
        "специалист по работе с общественностью",
    ),
    "vallavolikogu esimees": ("chair of the municipal council", "председатель волостного собрания"),
    "juhatuse liige": ("board member", "член правления"),
    "noortekogu esimees": ("chair of the youth council", "председатель молодёжного совета"),
    # Action item tags (translatable snippets)
    "avaandmed": ("open data", "открытые данные"),
    "dokumendid": ("documents", "документы"),
    "eelarve": ("budget", "бюджет"),
    "kaasamine": ("participation", "вовлечение"),
    "keskkond": ("environment", "окружающая среда"),
    "külad": ("villages", "деревни"),
    "noored": ("youth", "молодёжь"),
    "volikogu": ("council", "волостное собрание"),
}

ITEM_SUMMARY_SUFFIX = {
    "et": ": tegevus, mis muudab Näidiku valla juhtimise avatumaks.",
    "en": ": an action that makes the governance of Näidiku more open.",
    "ru": ": мероприятие, которое делает управление волостью Нэйдику более открытым.",
}
