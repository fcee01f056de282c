from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.factories import AssignmentFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_assignment_cannot_end_before_it_starts():
    today = timezone.localdate()
    with pytest.raises(IntegrityError), transaction.atomic():
        AssignmentFactory(starts_on=today, ends_on=today - timedelta(days=1))


def test_partner_names_are_unique_within_a_territory():
    first = OrganizationFactory(name="东湖镇卫生院")
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganizationFactory(name="东湖镇卫生院", territory=first.territory)
    OrganizationFactory(name="东湖镇卫生院")  # same name, another territory
