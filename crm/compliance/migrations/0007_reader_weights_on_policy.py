"""Record on each policy version the learned reader's weights it screens with, and publish this
release's term lists and retrained weights as one new version (over unedited shipped lists)."""

from django.db import migrations, models

NOTE = (
    "随版本更新的筛查词表（对方请客、自付费用、借用设备、方言的说法）与重新训练的学习型筛查 / "
    "Screening term lists (partner-paid, own-cost, equipment-loan and dialect wordings) and the retrained learned reader"
)

EARLIER_WEIGHTS = "7afd47972755"  # pinned: the digest of the reader weights released with 0006


def publish_release(apps, schema_editor):
    from crm.compliance.defaults import publish_release_terms_and_reader

    publish_release_terms_and_reader(apps, NOTE, EARLIER_WEIGHTS)


class Migration(migrations.Migration):
    dependencies = [("compliance", "0006_learned_reader")]

    operations = [
        migrations.AddField(
            model_name="policy",
            name="reader_digest",
            field=models.CharField(
                blank=True,
                default="",
                editable=False,
                help_text=(
                    "Digest of the learned reader's weights this version screens with, recorded when it is "
                    "published: a release with retrained weights publishes a new version, so a policy version "
                    "names the weights too."
                ),
                max_length=12,
                verbose_name="learned reader weights",
            ),
        ),
        migrations.RunPython(publish_release, migrations.RunPython.noop),
    ]
