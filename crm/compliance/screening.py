"""Free-text screening of interaction notes (DESIGN.md section 3). Pure functions, no database.

Two questions are asked of a note:

* ``Screener.value_hits``: does it mention value *given by us* to a partner clinician or clinic
  (a meal, a gift, cash, a trip...)?  Those become ``undeclared_text`` findings when no ToV line
  is declared; value tied to referrals (kickbacks, per patient, % of the bill) is
  ``tied_to_referrals`` and prohibited.
* When the lists find nothing and the policy turns it on, the learned reader (``reader.py``) gives
  a second opinion: a ``value_reader`` finding quoting the sentence it found most telling.
* ``patient_identifier_hits``: does it contain a resident ID number, a mobile number or a
  labelled patient name?  Those block the save.

Every word list comes from the policy's ``screening_terms`` (see ``default_terms.py``, which
explains the lists), so the compliance office can edit them without code.  A term is plain
text with three readable conveniences:

* ``…`` (or ``...``) means "up to a few characters in between, within the same clause":
  ``请…吃`` finds 请王院长吃 and 请他们吃 (a few words in an English term: ``bought … for``).
* ``{amount}`` means a sum of money: ¥500, 500元, 两百块, 1,000 yuan, or a bare number of three
  digits or more (转了800给); never a count (200份, 3个病人, 12例, 2023年; see ``count_units``).
* English words match whole words, case-insensitively, with an optional plural ``s``/``es``
  (``gift`` finds Gift and gifts, not gifted).  A trailing ``*`` allows any ending
  (``sponsor*`` finds sponsored, sponsorship).
* Spaces match any run of white space.
* Traditional characters match their simplified forms, in notes and in terms (紅包 is 红包), and
  English letters match in any case; both foldings keep every character's offset.

Where candidate hits come from:

* ``value_terms`` by nature (礼品, 红包, 请…吃, KTV...); ``referral_fee`` terms are prohibited;
* ``given_items`` (血压计, 水果) only with one of ``give_verbs`` (送, 赠, donated) in the sentence;
* ``favour_terms`` (实习, 插队, 床位, internship) only with one of ``relative_terms`` (孩子, 爱人,
  his mother) in the sentence: a personal favour for a clinician's family is value (nature other);
* ``per_referral_terms`` (每介绍一个, per referral, % of the bill) only when the sentence also
  names an amount, a ``payment_terms`` word or a value term: prohibited, nature referral_fee.

How a candidate is judged, in order (all scopes are local to the sentence, never the note):

1. A *look-alike* term overlapping the hit cancels it (送检 is not 送, 请假 is not 请…吃).
2. A *refusal or negation* cue cancels hits in its own clause and in the earlier clauses of its
   sentence (对方提出要红包，我明确拒绝); so does a *question* (院长问有没有提成).  A contrast word
   (但是, 还是, 改送, but, instead) closes the scope, so 拒绝了现金，改送了购物卡 still reports the
   card; a contrast that merely introduces the refusal (…, but I declined) does not.  A refusal
   that opens a sentence also reaches back to the previous sentence (He asked for a fee. I
   declined.), unless a contrast follows it (He said no at first but kept them).  A refusal word
   inside a value term or a giving word is part of it (一分钱没收, 不用给钱).
   *Forward negations* (没有, 未, 无, no, not, never, without) cover only what follows them in their
   clause: "No gifts were given" but not "paid the speaker fee, no contract signed".
   *Negated giving words* (不用, 没给, 没有任何, no need) are a refusal when they end their clause
   or point back with a pronoun (他说不用了, 没给他), and a forward negation when an object follows
   (不用签协议 says nothing about the reagents given).
   A refusal followed, later in its sentence or in the next one, by an *acceptance* (收下, 留下了,
   ended up keeping) was overruled: it cancels nothing.
3. With the same scope, *own expense* cues (我自己, my own lunch) cancel meals and travel,
   *third party* cues (药企代表, another hospital) cancel everything (these two also reach the
   clauses after them, until a partner appears or we act again), *patient cost* cues
   (医保, 自付) cancel money-like natures quoted to patients, and *normal fee* cues (进修费照常交)
   cancel fees and waivers: each list cancels the natures named by its ``*_natures`` entry.
4. A weak item is judged where its giving word is (想要个平板，第二天就送过去了 is value).
"""

from __future__ import annotations

import json
import re
import threading
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import opencc

from crm.compliance.reader import MAX_QUOTE, Reader, sentence_threshold, shipped_reader

_TO_SIMPLIFIED = opencc.OpenCC("t2s.json").convert  # traditional to simplified Chinese (OpenCC)

NATURES = (
    "food",
    "gift",
    "promotional",
    "education",
    "travel",
    "entertainment",
    "supplies",
    "free_service",
    "sponsorship",
    "honorarium",
    "cash",
    "referral_fee",
    "other",
)

UNDECLARED_TEXT = "undeclared_text"
VALUE_READER = "value_reader"
TIED_TO_REFERRALS = "tied_to_referrals"
PATIENT_IDENTIFIER = "patient_identifier"
REVIEW = "review"
PROHIBITED = "prohibited"
BLOCKED = "blocked"


@dataclass(frozen=True, slots=True)
class TextHit:
    rule: str  # "undeclared_text" | "tied_to_referrals" | "value_reader" | "patient_identifier"
    severity: str  # "review" | "prohibited" | "blocked"
    match: str  # matched text (the quoted sentence for the reader); patient identifiers masked
    nature: str  # a Nature value for list hits, "" for the reader and patient identifiers
    start: int
    end: int
    score: float | None = None  # the reader's probability, for its hits only


