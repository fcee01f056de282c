"""factory_boy factories for the domain; each builds a valid row with its relations."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from crm.interactions.models import FollowUp, Interaction, Kind, Period, Summary, TransferOfValue
from crm.partners.models import Clinician, Organization, OrganizationKind, Territory, TerritoryAssignment
from crm.people.models import Department, Role, User


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"推广部{n}")
    hospital = "市第一人民医院"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"员工{n}")
    department = factory.SubFactory(DepartmentFactory)
    password = factory.PostGenerationMethodCall("set_password", "pw-for-tests-1")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(Group.objects.get(name=extracted))
        if create:
            self.save()


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory

    name = factory.Sequence(lambda n: f"片区{n}")
    code = factory.Sequence(lambda n: f"t{n}")
    department = factory.SubFactory(DepartmentFactory)


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TerritoryAssignment

    territory = factory.SubFactory(TerritoryFactory)
    liaison = factory.SubFactory(UserFactory, role=Role.LIAISON)
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=365))


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"东湖镇卫生院{n}")
    kind = OrganizationKind.TOWNSHIP_HEALTH
    territory = factory.SubFactory(TerritoryFactory)


class ClinicianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Clinician

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"王医生{n}")


class InteractionFactory(factory.django.DjangoModelFactory):
    """A plain visit row written directly (for scoping and list tests); rule tests use the service."""

    class Meta:
        model = Interaction

    kind = Kind.VISIT
    organization = factory.SubFactory(OrganizationFactory)
    liaison = factory.SubFactory(UserFactory, role=Role.LIAISON)
    occurred_at = factory.LazyFunction(timezone.now)
    summary = "常规随访，沟通双向转诊流程。"


class TransferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TransferOfValue

    interaction = factory.SubFactory(InteractionFactory)
    nature = "food"
    description = "工作餐"
    amount = Decimal("80.00")
    recipient_clinician = factory.SubFactory(
        ClinicianFactory, organization=factory.SelfAttribute("..interaction.organization")
    )
    value_date = factory.LazyAttribute(lambda o: timezone.localdate(o.interaction.occurred_at))


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    organization = factory.SubFactory(OrganizationFactory)
    liaison = factory.SubFactory(UserFactory, role=Role.LIAISON)
    due_on = factory.LazyFunction(timezone.localdate)
    description = "电话回访"


class SummaryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Summary

    liaison = factory.SubFactory(UserFactory, role=Role.LIAISON)
    period = Period.DAILY
    period_start = factory.LazyFunction(timezone.localdate)
    due_at = factory.LazyFunction(timezone.now)
