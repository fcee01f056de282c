"""The learned reader: a second opinion on notes the term lists pass, never a veto."""

import importlib
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.utils import timezone

from crm.compliance import defaults
from crm.compliance.audit import audit_verify
from crm.compliance.default_terms import DEFAULT_SCREENING_TERMS
from crm.compliance.management.commands.screen import evaluate
from crm.compliance.models import AuditEntry, Finding, Policy
from crm.compliance.reader import (
    MAX_QUOTE,
    SENTENCES_FROM,
    Reader,
    grams,
    reader_from_json,
    shipped_reader,
    train_reader,
)
from crm.compliance.screening import VALUE_READER, Screener, fold, get_screener
from crm.compliance.selectors import current_policy
from crm.compliance.services import policy_publish
from crm.interactions.models import ReviewStatus
from crm.interactions.services import TransferInput, interaction_create
from tests.compliance.test_screening import with_check_digit
from tests.factories import ClinicianFactory

DATA = Path(__file__).parent / "data"
RELEASE = importlib.import_module("crm.compliance.migrations.0006_learned_reader")
# Wordings no term list holds (a red envelope "for the baby", a summer place for a child), and a
# plain clinical note; the shipped reader was trained on the labelled corpora, not on these.
UNLISTED_GIFT = "Dr Zhou 的孩子满月，科里凑了个大的，让我当面交给他"
UNLISTED_FAVOUR = "Sorted out a summer place in our lab for Dr Wei's kid"
CLINICAL = "和李医生讨论了两例心衰转诊，资料已补齐。"


def log(liaison, organization, summary, **kw):
    kw.setdefault("kind", "visit")
    return interaction_create(
        author=liaison, organization=organization, occurred_at=timezone.now(), summary=summary, **kw
    )


def lists_only() -> Screener:
    return get_screener(DEFAULT_SCREENING_TERMS)


def with_reader(threshold="0.80") -> Screener:
    return get_screener(DEFAULT_SCREENING_TERMS, Decimal(threshold))


# -- scoring ---------------------------------------------------------------------------------


def test_grams_are_the_one_to_three_character_pieces_of_each_sentence_without_digits():
    assert grams("红包  红包") == {
        "红",
        "包",
        " ",
        "红包",
        "包 ",
        " 红",
        "红包 ",
        "包 红",
        " 红包",
    }  # spaces read as one
    assert grams("收了。退了") == {"收", "了", "退", "收了", "退了"}  # nothing across a sentence end
    assert grams("送500元") == {"送", "元"}  # sums are the term lists' business
    english = grams("dr. li paid. ok")
    assert "r. " in english and "d. " not in english  # "Dr." ends no sentence; "paid." does
    long_note = "送" + "a" * 5000 + "礼"  # past the precomputed slices: the slow path gives the same pieces
    assert grams(long_note) == {"送", "a", "礼", "送a", "aa", "a礼", "送aa", "aaa", "aa礼"}


def test_pure_python_scores_reproduce_the_trained_model():
    sklearn = pytest.importorskip("sklearn.feature_extraction.text")
    notes = [
        ("给王医生送了两盒茶叶", True),
        ("请刘主任吃饭，我们买单", True),
        ("给村医转了500辛苦费", True),
        ("讨论转诊流程", False),
        ("送检标本两份", False),
        ("王医生请假一周", False),
    ] * 3
    reader = train_reader(notes, strength=8)
    from sklearn.linear_model import LogisticRegression

    vectoriser = sklearn.TfidfVectorizer(analyzer=grams, binary=True, use_idf=False, norm="l2", min_df=3)
    matrix = vectoriser.fit_transform([text for text, _ in notes])
    model = LogisticRegression(C=8, max_iter=5000).fit(matrix, [label for _, label in notes])
    for text in ("给刘医生送茶叶", "讨论送检流程", "完全无关的句子"):
        expected = model.predict_proba(vectoriser.transform([text]))[0][1]
        assert reader.probability(text) == pytest.approx(expected, abs=1e-9)