# --------------------------------------------------------------------------------------------
# Term compilation: every list becomes one trie-shaped regex, so a note is scanned once per
# list whatever the number of terms (Python's ``re`` does not merge plain alternations).
# --------------------------------------------------------------------------------------------

GAP_CHARS = 10  # how many characters "…" may stand for (社区中心冯主任的儿子 in 给…买了)
GAP_CHARS_EN = 24  # ... in an all-English term ("bought … for" spans a few words)
AMOUNT = "{amount}"  # stands for a sum of money in a term
_STOP = "。！？!?；;，,\n"  # a gap never crosses clause punctuation
_GAP, _SPACE, _STAR, _WORD_START, _END, _WORD_END = "\x00gap", "\x00sp", "\x00star", "\x00ws", "\x00end", "\x00we"
_GAP_EN, _AMOUNT = "\x00gapen", "\x00amount"
_TOKEN_RE = {
    _GAP: f"[^{re.escape(_STOP)}]{{0,{GAP_CHARS}}}?",
    _GAP_EN: f"[^{re.escape(_STOP)}]{{0,{GAP_CHARS_EN}}}?",
    _SPACE: r"\s+",
    _STAR: "[a-z]*(?![a-z])",
    _WORD_START: "(?<![a-z].)",  # placed after the first letter, so each branch starts with a literal
    _END: "",
    _WORD_END: "(?:e?s)?(?![a-z])",
}
# Sort order inside a trie node: plain characters first, wildcards next, end markers last, so
# the regex prefers the longest term at a given position.
_TOKEN_RANK = {_WORD_START: 0, _SPACE: 1, _AMOUNT: 2, _GAP: 2, _GAP_EN: 2, _STAR: 3, _WORD_END: 4, _END: 5}


def _is_ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _normalise_term(term: str) -> str:
    return fold(" ".join(str(term).split()).replace("...", "…").strip())  # a reviewer may type 紅包


def _tokens(term: str) -> list[str]:
    term = _normalise_term(term)
    star = term.endswith("*")
    term = term.rstrip("*").strip()
    if not term or term == "…":
        return []
    gap = _GAP_EN if term.replace("…", "").replace(AMOUNT, "").isascii() else _GAP
    tokens = []
    for i, piece in enumerate(term.split(AMOUNT)):
        if i:
            tokens.append(_AMOUNT)
        for ch in piece:
            if ch == "…":
                tokens.append(gap)
            elif ch == " ":
                tokens.append(_SPACE)
            else:
                tokens.append(ch.lower())
    if _is_ascii_letter(term[0]):
        tokens.insert(1, _WORD_START)
    if star:
        tokens.append(_STAR)
    elif _is_ascii_letter(term[-1]):
        tokens.append(_WORD_END)
    else:
        tokens.append(_END)
    return tokens


def _trie_regex(terms: Iterable[str], amount: str = "(?!)") -> str:
    trie: dict = {}
    for term in terms:
        node = trie
        for tok in _tokens(term):
            node = node.setdefault(tok, {})
    return _node_regex(trie, amount) if trie else "(?!)"


def _node_regex(node: dict, amount: str) -> str:
    if not node:
        return ""
    alternatives = []
    for tok in sorted(node, key=lambda t: (_TOKEN_RANK.get(t, -1), t)):
        piece = amount if tok == _AMOUNT else _TOKEN_RE[tok] if tok in _TOKEN_RE else re.escape(tok)
        alternatives.append(piece + _node_regex(node[tok], amount))
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def _compile(terms: Iterable[str], amount: str = "(?!)") -> _Scanner:
    """Case-sensitive on purpose: notes are folded to lower-case ASCII first (``fold``), which
    keeps offsets and lets ``re`` skip quickly to positions where some term can start."""
    return _Scanner(terms, amount)


