"""Demo discussion: comments with every mark, in three languages, and an official response."""

import datetime

from django.apps import apps
from django.utils import timezone

# (key, reply to key, name, language, mark, official, text)
COMMENTS = [
    (
        "c1",
        None,
        "Mari Maasikas",
        "et",
        "for",
        False,
        "Väga hea, et vald lubab elanikel ise otsustada. Küla bussiootepaviljon oleks minu ettepanek.",
    ),
    (
        "c2",
        None,
        "Ivan Petrov",
        "ru",
        "against",
        False,
        "50 000 евро — слишком мало, чтобы каждая деревня что-то получила. Лучше выбрать меньше проектов.",
    ),
    (
        "c3",
        "c2",
        "Näidiku Vallavalitsus",
        "et",
        "neutral",
        True,
        "Aitäh! Esimesel aastal jagame eelarve kolme piirkonna vahel, et iga piirkond saaks vähemalt ühe "
        "projekti. Kogemuse põhjal vaatame summa 2027. aastal üle (vt ka seirekoosoleku protokolli).",
    ),
    (
        "c4",
        None,
        "Liis Kask",
        "et",
        "question",
        False,
        "Kas ideid saab esitada ka paberil, raamatukogus? Kõigil ei ole ID-kaarti.",
    ),
    (
        "c5",
        None,
        "Anna Smith",
        "en",
        "neutral",
        False,
        "Please also publish the voting rules in English for the international families in the parish.",
    ),
    ("c6", "c1", "Jaan Tamm", "et", "for", False, "Toetan! Paviljon on ammu vajalik."),
]


def add_demo_comments(item):
    """Attach the demo discussion to ``item`` (skipped when the comments app is absent)."""
    if not apps.is_installed("avp_wagtail.comments"):
        return []
    from django.contrib.contenttypes.models import ContentType

    from avp_wagtail.comments.models import AvpComment

    now = timezone.now()
    created = {}
    for n, (key, reply_to, name, language, mark, official, text) in enumerate(COMMENTS):
        comment = AvpComment(
            content_type=ContentType.objects.get_for_model(item),
            object_pk=str(item.pk),
            site_id=1,
            user_name=name,
            user_email="",
            comment=text,
            mark=mark,
            language=language,
            is_official_response=official,
            parent_id=created[reply_to].pk if reply_to else 0,
            submit_date=now - datetime.timedelta(days=10 - n),
        )
        comment.save()
        created[key] = comment
    return list(created.values())


def delete_demo_comments(page_ids):
    if apps.is_installed("avp_wagtail.comments"):
        from avp_wagtail.comments.models import AvpComment

        AvpComment.objects.filter(object_pk__in=[str(pk) for pk in page_ids]).delete()
