"""The learned reader (a policy threshold for it, its finding rule, a policy version that turns it
on), and this release's screening term lists over unedited shipped ones."""

from decimal import Decimal

import django.core.validators
from django.conf import settings
from django.db import migrations, models

NOTE = "随版本更新的筛查词表（拒绝、对方付费、第三方的说法） / Screening term lists: more refusals, partner-paid and third-party wordings"
READER_THRESHOLD = Decimal("0.80")  # pinned here: a later change of the default must not rewrite this release
READER_NOTE = "启用学习型筛查（阈值 0.80） / Learned reader turned on (threshold 0.80)"


def publish_release_terms(apps, schema_editor):
    from crm.compliance.defaults import publish_release_terms as publish

    publish(apps, NOTE)


def turn_on_reader(apps, schema_editor):
    from crm.compliance.defaults import publish_release_reader

    publish_release_reader(apps, READER_NOTE, READER_THRESHOLD)


class Migration(migrations.Migration):

    dependencies = [
        ('compliance', '0005_wider_screening_vocabulary'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='policy',
            name='reader_threshold',
            field=models.DecimalField(blank=True, decimal_places=2, help_text='When the term lists find nothing in a note, the learned reader flags it for review if it scores the note at least this high (0.50–0.99), or one sentence at least 1 − (1 − this)/4 (0.95 for 0.80). Lower flags more; leave empty to turn the reader off.', max_digits=3, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0.50')), django.core.validators.MaxValueValidator(Decimal('0.99'))], verbose_name='learned reader threshold'),
        ),
        migrations.AlterField(
            model_name='finding',
            name='rule',
            field=models.CharField(choices=[('declared', 'Declared transfer of value'), ('prohibited_nature', 'Prohibited nature of value'), ('tied_to_referrals', 'Value tied to referrals'), ('donation_to_person', 'Sponsorship or donation to an individual'), ('item_limit', 'Above the per-item limit'), ('annual_cap', 'Annual cap per recipient'), ('meal_frequency', 'Meal frequency'), ('training_value', 'Training offer without stated value'), ('undeclared_text', 'Value mentioned in notes but not declared'), ('value_reader', 'Notes read as recording value given (learned reader)'), ('patient_identifier', 'Patient identifier in the text'), ('amended_after_decision', 'Amended after a decision')], max_length=30, verbose_name='rule'),
        ),
        migrations.AddConstraint(
            model_name='policy',
            constraint=models.CheckConstraint(condition=models.Q(('reader_threshold__isnull', True), models.Q(('reader_threshold__gte', Decimal('0.50')), ('reader_threshold__lte', Decimal('0.99'))), _connector='OR'), name='policy_reader_threshold_range'),
        ),
        migrations.RunPython(publish_release_terms, migrations.RunPython.noop),
        migrations.RunPython(turn_on_reader, migrations.RunPython.noop),
    ]