def test_unreadable_weights_are_reported_at_start_up(tmp_path, monkeypatch):
    from crm.compliance import checks, reader

    assert checks.reader_weights_load(None) == []
    broken = tmp_path / "value_reader.json"
    broken.write_text('{"format": "something else"}', "utf-8")
    monkeypatch.setattr(reader, "MODEL_PATH", broken)
    shipped_reader.cache_clear()
    try:
        [error] = checks.reader_weights_load(None)
        assert error.id == "compliance.E001"
    finally:
        shipped_reader.cache_clear()


def test_weights_round_trip_through_json():
    reader = Reader(weights={"红包": 2.5, "送检": -1.25}, bias=-0.5, trained_on="a.jsonl")
    again = reader_from_json(reader.to_json())
    assert again == reader
    assert again.probability("红包") == pytest.approx(reader.probability("红包"))
    with pytest.raises(ValueError, match="unknown reader format"):
        reader_from_json(json.dumps({"format": "other", "weights": {}, "bias": 0}))


def test_the_shipped_reader_tells_value_given_from_clinical_notes():
    reader = shipped_reader()
    assert reader.probability(fold(UNLISTED_GIFT)) >= 0.8
    assert reader.probability(fold(UNLISTED_FAVOUR)) >= 0.8
    assert reader.probability(fold(CLINICAL)) < 0.5


NEWEST = [f"screening_holdout_round{n}.jsonl" for n in (6, 7, 8, 9)]  # eight authors, arrived last


def corpus(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line.strip()]


def test_a_reader_trained_without_the_newest_corpora_lifts_their_recall():
    """The measurement behind the default threshold, repeated: train on every corpus but the
    newest four, then screen those with the lists alone and with the reader at 0.80."""
    pytest.importorskip("sklearn")
    training = [
        (fold(r["text"]), r["tov"])
        for path in sorted(DATA.glob("*.jsonl"))
        if path.name not in NEWEST
        for r in corpus(path.name)
    ]
    reader = train_reader(training)
    rows = [row for name in NEWEST for row in corpus(name)]
    lists = evaluate([(row, lists_only().value_hits(row["text"])) for row in rows])
    screener = Screener(DEFAULT_SCREENING_TERMS, reader, 0.8)
    both = evaluate([(row, screener.value_hits(row["text"])) for row in rows])
    assert lists["recall"] < 0.85 and both["recall"] >= 0.91  # measured: 0.805 alone, 0.917 with the reader
    assert both["precision"] >= lists["precision"] - 0.02  # measured: 0.855 alone, 0.859 with the reader


# -- in the screener ---------------------------------------------------------------------------


def test_reader_flags_what_the_lists_pass():
    assert lists_only().value_hits(UNLISTED_GIFT) == []
    [hit] = with_reader().value_hits(UNLISTED_GIFT)
    assert (hit.rule, hit.severity, hit.nature, hit.match) == (VALUE_READER, "review", "", UNLISTED_GIFT)
    assert 0.8 <= hit.score <= 1


# A reader with a few weights, to follow the arithmetic: 满月 speaks for value, the rest against.
TOY = Reader(weights={"满月": 6.0, "讨论": -1.0, "上午": -1.0, "下午": -1.0, "回院": -1.0}, bias=-1.0)
LONG_NOTE = "上午在卫生院讨论了两例转诊。 科里凑了满月礼 。下午回院。"


def test_a_telling_sentence_in_a_long_note_is_found_and_quoted():
    folded = fold(LONG_NOTE)
    assert TOY.probability(folded) < 0.8  # the note as a whole is mostly clinical
    note, score, start, end = TOY.read(folded)
    assert note == pytest.approx(TOY.probability(folded)) and note < 0.8
    assert score >= 0.95 and folded[start:end].strip() == "科里凑了满月礼"
    [hit] = Screener(DEFAULT_SCREENING_TERMS, TOY, 0.8).value_hits(LONG_NOTE)
    assert hit.match == "科里凑了满月礼" and LONG_NOTE[hit.start : hit.end] == hit.match  # spaces trimmed
    assert hit.score == round(score, 2)
    assert Screener(DEFAULT_SCREENING_TERMS, TOY, 0.99).value_hits(LONG_NOTE) == []  # a sentence needs 0.9975


