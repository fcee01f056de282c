"""Publish this release's screening term lists as a new policy version, over unedited shipped lists."""

from django.db import migrations

NOTE = (
    "随版本更新的筛查词表（对方请客、自付费用、借用设备、方言的说法） / "
    "Screening term lists: partner-paid, own-cost, equipment-loan and dialect wordings"
)


def publish_release_terms(apps, schema_editor):
    from crm.compliance.defaults import publish_release_terms as publish

    publish(apps, NOTE)


class Migration(migrations.Migration):
    dependencies = [("compliance", "0006_learned_reader")]

    operations = [migrations.RunPython(publish_release_terms, migrations.RunPython.noop)]
