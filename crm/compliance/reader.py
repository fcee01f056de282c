"""The learned reader: a second opinion on notes the term lists pass.

Term lists catch the wordings someone has listed; each new writer brings wordings nobody listed
(dialect, slang, ledger shorthand). The reader is a logistic regression over the character 2- and
3-grams present in a note, trained on the labelled corpora in ``tests/compliance/data``. It only
ever *adds* a flag for review (never clears one the lists raised), and its finding quotes the
sentence it found most telling, so the reviewer sees why. The policy's ``reader_threshold``
decides how sure it must be; an empty threshold turns it off.

Scoring is pure Python and needs nothing installed; training (``crm train_reader``) needs
scikit-learn, which the ``learn`` and ``test`` extras install.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("value_reader.json")
FORMAT = "char-1-3-nodigit-binary-logistic/1"
# Sentence ends: Chinese and English stops, and a full stop before a space unless it ends a title
# or an initial (the text is folded, so "Dr." is "dr.").
_SENTENCE_END = re.compile(r"[。！？!?；;\n]+|(?<!\b[a-z])(?<!\bdr)(?<!\bmr)(?<!\bms)(?<!\bno)(?<!\bst)\.\s+")
_CHINESE_SENTENCE_END = re.compile(r"[。！？!?；;\n]+")  # the same, for text with no ". " (most notes)
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_SLICE_CACHE = 4096  # notes up to this length take their grams through precomputed slices (fast path)
_SLICES = {n: [slice(i, i + n) for i in range(_SLICE_CACHE)] for n in (2, 3)}
MAX_QUOTE = 80
# Below this note score the sentences are not read one by one. Leaving each of 30 corpora out in
# turn, no flag needed it below 0.1; a value clause in a long clinical note (the demo's) scores 0.16.
SENTENCES_FROM = 0.05


def sentence_threshold(threshold: float) -> float:
    """How sure the reader must be of a single sentence when the whole note scores below
    ``threshold``: four times fewer misjudgements allowed (0.95 for 0.80), since every note has
    several sentences to be wrong about."""
    return 1 - (1 - threshold) / 4


def sentences(folded: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank sentence; the sentence-ending punctuation belongs to none."""
    spans, start = [], 0
    ends = _SENTENCE_END if ". " in folded or ".\n" in folded or ".\t" in folded else _CHINESE_SENTENCE_END
    for m in ends.finditer(folded):
        if not folded[start : m.start()].isspace() and m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if folded[start:] and not folded[start:].isspace():
        spans.append((start, len(folded)))
    return spans


def grams(folded: str) -> set[str]:
    """The features of a note: every distinct character 1-, 2- and 3-gram within its sentences,
    except those with a digit. Sums are the term lists' business ({amount}); read by the reader,
    "00" made "门诊量过1000了" look like a payment."""
    return set().union(*(_sentence_grams(folded[start:end]) for start, end in sentences(folded)))


def _sentence_grams(sentence: str) -> set[str]:
    text = _SPACES.sub(" ", sentence)
    if not _DIGITS.search(text):
        return _run_grams(text)
    found: set[str] = set()  # the grams of each stretch between numbers: none holds a digit
    for run in _DIGITS.split(text):
        found |= _run_grams(run)
    return found


def _run_grams(text: str) -> set[str]:
    size = len(text)
    found = set(text)
    if size < 3:  # (a negative bound below would take thousands of empty slices)
        if size == 2:
            found.add(text)
        return found
    if size <= _SLICE_CACHE:
        found.update(map(text.__getitem__, _SLICES[2][: size - 1]))
        found.update(map(text.__getitem__, _SLICES[3][: size - 2]))
    else:
        found.update(text[i : i + 2] for i in range(size - 1))
        found.update(text[i : i + 3] for i in range(size - 2))
    return found


