import pytest

from crm.people.models import Role
from tests.factories import AssignmentFactory, DepartmentFactory, OrganizationFactory, TerritoryFactory, UserFactory


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests create many users; the production hasher is deliberately slow."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",  # hashes made outside a test (module fixtures)
    ]


@pytest.fixture
def department(db):
    return DepartmentFactory(name="市一院推广部")


@pytest.fixture
def territory(department):
    return TerritoryFactory(name="城东片区", department=department)


@pytest.fixture
def liaison(territory):
    user = UserFactory(username="liaison", full_name="张伟", department=territory.department, role=Role.LIAISON)
    AssignmentFactory(territory=territory, liaison=user)
    return user


@pytest.fixture
def director(department):
    return UserFactory(username="director", full_name="周主任", department=department, role=Role.DIRECTOR)


@pytest.fixture
def reviewer(department):
    return UserFactory(username="reviewer", full_name="孙合规", department=department, role=Role.COMPLIANCE)


@pytest.fixture
def admin_user(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def organization(territory):
    return OrganizationFactory(name="东湖镇卫生院", territory=territory)