class _Scanner:
    """One term list as a few regexes, split by whether terms start with an ASCII character and
    whether they hold a gap or an amount.  Python's ``re`` scans each part several times
    faster than one alternation of them all; ``finditer`` merges the parts back into the leftmost
    (then longest) non-overlapping matches a single regex would give."""

    def __init__(self, terms: Iterable[str], amount: str = "(?!)") -> None:
        groups: dict[tuple[bool, bool], list[str]] = {}
        for term in terms:
            term = _normalise_term(term)
            if term.rstrip("*").strip():
                patterned = "…" in term or AMOUNT in term
                groups.setdefault((term[0].isascii(), patterned), []).append(term)
        compiled = [
            (ascii_start, re.compile(_trie_regex(group, amount))) for (ascii_start, _), group in sorted(groups.items())
        ]
        self.parts = [part for _, part in compiled]
        # An all-ASCII note cannot hold a term that starts with a Chinese character: skip those parts.
        self.ascii_parts = [part for ascii_start, part in compiled if ascii_start]

    def parts_for(self, text: str) -> list[re.Pattern]:
        return self.ascii_parts if text.isascii() else self.parts

    def found(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Is any term in the text (between ``pos`` and ``endpos``)? Stops at the first part that has one."""
        end = len(text) if endpos is None else endpos
        return any(part.search(text, pos, end) is not None for part in self.parts_for(text))

    def finditer(self, text: str):
        parts = self.parts_for(text)
        current = [part.search(text) for part in parts]
        pos = 0
        while True:
            for i, m in enumerate(current):
                if m is not None and m.start() < pos:
                    current[i] = parts[i].search(text, pos)
            best = _leftmost(current)
            if best is None:
                return
            yield best
            pos = best.end()


def _leftmost(matches: Iterable[re.Match | None]) -> re.Match | None:
    best = None
    for m in matches:
        if m is not None and (best is None or (m.start(), -m.end()) < (best.start(), -best.end())):
            best = m
    return best


def _amount_regex(units: list[str], counts: list[str]) -> str:
    """A sum of money: ¥ and digits, a number and a money unit, or three digits or more, as long
    as no count unit follows (200份, 三千多份, 12例 are counts)."""

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True)) or "(?!)"

    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    chinese = "[一二两三四五六七八九十][一二两三四五六七八九十百千万]*"
    not_a_count = rf"(?![\d,.]*\s*[多余几]?\s*(?:{alternation(counts)}))"
    # A number is read from its first digit only, and once read it is not re-read shorter (an
    # atomic group): a long run of digits then costs linear time under any "{amount} …" term.
    return (
        rf"(?<!\d)(?<!\d[,.])(?>[¥￥]\s*\d[\d,.]*|(?:{digits}|{chinese})\s*(?:{alternation(units)})"
        rf"|\d{{1,3}}(?:,\d{{3}})+|\d{{3,}}(?![\d.]*\s*[a-z\-:/]))[多余]?{not_a_count}"
    )


# In text that is not all ASCII only ASCII letters are lowered (str.lower would change İ's
# length); substituting the upper-case runs costs a quarter of str.translate on Chinese text.
_ASCII_UPPER = re.compile("[A-Z]+")


def _lower(match: re.Match) -> str:
    return match.group().lower()


def fold(text: str) -> str:
    """Lower-cased ASCII and simplified Chinese, character for character, so offsets are unchanged:
    紅包 and 醫生 in a note from Hong Kong or Taiwan match the lists' 红包 and 医生."""
    if text.isascii():
        return text.lower()
    text = _ASCII_UPPER.sub(_lower, text)
    try:
        simplified = _TO_SIMPLIFIED(text)
    except UnicodeError:  # a lone surrogate cannot be handed to OpenCC: read the note as written
        return text
    return simplified if len(simplified) == len(text) else text


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _as_list(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(v) for v in value if str(v).strip()]
    return []


class _TermTable:
    """Find terms of several labelled lists and tell which label a match belongs to."""

    def __init__(self, labelled: dict[str, list[str]], amount: str = "(?!)") -> None:
        self.exact: dict[str, str] = {}
        patterned: list[tuple[str, str]] = []
        all_terms = []
        for label, terms in labelled.items():
            for term in terms:
                term = _normalise_term(term)
                if not term:
                    continue
                all_terms.append(term)
                if "…" in term or term.endswith("*") or AMOUNT in term:
                    patterned.append((_trie_regex([term], amount), label))
                else:
                    self.exact.setdefault(_key(term), label)
        self.pattern = _compile(all_terms, amount)
        # Terms with …, * or {amount}: one alternation with a group per term tells which one matched.
        self.patterned_labels = [label for _, label in patterned]
        self.patterned = re.compile("|".join(f"(?P<t{i}>{rx})" for i, (rx, _) in enumerate(patterned)) or "(?!)")

    def label(self, matched: str) -> str | None:
        """The label of a match found in folded text (so it is folded already)."""
        key = matched if matched.isalnum() else _key(matched)  # (no space to squeeze: most matches)
        found = self.exact.get(key)
        if found is None and key.endswith("s"):
            found = self.exact.get(key[:-1]) or self.exact.get(key[:-2])
        if found is None:
            m = self.patterned.fullmatch(matched)
            if m is not None:
                return self.patterned_labels[int(m.lastgroup[1:])]
        return found

    def finditer(self, text: str):
        """Yield (start, end, label) for each non-overlapping match."""
        for m in self.pattern.finditer(text):
            label = self.label(m.group())
            if label is not None:
                yield m.start(), m.end(), label


# --------------------------------------------------------------------------------------------
# Segmentation
# --------------------------------------------------------------------------------------------

# Sentences end at 。！？!?；; a newline, or an English full stop followed by a space (not after
# Dr/Mr/Ms/Prof).  Clauses end at a Chinese comma, an ASCII comma next to Chinese text, or an
# English comma before "so / and / then" (other English commas are mostly lists: "no gifts,
# meals or cash").
_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?=\s|$)")
_ABBREVIATIONS = ("dr.", "mr.", "ms.", "mrs.", "prof.", "no.", "vs.", "e.g.", "i.e.")
_CLAUSE_END = re.compile(r"[，]|(?<=[\u3400-\u9fff]),|,(?=\s*[\u3400-\u9fff])|,(?=\s*(?:so|and|then)\b)")


@dataclass(slots=True)
class _Layout:
    sentences: list[int]  # start offsets of sentences 1..n (sentence 0 starts at 0)
    clauses: list[int]
    contrasts: list[int]  # offsets of contrast words; each starts a new scope
    text: str

    def sentence(self, pos: int) -> int:
        return bisect_right(self.sentences, pos)

    def clause(self, pos: int) -> int:
        return bisect_right(self.clauses, pos)

    def segment(self, pos: int) -> int:
        return bisect_right(self.contrasts, pos)

    def sentence_start(self, index: int) -> int:
        return self.sentences[index - 1] if index > 0 else 0

    def sentence_end(self, index: int) -> int:
        return self.sentences[index] if index < len(self.sentences) else len(self.text)


def _layout(text: str, contrasts: list[int]) -> _Layout:
    sentences = [
        m.end()
        for m in _SENTENCE_END.finditer(text)
        if m.group() != "." or not text[max(0, m.start() - 4) : m.end()].endswith(_ABBREVIATIONS)
    ]
    clauses = sorted(sentences + [m.end() for m in _CLAUSE_END.finditer(text)])
    return _Layout(sentences, clauses, contrasts, text)


