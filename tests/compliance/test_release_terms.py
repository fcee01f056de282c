"""The release migration that publishes new default screening terms over unedited old ones."""

import importlib

import pytest
from django.apps import apps

from crm.compliance import defaults
from crm.compliance.audit import audit_verify
from crm.compliance.default_terms import DEFAULT_SCREENING_TERMS
from crm.compliance.models import AuditEntry, Policy
from crm.compliance.selectors import current_policy

RELEASES = [
    importlib.import_module("crm.compliance.migrations.0004_structural_screening_terms"),
    importlib.import_module("crm.compliance.migrations.0005_wider_screening_vocabulary"),
    importlib.import_module("crm.compliance.migrations.0006_learned_reader"),
    importlib.import_module("crm.compliance.migrations.0007_partner_paid_and_loan_wordings"),
]
OLD_TERMS = {"value_terms": {"gift": ["礼品"]}, "lookalike_terms": ["送检"]}

pytestmark = pytest.mark.django_db


def test_a_new_installation_starts_on_the_release_terms():
    assert Policy.objects.count() == 1
    assert defaults.terms_digest(current_policy().screening_terms) == defaults.terms_digest(DEFAULT_SCREENING_TERMS)


@pytest.mark.parametrize("migration", RELEASES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_unedited_shipped_terms_are_replaced_by_a_new_version(monkeypatch, migration):
    old = current_policy()
    Policy.objects.filter(pk=old.pk).update(screening_terms=OLD_TERMS, meals_per_quarter=5)
    monkeypatch.setattr(defaults, "SHIPPED_TERM_DIGESTS", frozenset({defaults.terms_digest(OLD_TERMS)}))

    migration.publish_release_terms(apps, None)

    new = current_policy()
    assert new.version == old.version + 1
    assert new.screening_terms == DEFAULT_SCREENING_TERMS
    assert new.meals_per_quarter == 5  # the numbers in force are carried over
    assert Policy.objects.get(pk=old.pk).screening_terms == OLD_TERMS  # the old version is kept for old findings
    entry = AuditEntry.objects.order_by("-pk").first()
    assert (entry.action, entry.object_id) == ("policy.published", str(new.pk))
    assert entry.payload["note"] == migration.NOTE
    assert entry.payload["screening_terms_digest"] == defaults.terms_digest(DEFAULT_SCREENING_TERMS)
    assert audit_verify().ok


@pytest.mark.parametrize("migration", RELEASES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_terms_a_reviewer_edited_are_left_alone(monkeypatch, migration):
    edited = {**OLD_TERMS, "lookalike_terms": ["送检", "送样"]}
    Policy.objects.update(screening_terms=edited)
    monkeypatch.setattr(defaults, "SHIPPED_TERM_DIGESTS", frozenset({defaults.terms_digest(OLD_TERMS)}))

    migration.publish_release_terms(apps, None)

    assert Policy.objects.count() == 1
    assert current_policy().screening_terms == edited
    assert not AuditEntry.objects.exists()


def test_the_digest_ignores_key_order():
    assert defaults.terms_digest({"a": [1], "b": [2]}) == defaults.terms_digest({"b": [2], "a": [1]})
