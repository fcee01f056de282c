"""Structural rules the database itself enforces, whatever path a row takes."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from crm.interactions.models import Kind, Period
from tests.factories import (
    ClinicianFactory,
    InteractionFactory,
    OrganizationFactory,
    SummaryFactory,
    TransferFactory,
)

pytestmark = pytest.mark.django_db


def refused(factory, **kwargs):
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**kwargs)


def test_amount_cannot_be_negative():
    refused(TransferFactory, amount=Decimal("-1.00"))


def test_value_line_has_exactly_one_recipient():
    interaction = InteractionFactory()
    organization = interaction.organization
    clinician = ClinicianFactory(organization=organization)
    refused(
        TransferFactory, interaction=interaction, recipient_clinician=clinician, recipient_organization=organization
    )
    refused(TransferFactory, interaction=interaction, recipient_clinician=None, recipient_organization=None)
    TransferFactory(interaction=interaction, recipient_clinician=None, recipient_organization=organization)


def test_training_fields_belong_to_training_offers():
    refused(InteractionFactory, kind=Kind.TRAINING)  # no format or status
    refused(InteractionFactory, kind=Kind.VISIT, training_format="lecture", training_status="offered")
    InteractionFactory(kind=Kind.TRAINING, training_format="lecture", training_status="offered")


def test_case_fields_belong_to_case_discussions():
    case = {
        "case_code": "ZZ-01",
        "case_age_band": "45-64",
        "case_sex": "F",
        "case_condition_group": "cardiovascular",
        "case_topic": "pre_referral",
    }
    refused(InteractionFactory, kind=Kind.CASE, **{**case, "case_code": ""})
    refused(InteractionFactory, kind=Kind.VISIT, **case)
    refused(InteractionFactory, kind=Kind.VISIT, feedback_due_at=timezone.now())
    InteractionFactory(kind=Kind.CASE, **case)


def test_unknown_kind_is_refused():
    refused(InteractionFactory, kind="payment")


def test_one_summary_per_liaison_and_period():
    first = SummaryFactory(period=Period.WEEKLY)
    refused(SummaryFactory, liaison=first.liaison, period=Period.WEEKLY, period_start=first.period_start)
    SummaryFactory(liaison=first.liaison, period=Period.DAILY, period_start=first.period_start)


def test_late_summary():
    due = timezone.now()
    assert SummaryFactory(due_at=due, submitted_at=due + timedelta(minutes=1)).is_late
    assert not SummaryFactory(due_at=due, submitted_at=due).is_late
    assert not SummaryFactory(due_at=due, submitted_at=None).is_late


def test_agreement_cannot_expire_before_it_is_signed():
    today = timezone.localdate()
    refused(OrganizationFactory, agreement_signed_on=today, agreement_expires_on=today - timedelta(days=1))
