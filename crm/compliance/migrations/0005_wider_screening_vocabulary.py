"""Publish this release's wider screening vocabulary as a new policy version, over unedited shipped lists."""

from django.db import migrations

NOTE = "随版本更新的筛查词表（扩充词汇与结构） / Screening term lists widened with the release"


def publish_release_terms(apps, schema_editor):
    from crm.compliance.defaults import publish_release_terms as publish

    publish(apps, NOTE)


class Migration(migrations.Migration):
    dependencies = [("compliance", "0004_structural_screening_terms")]

    operations = [migrations.RunPython(publish_release_terms, migrations.RunPython.noop)]