# --------------------------------------------------------------------------------------------
# The screener
# --------------------------------------------------------------------------------------------

_CUE_LISTS = (
    "contrast_terms",
    "refusal_terms",
    "question_terms",
    "negation_ahead_terms",
    "own_expense_terms",
    "third_party_terms",
    "patient_cost_terms",
    "normal_fee_terms",
    "per_referral_terms",
    "payment_terms",
    "negation_terms",
    "acceptance_terms",
)
# Cue lists that cancel hits in their scope: (list, the policy entry naming the natures it
# cancels or None for every nature, default natures).
_CANCELLING = (
    ("refusal_terms", None, ()),
    ("question_terms", None, ()),
    ("patient_cost_terms", "patient_cost_natures", ("cash", "referral_fee", "other")),
    ("normal_fee_terms", "normal_fee_natures", ("education", "free_service", "other")),
)
_ANSWERS = frozenset(("refusal_terms", "question_terms"))  # "…, but I declined" keeps its reach
_NEGATIONS = _ANSWERS | {"negation_ahead_terms", "negation_terms"}
# Cues ignored inside a look-alike or a value word: negations (不收费 is free of charge), and
# acceptances (锦旗留下了 accepts a banner given to us, not our gift)
_FILTERED = _NEGATIONS | {"acceptance_terms"}
# A refusal this close to the start of a sentence reaches back one sentence: 8 characters of
# Chinese, 4 English words ("I explained that we cannot provide...").
_LEADING_REFUSAL_CHARS = 8
_LEADING_REFUSAL_WORDS = 4