@dataclass(frozen=True)
class Reader:
    """Weights per gram and a bias; a note's score is the logistic of their L2-normalised sum."""

    weights: dict[str, float]
    bias: float
    trained_on: str = ""
    known: frozenset[str] = field(init=False, repr=False, compare=False)
    digest: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "known", frozenset(self.weights))  # set & frozenset is the fast path
        # Which weights made a finding: recorded in its evidence, since retraining changes flags.
        object.__setattr__(self, "digest", hashlib.sha256(self.to_json().encode()).hexdigest()[:12])

    def probability(self, folded: str) -> float:
        """How likely the reader thinks it is that this (folded) note records value given."""
        return self._score(grams(folded) & self.known)

    def read(self, folded: str) -> tuple[float, float, int, int]:
        """(note score, best sentence score, start, end of that sentence). A long note whose value
        is one clause among clinical ones scores low as a whole, so its sentences are read too,
        unless the note scores below ``SENTENCES_FROM`` (most notes, which saves a third of the time).
        Each sentence's grams are taken once and serve both scores."""
        spans = sentences(folded)
        if not spans:
            return self._score(set()), 0.0, 0, 0
        pieces = [_sentence_grams(folded[start:end]) for start, end in spans]
        note = self._score(set().union(*pieces) & self.known)
        if len(pieces) == 1 or note < SENTENCES_FROM:
            return note, note, *spans[0]
        best, start, end = max(
            (self._score(piece & self.known), *span) for piece, span in zip(pieces, spans, strict=True)
        )
        return note, best, start, end

    def _score(self, present: set[str]) -> float:
        """The logistic of the L2-normalised sum of the weights of ``present`` (grams the reader knows)."""
        if not present:
            return _logistic(self.bias)
        return _logistic(sum(map(self.weights.__getitem__, present)) / math.sqrt(len(present)) + self.bias)

    def to_json(self) -> str:
        rounded = {gram: round(weight, 4) for gram, weight in sorted(self.weights.items())}
        return json.dumps(
            {"format": FORMAT, "trained_on": self.trained_on, "bias": round(self.bias, 6), "weights": rounded},
            ensure_ascii=False,
            separators=(",", ":"),
        )


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def reader_from_json(payload: str) -> Reader:
    data = json.loads(payload)
    if data.get("format") != FORMAT:
        raise ValueError(f"unknown reader format {data.get('format')!r}")
    return Reader(weights=dict(data["weights"]), bias=float(data["bias"]), trained_on=data.get("trained_on", ""))


@lru_cache(maxsize=1)
def shipped_reader() -> Reader:
    """The reader that ships with this release (read once per process)."""
    return reader_from_json(MODEL_PATH.read_text("utf-8"))


def train_reader(
    notes: Iterable[tuple[str, bool]], *, trained_on: str = "", vocabulary: int = 30000, strength: float = 8.0
) -> Reader:
    """Fit the reader on (folded text, gives value) pairs. Needs scikit-learn (the ``learn`` extra).

    The vocabulary is the ``vocabulary`` most frequent grams seen in at least three notes.
    ``strength`` is the inverse regularisation (scikit-learn's C), chosen by leaving each corpus
    out in turn and by the demo month: at the default threshold, C=8 added 208 right flags and 53
    wrong ones (C=4: 174 and 37); C=16 also took "出院前再与许主任沟通下转安排" for value.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, labels = [], []
    for text, label in notes:
        texts.append(text)
        labels.append(bool(label))
    vectoriser = TfidfVectorizer(
        analyzer=grams, binary=True, use_idf=False, norm="l2", min_df=3, max_features=vocabulary
    )
    matrix = vectoriser.fit_transform(texts)
    model = LogisticRegression(C=strength, max_iter=5000).fit(matrix, labels)
    weights = {gram: float(model.coef_[0][index]) for gram, index in vectoriser.vocabulary_.items()}
    return Reader(weights=weights, bias=float(model.intercept_[0]), trained_on=trained_on)