def test_reader_is_off_without_a_threshold_and_quiet_below_it():
    assert get_screener(DEFAULT_SCREENING_TERMS, None).value_hits(UNLISTED_GIFT) == []
    assert with_reader("0.99").value_hits(UNLISTED_GIFT) == []
    assert with_reader().value_hits(CLINICAL) == []


def test_reader_never_clears_or_replaces_what_the_lists_found():
    note = "给王院长送了两条烟"
    listed = lists_only().value_hits(note)
    assert listed and with_reader("0.50").value_hits(note) == listed
    assert with_reader("0.99").value_hits(note) == listed


def test_sentences_are_not_read_one_by_one_when_the_note_scores_almost_nothing():
    strongly_clinical = Reader(
        weights={**TOY.weights, "讨论": -9.0, "上午": -9.0, "下午": -9.0, "回院": -9.0}, bias=-1.0
    )
    note, best, _, _ = strongly_clinical.read(fold(LONG_NOTE))
    assert note < SENTENCES_FROM and best == note  # the time saved: most notes score this low
    assert strongly_clinical.probability("科里凑了满月礼") > 0.95  # though this sentence alone would flag


def test_the_quote_masks_patient_identifiers():
    [hit] = Screener(DEFAULT_SCREENING_TERMS, TOY, 0.8).value_hits("满月礼交给家属了，电话13812345678")
    assert hit.match == "满月礼交给家属了，电话138****5678"


def test_an_identifier_across_the_quote_limit_is_masked_whole():
    number = with_check_digit("11010119900307317")
    note = "满月礼" + "交给家属了" * 14 + "，身份证" + number + "，已转告。"
    assert len("满月礼" + "交给家属了" * 14 + "，身份证") < MAX_QUOTE < len(note)  # the number straddles the limit
    [hit] = Screener(DEFAULT_SCREENING_TERMS, TOY, 0.8).value_hits(note)
    assert number[6:14] not in hit.match and "110101********" in hit.match and hit.match.endswith("…")


# -- findings and policy ------------------------------------------------------------------------


@pytest.mark.django_db
def test_reader_finding_goes_to_review_unless_value_is_declared(liaison, organization):
    interaction = log(liaison, organization, UNLISTED_GIFT)
    finding = Finding.objects.get(interaction=interaction)
    assert (finding.rule, finding.severity) == ("value_reader", "review")
    assert finding.evidence["match"] == UNLISTED_GIFT and finding.evidence["score"] >= 0.8
    assert finding.evidence["threshold"] == 0.8 and finding.evidence["reader"] == shipped_reader().digest
    score = finding.evidence["score"]
    assert f"{score:.2f}" in finding.message and "0.80" in finding.message and UNLISTED_GIFT in finding.message
    assert interaction.review_status == ReviewStatus.PENDING

    doctor = ClinicianFactory(organization=organization)
    line = TransferInput(nature="gift", description="满月贺礼", amount=Decimal("100"), recipient_clinician=doctor)
    declared = log(liaison, organization, UNLISTED_GIFT, transfers=[line])
    assert not Finding.objects.filter(interaction=declared, rule="value_reader").exists()
    stated = log(
        liaison,
        organization,
        UNLISTED_GIFT,
        kind="training",
        training_format="lecture",
        training_status="offered",
        no_benefit_statement="面向群众的公开讲座，无个人利益",
    )
    assert not Finding.objects.filter(interaction=stated, rule="value_reader").exists()