class Screener:
    """Compiled from a policy's screening_terms dict once; reusable, thread-safe, fast.

    With a ``reader`` and a ``reader_threshold``, notes the lists pass get the reader's opinion."""

    def __init__(self, terms: dict, reader: Reader | None = None, reader_threshold: float | None = None) -> None:
        self._reader = reader if reader_threshold is not None else None
        self.reader_threshold = float(reader_threshold) if self._reader is not None else None
        terms = terms or {}
        amount = _amount_regex(_as_list(terms.get("amount_units")), _as_list(terms.get("count_units")))
        self._amount = re.compile(amount)
        value_terms = terms.get("value_terms") or {}
        self._values = _TermTable(
            {nature: _as_list(value_terms.get(nature)) for nature in NATURES if nature in value_terms}, amount
        )
        given = terms.get("given_items") or {}
        self._items = _TermTable({nature: _as_list(given.get(nature)) for nature in NATURES if nature in given})
        self._give_verbs = _compile(_as_list(terms.get("give_verbs")), amount)
        self._favours = _TermTable({"other": _as_list(terms.get("favour_terms"))})
        self._relatives = _compile(_as_list(terms.get("relative_terms")))
        self._lookalikes = _compile(_as_list(terms.get("lookalike_terms")), amount)
        self._cues = _TermTable({name: _as_list(terms.get(name)) for name in _CUE_LISTS}, amount)
        self._per_referral = _compile(_as_list(terms.get("per_referral_terms")), amount)
        self._own_natures = frozenset(_as_list(terms.get("own_expense_natures")) or ("food", "travel"))
        self._cancelling = [
            (name, frozenset(_as_list(terms.get(natures)) or default) if natures else None)
            for name, natures, default in _CANCELLING
        ]

    # -- public -------------------------------------------------------------------------------

    def value_hits(self, text: str) -> list[TextHit]:
        """Mentions of value given to a partner clinician or clinic, look-alikes and refusals removed;
        when the lists find none, the reader's hit if it is sure enough."""
        if not text:
            return []
        folded = fold(text)  # scan lower-cased ASCII and simplified Chinese; offsets are unchanged
        hits = self._listed_hits(text, folded)
        if hits or self._reader is None:
            return hits
        return self._reader_hits(text, folded)

    @property
    def reader_digest(self) -> str:
        """The digest of the reader's weights ("" when the reader is off), for a finding's evidence."""
        return self._reader.digest if self._reader is not None else ""

    def _reader_hits(self, original: str, folded: str) -> list[TextHit]:
        score, best, start, end = self._reader.read(folded)
        if score < self.reader_threshold and best < sentence_threshold(self.reader_threshold):
            return []
        score = max(score, best)
        while start < end and original[start].isspace():
            start += 1
        while end > start and original[end - 1].isspace():
            end -= 1
        return [TextHit(VALUE_READER, REVIEW, _quote(original, start, end), "", start, end, round(score, 2))]

    def _listed_hits(self, original: str, text: str) -> list[TextHit]:
        """What the term lists find in ``text`` (the folded ``original``)."""
        # Cheap scans first: a note with nothing that could become a hit needs no context read.
        value_parts = [part.search(text) for part in self._values.pattern.parts_for(text)]
        verbs = _spans(self._give_verbs, text)
        items = bool(verbs) and self._items.pattern.found(text)
        favours = self._favours.pattern.found(text) and self._relatives.found(text)
        if not (any(value_parts) or items or favours or self._per_referral.found(text)):
            return []
        lookalikes = _spans(self._lookalikes, text)
        term_hits = self._term_hits(text, lookalikes, value_parts)
        verbs = [(s, e) for s, e in verbs if not _overlaps(s, e, lookalikes)]
        # A negation that is part of a look-alike (不收费: free of charge), of a value term
        # (一分钱没收: a waiver) or of a giving word (不用还: a gift) negates nothing.
        carriers = [(h.start, h.end) for h in term_hits] + verbs
        cues: dict[str, list[tuple[int, int]]] = {name: [] for name in _CUE_LISTS}
        for start, end, name in self._cues.finditer(text):
            if name not in _FILTERED or not (_overlaps(start, end, lookalikes) or _inside(start, end, carriers)):
                cues[name].append((start, end))
        layout = _layout(text, [start for start, _ in cues["contrast_terms"]])
        _sort_negations(text, cues, layout)
        _drop_overruled(cues, layout)

        taken = lookalikes + [(h.start, h.end) for h in term_hits]  # 油 in 加油卡 is not an item
        # (hit, where it is judged): a pair is judged at its giving word
        candidates = [(hit, hit.start) for hit in term_hits]
        if items:
            candidates += self._pair_hits(text, verbs, taken, term_hits, layout)
        if favours:
            relatives = [(s, e) for s, e in _spans(self._relatives, text) if not _overlaps(s, e, lookalikes)]
            candidates += self._pair_hits(text, relatives, taken, term_hits, layout, self._favours)
        tied = self._per_referral_hits(text, cues, layout, [hit for hit, _ in candidates])
        candidates += [(hit, hit.start) for hit in tied]
        scopes = self._scopes(cues, layout) if candidates else []
        kept = [hit for hit, anchor in candidates if not _cancelled(hit.nature, _place(anchor, layout), scopes)]
        return [hit if hit.match == original[hit.start : hit.end] else _restore(hit, original) for hit in _dedupe(kept)]

    # -- finding candidates -------------------------------------------------------------------

    def _term_hits(self, text: str, lookalikes: list[tuple[int, int]], current: list) -> list[TextHit]:
        """Value terms, skipping any that overlap a look-alike (then searching again just after).
        ``current`` holds each part's first match (``value_hits`` has searched already)."""
        hits: list[TextHit] = []
        parts = self._values.pattern.parts_for(text)
        m = _leftmost(current)
        while m is not None:
            nature = self._values.label(m.group())
            if nature is None or _overlaps(m.start(), m.end(), lookalikes) or self._holds_a_term(text, m):
                pos = m.start() + 1
            else:
                hits.append(_value_hit(nature, text, m.start(), m.end()))
                pos = m.end()
            for i, found in enumerate(current):  # search again only the parts whose match is passed
                if found is not None and found.start() < pos:
                    current[i] = parts[i].search(text, pos)
            m = _leftmost(current)
        return hits

    def _holds_a_term(self, text: str, m: re.Match) -> bool:
        """A structure with a gap that holds a more specific term gives way to it: 给了讲课费800元 is
        an honorarium, 给他拿了一张加油卡 a fuel card."""
        if _key(m.group()) in self._values.exact:
            return False
        start, end = m.span()  # the inner term must end before the structure does: 请院长吃饭 stays a meal
        return self._values.pattern.found(text, start + 1, end - 1)

    def _pair_hits(
        self, text: str, verbs, taken, term_hits, layout: _Layout, items: _TermTable | None = None
    ) -> list[tuple[TextHit, int]]:
        """Weak items (血压计, 水果, fruit) count only with a giving verb in the same sentence.

        ``taken`` are look-alike and value-term spans: an item inside one of them is no item, and
        an item right before a value term only counts it (送了两盒月饼 reports 月饼).  A verb may be
        a value term itself (donated): the longer pair then wins in ``_dedupe``.  A pair is judged
        where its verb is: 他说想要个平板，第二天就送过去了 is value.  The same pairing finds favours
        (``items``: 实习, 插队) done for a clinician's relative (``verbs``: 孩子, 爱人); the relative
        may also be named in the sentence before when the favour's sentence points back to them
        (Dr Li's mum needs a knee. Pulled strings, she's in).
        """
        counted = {h.start for h in term_hits}
        hits = []
        favours = items is not None
        for s, e, nature in (items or self._items).finditer(text):
            if _overlaps(s, e, taken) or e in counted:
                continue
            sentence = layout.sentence(s)
            paired = [(vs, ve) for vs, ve in verbs if layout.sentence(vs) == sentence]
            if not paired and favours and _points_back(text, sentence, layout):
                paired = [(vs, ve) for vs, ve in verbs if layout.sentence(vs) == sentence - 1]
            if paired:
                vs, ve = paired[0]
                # an item is judged where it is given; a favour where it is done (问能不能…，已打了招呼)
                hits.append((_value_hit(nature, text, min(s, vs), max(e, ve)), s if favours else vs))
        return hits

    def _per_referral_hits(self, text: str, cues, layout: _Layout, value_hits) -> list[TextHit]:
        """ "Per patient / per referral / % of the bill" is prohibited when money is in the sentence."""
        if not cues["per_referral_terms"]:
            return []
        money_sentences = {layout.sentence(h.start) for h in value_hits}
        money_sentences.update(layout.sentence(s) for s, _ in cues["payment_terms"])
        money_sentences.update(layout.sentence(m.start()) for m in self._amount.finditer(text))
        return [
            TextHit(TIED_TO_REFERRALS, PROHIBITED, text[s:e], "referral_fee", s, e)
            for s, e in cues["per_referral_terms"]
            if layout.sentence(s) in money_sentences
        ]

    # -- judging ------------------------------------------------------------------------------

    def _scopes(self, cues, layout: _Layout) -> list[tuple[frozenset | None, _Scope]]:
        """Every cancelling cue of the note with the reach it has (computed once, tested per hit)."""
        scopes = [(None, _ahead_scope(c, layout)) for c, _ in cues["negation_ahead_terms"]]
        for name, natures in self._cancelling:
            scopes += [(natures, _scope(c, layout, name in _ANSWERS)) for c, _ in cues[name]]
        scopes += [(None, _forward_scope(c, layout, _FIRST_PERSON)) for c, _ in cues["third_party_terms"]]
        scopes += [(self._own_natures, _forward_scope(c, layout, _PARTNER)) for c, _ in cues["own_expense_terms"]]
        return scopes


