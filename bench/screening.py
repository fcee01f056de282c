"""Screening throughput on one core, side by side with a baseline.

The baseline is the cheapest thing that still reads every note: one compiled regex of all the
value terms, searched once per note, with no judgement of look-alikes, refusals or identifiers.
The ratio says what the judgement costs on top of merely scanning the text.

Three mixes of notes: the labelled corpora's notes one by one (about half mention value, the
rest are mostly hard look-alikes, so nearly every note needs its context read); the same notes
joined one to five at a time, up to 300 characters, as a day's entry would be (the worst case:
nearly every note holds a value word); and the demo month (the notes of a department's month as
the demo loads them, into a temporary SQLite database).

    python bench/screening.py [--notes 20000] [--no-demo]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import tempfile
import time
from pathlib import Path

from crm.compliance.default_terms import DEFAULT_SCREENING_TERMS
from crm.compliance.defaults import READER_THRESHOLD
from crm.compliance.screening import get_screener, patient_identifier_hits

CORPORA = sorted((Path(__file__).resolve().parent.parent / "tests" / "compliance" / "data").glob("*.jsonl"))


def corpus_notes() -> list[str]:
    return [json.loads(line)["text"] for path in CORPORA for line in path.read_text("utf-8").splitlines() if line]


def single_notes(count: int) -> list[str]:
    """The corpora's notes as written, shuffled, repeated to ``count`` notes."""
    texts = corpus_notes()
    random.Random(7).shuffle(texts)
    return (texts * (count // len(texts) + 1))[:count]


def notes(count: int) -> list[str]:
    texts = corpus_notes()
    rng = random.Random(7)
    out = []
    while len(out) < count:  # 50–300 characters: one to five notes joined, as a day's entry would be
        joined = "".join(rng.sample(texts, rng.randint(1, 5)))
        out.append(joined[:300])
    return out


def demo_notes(count: int) -> list[str]:
    """The free text of the demo month's interactions, repeated to ``count`` notes."""
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["CRM_DATA_DIR"] = data_dir
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crm.settings")
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        call_command("load_demo", stdout=io.StringIO())
        from crm.interactions.models import Interaction

        texts = [
            " ".join(filter(None, fields))
            for fields in Interaction.objects.values_list("summary", "next_step", "no_benefit_statement")
        ]
    return (texts * (count // len(texts) + 1))[:count]


def timed(fn, items, rounds: int = 3) -> float:
    """CPU seconds of this process, best of ``rounds``: a shared machine's other load (and a
    virtual machine's stolen time) shows up in wall time, not in what the code costs."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for text in items:
            fn(text)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=20000)
    parser.add_argument("--no-demo", action="store_true", help="only the labelled corpora")
    args = parser.parse_args()
    lists = get_screener(DEFAULT_SCREENING_TERMS)
    screener = get_screener(DEFAULT_SCREENING_TERMS, READER_THRESHOLD)  # as shipped: lists, then the reader
    words = sorted(
        {t.replace("…", "") for terms in DEFAULT_SCREENING_TERMS["value_terms"].values() for t in terms}, key=len
    )[::-1]
    baseline = re.compile("|".join(re.escape(w) for w in words if w), re.IGNORECASE)
    mixes = [("corpus notes one by one", single_notes(args.notes)), ("corpus notes joined", notes(args.notes))]
    if not args.no_demo:
        mixes.append(("demo month", demo_notes(args.notes)))
    print(f"{'':44}{'CPU s':>10}{'notes/s':>12}   (best of 3)")
    for name, items in mixes:
        timed(screener.value_hits, items[:500])  # warm caches
        base = timed(baseline.search, items)
        listed = timed(lambda t: (lists.value_hits(t), patient_identifier_hits(t)), items)
        full = timed(lambda t: (screener.value_hits(t), patient_identifier_hits(t)), items)
        average = sum(map(len, items)) / len(items)
        label = f"{name} ({len(items)} notes, {average:.0f} chars)"
        print(label)
        print(f"{'  baseline (one regex scan)':44}{base:>10.3f}{len(items) / base:>12,.0f}")
        print(f"{'  term lists only (value + ids)':44}{listed:>10.3f}{len(items) / listed:>12,.0f}")
        print(f"{'  screening as shipped (+ learned reader)':44}{full:>10.3f}{len(items) / full:>12,.0f}")
        print(f"  ratio screening / baseline: {full / base:.2f}x")
    print("target: >= 5,000 notes/s on one core")


if __name__ == "__main__":
    main()