@pytest.mark.django_db
def test_a_published_version_names_the_weights_it_screens_with(reviewer):
    assert policy_publish(
        author=reviewer, values={"note": "宽一点", "reader_threshold": Decimal("0.70")}
    ).reader_digest == (shipped_reader().digest)
    assert policy_publish(author=reviewer, values={"note": "reader off", "reader_threshold": None}).reader_digest == ""


@pytest.mark.django_db
def test_a_policy_without_threshold_turns_the_reader_off(liaison, organization, reviewer):
    policy_publish(author=reviewer, values={"note": "reader off", "reader_threshold": None})
    interaction = log(liaison, organization, UNLISTED_GIFT)
    assert interaction.review_status == ReviewStatus.CLEAR
    assert not Finding.objects.filter(interaction=interaction).exists()


@pytest.mark.django_db
def test_the_threshold_is_kept_in_range(reviewer):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        policy_publish(author=reviewer, values={"note": "too eager", "reader_threshold": Decimal("0.30")})
    assert "reader_threshold" in error.value.message_dict
    assert current_policy().reader_threshold == Decimal("0.80")


# -- the release migration -------------------------------------------------------------------


@pytest.mark.django_db
def test_a_new_installation_starts_with_the_reader_on():
    assert Policy.objects.count() == 1
    assert current_policy().reader_threshold == defaults.READER_THRESHOLD
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_an_installation_in_use_gets_a_new_audited_version(liaison, organization):
    log(liaison, organization, "给王院长送了两条烟")
    old = current_policy()
    Policy.objects.filter(pk=old.pk).update(reader_threshold=None, meals_per_quarter=5)

    RELEASE.turn_on_reader(apps, None)

    new = current_policy()
    assert (new.version, new.reader_threshold) == (old.version + 1, defaults.READER_THRESHOLD)
    assert new.meals_per_quarter == 5 and new.screening_terms == old.screening_terms
    assert Policy.objects.get(pk=old.pk).reader_threshold is None  # old findings keep their policy as it was
    entry = AuditEntry.objects.order_by("-pk").first()
    assert (entry.action, entry.payload["note"]) == ("policy.published", RELEASE.READER_NOTE)
    assert entry.payload["reader_threshold"] == "0.80"
    assert audit_verify().ok

    RELEASE.turn_on_reader(apps, None)  # run again: the reader is already on, nothing is published
    assert current_policy().version == new.version


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the seed policy comes back afterwards
def test_upgrading_a_database_in_use_through_the_migration_itself():
    """Back to 0005 (the previous release), an audit entry as a database in use has, then forward:
    the historical models, not today's, run the release."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate([("compliance", "0005_wider_screening_vocabulary")])
    old_apps = (
        MigrationExecutor(connection).loader.project_state([("compliance", "0005_wider_screening_vocabulary")]).apps
    )
    policies = old_apps.get_model("compliance", "Policy")
    versions = policies.objects.count()
    old_apps.get_model("compliance", "AuditEntry").objects.create(
        at=timezone.now(),
        actor_id=None,
        action="test.event",
        object_type="policy",
        object_id="1",
        payload={},
        prev_hash="0" * 64,
        hash="x",
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    reader_on = Policy.objects.get(version=versions + 1)  # 0006
    assert reader_on.reader_threshold == RELEASE.READER_THRESHOLD and reader_on.note == RELEASE.READER_NOTE
    assert Policy.objects.get(version=versions).reader_threshold is None
    latest = Policy.objects.order_by("-version").first()  # 0007: the weights now screening, on record
    assert latest.version == versions + 2 and latest.reader_digest == shipped_reader().digest
    assert latest.reader_threshold == RELEASE.READER_THRESHOLD


# -- commands ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_screen_evaluate_counts_what_the_reader_added(tmp_path):
    corpus = tmp_path / "c.jsonl"
    rows = [{"id": 1, "text": UNLISTED_GIFT, "tov": True}, {"id": 2, "text": CLINICAL, "tov": False}]
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    out = io.StringIO()
    call_command("screen", "--evaluate", str(corpus), stdout=out)
    assert "tp=1 fp=0 fn=0 tn=1" in out.getvalue()
    assert "由学习型筛查标记（词表未命中）：1 条，其中正确 1 条" in out.getvalue()
    out = io.StringIO()
    call_command("screen", "--evaluate", str(corpus), "--no-reader", stdout=out)
    assert "tp=0 fp=0 fn=1 tn=1" in out.getvalue()
    out = io.StringIO()
    call_command("screen", "--evaluate", str(corpus), "--reader-threshold", "0.99", stdout=out)
    assert "tp=0 fp=0 fn=1 tn=1" in out.getvalue()  # the gift scores below 0.99
    with pytest.raises(CommandError, match="0.5 到 0.99"):
        call_command("screen", "--evaluate", str(corpus), "--reader-threshold", "0.2")


def test_train_reader_writes_weights_that_load(tmp_path):
    pytest.importorskip("sklearn")
    corpus = tmp_path / "c.jsonl"
    rows = [{"text": "给王医生送了茶叶", "tov": True}, {"text": "讨论转诊流程", "tov": False}] * 3
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    output = tmp_path / "reader.json"
    call_command("train_reader", str(corpus), "-o", str(output), stdout=io.StringIO())
    reader = reader_from_json(output.read_text("utf-8"))
    assert reader.trained_on == "c.jsonl"
    assert reader.probability(fold("给刘医生送茶叶")) > reader.probability(fold("讨论流程"))

    corpus.write_text(json.dumps({"text": "讨论转诊流程", "tov": False}), "utf-8")
    with pytest.raises(CommandError, match="两类记录都要有"):
        call_command("train_reader", str(corpus), "-o", str(output))
    for bad in ('{"text": "no label"}', '{"text": "送了茶叶", "tov": "false"}', "[1]"):
        corpus.write_text(bad, "utf-8")
        with pytest.raises(CommandError, match="第 1 行"):
            call_command("train_reader", str(corpus), "-o", str(output))


@pytest.mark.django_db
def test_versions_findings_were_made_under_are_given_the_weights_of_their_release(liaison, organization):
    """Before 0007 no version recorded its weights: the ones findings point to get the digest of
    the weights released with 0006, then the current weights are published as a new version."""
    release = importlib.import_module("crm.compliance.migrations.0007_reader_weights_on_policy")
    interaction = log(liaison, organization, UNLISTED_GIFT)
    Policy.objects.update(reader_digest="", version=2)
    before = Finding.objects.get(interaction=interaction).policy

    release.publish_release(apps, None)

    assert Policy.objects.get(pk=before.pk).reader_digest == release.EARLIER_WEIGHTS
    assert current_policy().reader_digest == shipped_reader().digest and current_policy().version == 3
    assert audit_verify().ok


@pytest.mark.django_db
def test_weights_changed_without_a_new_policy_version_are_reported(reviewer):
    from crm.compliance.checks import policy_names_the_weights_in_use as check

    assert check(None, databases=["default"]) == []
    Policy.objects.update(reader_digest="0123456789ab")  # as if the weights file were retrained in place
    [warning] = check(None, databases=["default"])
    assert warning.id == "compliance.W002" and "0123456789ab" in warning.msg
    assert check(None) == []  # only where a database is checked (migrate, check --database)
    policy_publish(author=reviewer, values={"note": "重新发布"})  # publishing names the weights in use
    assert check(None, databases=["default"]) == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_weights_check_waits_for_the_migration():
    """``migrate`` runs the check before it applies anything: on a database still at 0006 (no
    reader_digest column yet) it must say nothing rather than fail."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from crm.compliance.checks import policy_names_the_weights_in_use as check

    MigrationExecutor(connection).migrate([("compliance", "0006_learned_reader")])
    try:
        assert check(None, databases=["default"]) == []
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert check(None, databases=["default"]) == []