def _points_back(text: str, sentence: int, layout: _Layout) -> bool:
    """Whether a sentence refers to someone named before it (她, him, she's in)."""
    start, end = layout.sentence_start(sentence), layout.sentence_end(sentence)
    return _BACK_POINTERS.search(text, start, end) is not None


_PARTICLES = "了啦呢的吧啊哈 \t.!"
_POINTERS = re.compile(r"[这那此其他她它]|\b(?:it|this|that|them|him|her)\b")
_BACK_POINTERS = re.compile(r"[其他她]|\b(?:him|her|he|she|they|them)\b")


def _sort_negations(text: str, cues, layout: _Layout) -> None:
    """A negated giving word ending its clause, or pointing back with a pronoun, answers an offer
    (没给, 没给他, 不能答应这种要求: a refusal); followed by an object it only negates that object
    (没有任何学术活动, 不收租金: a forward negation)."""
    for start, end in cues.pop("negation_terms"):
        clause = layout.clause(start)
        clause_end = layout.clauses[clause] if clause < len(layout.clauses) else len(text)
        rest = text[end:clause_end].strip(_PARTICLES + _STOP)
        answer = not rest or _POINTERS.search(rest) is not None
        cues["refusal_terms" if answer else "negation_ahead_terms"].append((start, end))


def _drop_overruled(cues, layout: _Layout) -> None:
    """A refusal or a question followed by an acceptance in its sentence or the next (推了两次，最后还是
    收下了; 问能不能按人头算，我说可以) cancels nothing."""
    accepted = [start for start, _ in cues.pop("acceptance_terms")]
    if not accepted:
        return
    for name in _ANSWERS:  # a refusal, or a question answered yes (问能不能按人头算，我说可以)
        cues[name] = [
            (start, end)
            for start, end in cues[name]
            if not any(a > start and layout.sentence(a) - layout.sentence(start) in (0, 1) for a in accepted)
        ]


def _restore(hit: TextHit, original: str) -> TextHit:
    """The hit with its match as written in the note (scanning saw it lower-cased)."""
    return TextHit(hit.rule, hit.severity, original[hit.start : hit.end], hit.nature, hit.start, hit.end)


def _value_hit(nature: str, text: str, start: int, end: int) -> TextHit:
    if nature == "referral_fee":
        return TextHit(TIED_TO_REFERRALS, PROHIBITED, text[start:end], nature, start, end)
    return TextHit(UNDECLARED_TEXT, REVIEW, text[start:end], nature, start, end)


def _spans(pattern: _Scanner, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


@dataclass(frozen=True, slots=True)
class _Scope:
    """Where a cue reaches: hits in ``segments`` of its sentence up to its clause (or, forward
    negations, from its position to the end of its clause), and the sentence before if ``back``."""

    sentence: int
    clause: int
    segments: tuple[int, ...]
    back: bool = False
    ahead_from: int = -1  # forward negations: the cue's position


def _place(pos: int, layout: _Layout) -> tuple[int, int, int, int]:
    return pos, layout.sentence(pos), layout.clause(pos), layout.segment(pos)


def _scope(cue: int, layout: _Layout, answer: bool = False) -> _Scope:
    """A cue covers its own clause and the earlier clauses of its sentence, up to a contrast word.

    An *answer* (a refusal) introduced by a contrast in its own clause ("…，但我拒绝了", "…, but
    I declined") is not cut off by that contrast.  A cue right at the start of a sentence
    ("我拒绝了。", "I declined.") also covers the sentence before it, since that is where the
    offer it answers was written, unless a contrast follows it ("He said no at first but kept them").
    """
    segment, sentence = layout.segment(cue), layout.sentence(cue)
    introduced = answer and segment > 0 and layout.clause(layout.contrasts[segment - 1]) == layout.clause(cue)
    segments = (segment, segment - 1) if introduced else (segment,)
    back = _leading(layout.text[layout.sentence_start(sentence) : cue]) and (
        layout.segment(layout.sentence_end(sentence) - 1) == segment
    )
    return _Scope(sentence, layout.clause(cue), segments, back)


_FIRST_PERSON = re.compile(r"[我咱]|\b(?:we|i|our|us)\b")
_PARTNER = re.compile(r"医生|院长|站长|主任|大夫|护士|村医|老师|[他她]|\b(?:dr|doctor|nurse|him|her|his|them|they)\b")


def _forward_scope(cue: int, layout: _Layout, stop: re.Pattern) -> _Scope:
    """Someone else's doing (器械公司…) or our own expense (出差…) also covers the clauses after it,
    until one where the other party acts: 器械公司搞了推介会，给来的村医每人一个血氧仪 is theirs, but
    …，我们给站长带了两盒茶 is ours; 出差去德州，住的汉庭，回来报销 is the liaison's own trip, but
    出差到县里，晚上请王院长吃饭 is a meal for a partner."""
    scope = _scope(cue, layout)
    clause, last = scope.clause, layout.clause(layout.sentence_end(scope.sentence) - 1)
    while clause < last:
        start = layout.clauses[clause]
        end = layout.clauses[clause + 1] if clause + 1 < len(layout.clauses) else len(layout.text)
        if stop.search(layout.text, start, end):
            break
        clause += 1
    return _Scope(scope.sentence, clause, scope.segments, scope.back)


def _ahead_scope(cue: int, layout: _Layout) -> _Scope:
    """A forward negation (没有, no, not, never) covers what follows it in its clause, up to a contrast."""
    return _Scope(layout.sentence(cue), layout.clause(cue), (layout.segment(cue),), ahead_from=cue)


def _cancelled(nature: str, place: tuple[int, int, int, int], scopes) -> bool:
    pos, sentence, clause, segment = place
    for natures, scope in scopes:
        if (natures is not None and nature not in natures) or segment not in scope.segments:
            continue
        if scope.ahead_from >= 0:
            if scope.ahead_from <= pos and clause == scope.clause:
                return True
        elif sentence == scope.sentence:
            if clause <= scope.clause:
                return True
        elif sentence == scope.sentence - 1 and scope.back:
            return True
    return False


def _leading(before: str) -> bool:
    """Is a cue preceded by this little of its sentence ("我拒绝了", "I then declined")?"""
    if before.isascii():
        return len(before.split()) <= _LEADING_REFUSAL_WORDS
    return len(before.strip()) <= _LEADING_REFUSAL_CHARS


_SEVERITY_RANK = {BLOCKED: 0, PROHIBITED: 1, REVIEW: 2}


def _dedupe(hits: list[TextHit]) -> list[TextHit]:
    """Overlapping hits report once: the most severe, then the longest."""
    ordered = sorted(hits, key=lambda h: (_SEVERITY_RANK[h.severity], -(h.end - h.start), h.start))
    kept: list[TextHit] = []
    for hit in ordered:
        if not any(k.start < hit.end and hit.start < k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end))


