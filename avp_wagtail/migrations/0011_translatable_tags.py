"""Action item tags become translatable (issue 12): every existing tag gets its own
translation key and the default locale (the one of LANGUAGE_CODE, else the first)."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def fill_locale_and_key(apps, schema_editor):
    AvpTag = apps.get_model("avp_wagtail", "AvpTag")
    Locale = apps.get_model("wagtailcore", "Locale")
    tags = list(AvpTag.objects.all())
    if not tags:
        return
    language = settings.LANGUAGE_CODE.split("-")[0].lower()
    locale = (
        Locale.objects.filter(language_code__iexact=settings.LANGUAGE_CODE).first()
        or Locale.objects.filter(language_code__istartswith=language).first()
        or Locale.objects.order_by("pk").first()
    )
    if locale is None:
        locale = Locale.objects.create(language_code=settings.LANGUAGE_CODE)
    for tag in tags:
        tag.translation_key = uuid.uuid4()
        tag.locale = locale
    AvpTag.objects.bulk_update(tags, ["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("avp_wagtail", "0010_monitored_plan_data"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="avptag",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="avptag",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(fill_locale_and_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="avptag",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="avptag",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="avptag",
            unique_together={("translation_key", "locale")},
        ),
    ]
