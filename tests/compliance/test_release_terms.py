"""The release migration that publishes new default screening terms over unedited old ones."""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from crm.compliance import defaults
from crm.compliance.audit import audit_verify
from crm.compliance.default_terms import DEFAULT_SCREENING_TERMS
from crm.compliance.models import AuditEntry, Policy
from crm.compliance.reader import shipped_reader
from crm.compliance.selectors import current_policy

RELEASES = [
    importlib.import_module("crm.compliance.migrations.0004_structural_screening_terms"),
    importlib.import_module("crm.compliance.migrations.0005_wider_screening_vocabulary"),
    importlib.import_module("crm.compliance.migrations.0006_learned_reader"),
    importlib.import_module("crm.compliance.migrations.0007_reader_weights_on_policy"),
]
OLD_TERMS = {"value_terms": {"gift": ["礼品"]}, "lookalike_terms": ["送检"]}

pytestmark = pytest.mark.django_db


def publish(migration) -> None:
    """Run a release migration's publishing step (0007's also records the reader's weights)."""
    (getattr(migration, "publish_release_terms", None) or migration.publish_release)(apps, None)


def test_a_new_installation_starts_on_the_release_terms():
    assert Policy.objects.count() == 1
    assert defaults.terms_digest(current_policy().screening_terms) == defaults.terms_digest(DEFAULT_SCREENING_TERMS)


@pytest.mark.parametrize("migration", RELEASES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_unedited_shipped_terms_are_replaced_by_a_new_version(monkeypatch, migration):
    # version 2: an installation in use (an unused seed policy is completed in place instead)
    Policy.objects.update(screening_terms=OLD_TERMS, meals_per_quarter=5, version=2)
    old = current_policy()
    monkeypatch.setattr(defaults, "SHIPPED_TERM_DIGESTS", frozenset({defaults.terms_digest(OLD_TERMS)}))

    publish(migration)

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

    publish(migration)

    assert Policy.objects.count() == 1
    assert current_policy().screening_terms == edited
    assert not AuditEntry.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="advisory locks are PostgreSQL's")
def test_a_release_migration_holds_the_audit_chain_lock_while_it_appends():
    Policy.objects.filter(pk=current_policy().pk).update(reader_digest="0123456789ab", version=2)
    statements: list[str] = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        publish(RELEASES[-1])  # inside the test's transaction, as inside the migration's
    locked = next(i for i, sql in enumerate(statements) if "pg_advisory_xact_lock" in sql)
    read = next(i for i, sql in enumerate(statements) if sql.startswith("SELECT") and "compliance_auditentry" in sql)
    assert locked < read  # taken before the last row is read, so no other writer chains onto it


def test_the_digest_ignores_key_order():
    assert defaults.terms_digest({"a": [1], "b": [2]}) == defaults.terms_digest({"b": [2], "a": [1]})


def test_a_new_installation_records_the_weights_it_screens_with():
    assert Policy.objects.count() == 1
    assert current_policy().reader_digest == shipped_reader().digest


def test_retrained_weights_are_published_as_a_new_version():
    """A database screened with earlier weights gets a version naming the new ones; findings made
    before keep naming the version (and so the weights) that made them."""
    release = RELEASES[-1]
    old = current_policy()
    Policy.objects.filter(pk=old.pk).update(reader_digest="0123456789ab", version=2)  # not an unused seed

    publish(release)

    new = current_policy()
    assert (new.version, new.reader_digest) == (3, shipped_reader().digest)
    assert new.reader_threshold == old.reader_threshold and new.screening_terms == old.screening_terms
    assert Policy.objects.get(pk=old.pk).reader_digest == "0123456789ab"
    entry = AuditEntry.objects.order_by("-pk").first()
    assert entry.payload["reader_digest"] == shipped_reader().digest and "screening_terms_digest" not in entry.payload
    publish(release)  # run again: the weights are recorded, nothing more is published
    assert Policy.objects.count() == 2


def test_a_policy_with_the_reader_off_records_no_weights():
    Policy.objects.update(reader_threshold=None, reader_digest="", version=2)
    publish(RELEASES[-1])
    assert Policy.objects.count() == 1 and current_policy().reader_digest == ""