_CACHE: dict[str, Screener] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 8


def get_screener(terms: dict, reader_threshold: Decimal | float | None = None) -> Screener:
    """The compiled screener for these terms (and the shipped reader at this threshold, if any),
    memoised on their canonical JSON."""
    threshold = None if reader_threshold is None else round(float(reader_threshold), 4)  # Decimal 0.80 is 0.8
    key = json.dumps([terms or {}, threshold], sort_keys=True, ensure_ascii=False)
    screener = _CACHE.get(key)
    if screener is None:
        screener = Screener(terms, shipped_reader() if threshold is not None else None, threshold)
        with _CACHE_LOCK:
            if len(_CACHE) >= _CACHE_SIZE:
                _CACHE.pop(next(iter(_CACHE)))
            _CACHE[key] = screener
    return screener


# --------------------------------------------------------------------------------------------
# Patient identifiers (fixed rules, not policy data: they are facts about number formats)
# --------------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_PROVINCES = _words(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82"
)


def valid_resident_id(number: str) -> bool:
    """An 18-character mainland resident ID: province code, real birth date, MOD 11-2 check digit."""
    number = re.sub(r"[\s-]", "", number or "").upper()
    if not re.fullmatch(r"\d{17}[\dX]", number) or number[:2] not in _PROVINCES:
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if born.year < 1900 or born > date.today():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17]


def mask_identifier(kind: str, text: str) -> str:
    """Mask an identifier for display: ID 110105********1234, mobile 138****5678, name 张**."""
    if kind == "resident_id":
        digits = re.sub(r"[\s-]", "", text).upper()
        return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]
    if kind == "mobile":
        digits = re.sub(r"\D", "", text)[-11:]
        return digits[:3] + "****" + digits[-4:]
    if kind == "name":
        text = text.strip()
        if text.isascii():
            return text.split()[0] + " **"
        surname = text[:2] if text[:2] in _COMPOUND_SURNAMES else text[:1]
        return surname + "**"
    raise ValueError(f"unknown identifier kind: {kind}")


_THREE_DIGITS = re.compile(r"\d\d\d")
# (Each pattern starts with a plain character and checks what precedes it afterwards: this lets
# ``re`` skip ahead quickly instead of testing a look-behind at every position.)
_RESIDENT_ID = re.compile(r"\d(?<![0-9A-Za-z]\d)\d{5}[ -]?\d{8}[ -]?\d{3}[\dXx](?![0-9A-Za-z])")
# 1[3-9] and nine more digits, optionally +86/0086 and grouped 3-4-4 with spaces or hyphens;
# never inside a longer run of digits (order numbers, ID numbers).
_MOBILE = re.compile(r"(?:(?:\+86|0(?<![\d-]0)086)[\s-]?1|1(?<![\d-]1))[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)")

