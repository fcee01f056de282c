"""Seed policy version 1 with the defaults of the design brief."""

from django.db import migrations


def create_default_policy(apps, schema_editor):
    Policy = apps.get_model("compliance", "Policy")
    if Policy.objects.exists():
        return
    from crm.compliance.defaults import default_policy_values

    Policy.objects.create(**default_policy_values())


class Migration(migrations.Migration):
    dependencies = [("compliance", "0002_initial")]

    operations = [migrations.RunPython(create_default_policy, migrations.RunPython.noop)]
