from django.db import migrations

# A frozen copy of the starting texts: later edits of notices.DEFAULTS must not change this migration.
from hogo.disclosure.notices import DEFAULTS


def create_templates(apps, schema_editor):
    NoticeTemplate = apps.get_model("disclosure", "NoticeTemplate")
    for outcome, (title, body) in DEFAULTS.items():
        NoticeTemplate.objects.get_or_create(outcome=outcome, defaults={"title": title, "body": body})


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0001_initial")]
    operations = [migrations.RunPython(create_templates, migrations.RunPython.noop)]