# Common surnames only: rarer ones that are also everyday words (明, 常, 安, 向, 时...) would turn
# 患者明日出院 or 患者常规复查 into a "name".
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱覃武戴莫孔汤温康施"
    "文牛樊葛邢齐乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳祝包宁符阮柯纪梅童凌毕季裴霍涂苗谷"
    "盛翁冉骆蓝靳柴鲍华喻祁蒲房滕屈饶牟艾尤阳穆农司卓吉缪芦麦褚娄窦戚岑卫柏宗瞿桂佟臧闵苟邬卞姬仇栾隋"
    "刁荣巫寇桑郎甄丛仲虞敖巩佘苑邝"
)
_COMPOUND_SURNAMES = _words("欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 夏侯 端木 南宫")
# After an unlabelled 患者/病人 a name must end cleanly: punctuation, a space, a digit, the end,
# or one of these characters (患者李建国，男 / 患者张三因胸痛入院 / 患者王五于3天前).  That is what
# tells 患者张三 from 患者张口困难 or 患者高血压病史.
_NAME_FOLLOW = "男女因于今昨现入出"
# Ordinary words that start with a common surname and can follow 患者.
_NOT_NAMES = _words(
    "高血压 高血糖 高血脂 高热 高烧 高龄 高度 高危 康复 陈述 周围 周一 周二 周三 周四 周五 周六 周日 周末 关节 黄疸 "
    "付费 方面 方便 马上 曾经 曾行 曾有 曾因 何时 包括 左侧 左右 左下 万一 孙子 孙女 任何 毛发 金属 谢谢 余下 夏季 "
    "戴口 于是 于今 石膏 田间 龙头 苏醒 白天 白细胞 许多 华法林 钱财 何况 季节 蓝色 巩固 童年 申请 温度 温和 "
    "祝福 兰州 章程 江苏 程度 卫生 伍德 宁可 齐全 严重 乔迁 文化 梅毒 庄重 卢沟 杜冷 丁香 贾第 牛奶 姜汤 钟点 "
    "司机 司法 宗教 吉林 阳性 阳光 房颤 房间 房室 秦皇 柴胡 桂枝 蒲公 娄底 卫健"
)
_SOMEBODY = re.compile("(?:" + "|".join(sorted(_COMPOUND_SURNAMES)) + "|[" + "".join(sorted(_SURNAMES)) + "])某{1,2}")
_PATIENT_NAME = re.compile(
    r"(?P<label>患者姓名|病人姓名|患儿姓名|姓名|患者|病人|患儿)[ \t]*(?P<colon>[:：]?)[ \t]*"
    r"(?P<name>[\u4e00-\u9fff]{2,4})"
)
_PATIENT_NAME_EN = re.compile(
    r"(?:[Pp](?<![A-Za-z][Pp])(?:atient(?:'s)?\s+[Nn]ame|t\.?\s+[Nn]ame)|[Nn](?<![A-Za-z][Nn])ame\s+of\s+(?:the\s+)?[Pp]atient)"
    r"\s*[:：]?\s*(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
)


def _name_candidate(text: str, m: re.Match) -> tuple[int, int] | None:
    """The span of a patient name after a label, or None if what follows is not a name."""
    label, colon, raw = m.group("label"), m.group("colon"), m.group("name")
    start = m.start("name")
    somebody = _SOMEBODY.match(raw)
    if somebody:  # 患者王某某 / 患者李某: a pseudonym, but still a labelled name
        return start, start + somebody.end()
    explicit = "姓名" in label
    for length in (3, 2, 4):  # Chinese names are mostly 3 characters, then 2
        if length > len(raw):
            continue
        name, end = raw[:length], start + length
        following = text[end : end + 1]
        ends_cleanly = not following or not ("\u4e00" <= following <= "\u9fff") or following in _NAME_FOLLOW
        if not ends_cleanly or any(name.startswith(word) for word in _NOT_NAMES):
            continue
        surname_ok = name[:2] in _COMPOUND_SURNAMES or name[0] in _SURNAMES
        compound = name[:2] in _COMPOUND_SURNAMES
        if explicit or (surname_ok and (colon or length <= 3 or compound)):
            return start, end
    return None


def patient_identifier_hits(text: str) -> list[TextHit]:
    """Resident ID numbers (valid check digit), mainland mobiles and labelled patient names, masked."""
    if not text:
        return []
    hits: list[TextHit] = []
    numbers = _THREE_DIGITS.search(text) is not None  # cheap test before the number patterns
    for m in _RESIDENT_ID.finditer(text) if numbers else ():
        if valid_resident_id(m.group()):
            hits.append(_id_hit(mask_identifier("resident_id", m.group()), m.start(), m.end()))
    for m in _MOBILE.finditer(text) if numbers else ():
        if not _overlaps(m.start(), m.end(), [(h.start, h.end) for h in hits]):
            hits.append(_id_hit(mask_identifier("mobile", m.group()), m.start(), m.end()))
    for m in _PATIENT_NAME.finditer(text):
        span = _name_candidate(text, m)
        if span:
            hits.append(_id_hit(mask_identifier("name", text[span[0] : span[1]]), *span))
    for m in _PATIENT_NAME_EN.finditer(text):
        hits.append(_id_hit(mask_identifier("name", m.group("name")), m.start("name"), m.end("name")))
    return sorted(hits, key=lambda h: h.start)


def _id_hit(masked: str, start: int, end: int) -> TextHit:
    return TextHit(PATIENT_IDENTIFIER, BLOCKED, masked, "", start, end)


def _quote(text: str, start: int, end: int) -> str:
    """``text[start:end]`` for a finding: identifiers (found in the whole text, so one across
    either edge is still found) masked, at most ``MAX_QUOTE`` characters."""
    return masked_span(text, start, end, patient_identifier_hits(text), limit=MAX_QUOTE)


def masked_span(text: str, start: int, end: int, identifiers: Iterable[TextHit], limit: int | None = None) -> str:
    """``text[start:end]`` with every patient identifier hit that overlaps it shown masked, whole;
    with ``limit``, shortened after that many characters with "…", never inside an identifier.
    Findings quote with it, and the review page marks text with it."""
    shown, cursor = [], start
    cut = end if limit is None else start + limit
    for hit in sorted(identifiers, key=lambda h: h.start):
        if hit.end <= start or hit.start >= end:
            continue
        if hit.start >= cut:
            break
        shown += [text[cursor : max(cursor, hit.start)], hit.match]
        cursor = hit.end
        cut = max(cut, cursor)
    if cursor < min(cut, end):
        shown.append(text[cursor : min(cut, end)])
    return "".join(shown) + ("…" if cut < end else "")


def screen_findings(screener: Screener, text: str) -> list[dict]:
    """The findings ``crm screen`` and the API report for one text: value hits and identifiers, in order."""
    hits = screener.value_hits(text) + patient_identifier_hits(text)
    return [
        {"rule": h.rule, "severity": h.severity, "match": h.match, "nature": h.nature}
        | ({"score": h.score} if h.score is not None else {})
        for h in sorted(hits, key=lambda h: h.start)
    ]
