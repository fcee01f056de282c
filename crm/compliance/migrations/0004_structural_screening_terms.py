"""Publish the release's screening term lists as a new policy version (see ``defaults.publish_release_terms``)."""

from django.db import migrations

NOTE = "随版本更新的筛查词表（按结构与类别组织） / Screening term lists updated with the release"


def publish_release_terms(apps, schema_editor):
    from crm.compliance.defaults import publish_release_terms as publish

    publish(apps, NOTE)


class Migration(migrations.Migration):
    dependencies = [("compliance", "0003_default_policy")]

    operations = [migrations.RunPython(publish_release_terms, migrations.RunPython.noop)]
