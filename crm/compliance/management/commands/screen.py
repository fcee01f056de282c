"""``crm screen``: screen notes given as JSON lines, or measure the screening on a labelled corpus."""

from __future__ import annotations

import json
import sys
import time
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from crm.compliance.models import Policy
from crm.compliance.screening import VALUE_READER, get_screener, patient_identifier_hits, screen_findings


class Command(BaseCommand):
    stealth_options = ("stdin",)  # call_command(..., stdin=StringIO(...)) in tests
    requires_system_checks = []  # a text filter: it needs the policy table, not the URL or admin checks
    help = gettext_lazy(
        'Screen notes read as JSON lines {"id": ..., "text": ...} on standard input and write one JSON '
        "line of findings per note, using the current policy's term lists and learned reader."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--evaluate",
            metavar="FILE",
            help=gettext_lazy(
                'Measure precision and recall on a JSON lines file whose notes carry "tov": true|false, '
                "and list every miss."
            ),
        )
        parser.add_argument(
            "--terms",
            metavar="FILE",
            help=gettext_lazy("Use the term lists of this JSON file instead of the current policy's."),
        )
        reader = parser.add_mutually_exclusive_group()
        reader.add_argument(
            "--reader-threshold",
            type=float,
            metavar="P",
            help=gettext_lazy("Let the learned reader flag notes it is at least this sure of (0.5–0.99)."),
        )
        reader.add_argument("--no-reader", action="store_true", help=gettext_lazy("Screen with the term lists alone."))
        parser.add_argument(
            "--figures-only",
            action="store_true",
            help=gettext_lazy(
                "With --evaluate: print the figures, not the notes screened wrongly (for corpora kept unread)."
            ),
        )

    def handle(self, *args, **options):
        terms, threshold = self._terms(options.get("terms"))
        if options.get("reader_threshold") is not None:
            threshold = Decimal(str(options["reader_threshold"]))
            try:  # the policy field's own range
                Policy._meta.get_field("reader_threshold").run_validators(threshold)
            except ValidationError as exc:
                raise CommandError(_("The reader threshold must be between 0.5 and 0.99.")) from exc
        screener = get_screener(terms, None if options.get("no_reader") else threshold)
        if options.get("evaluate"):
            return self._evaluate(screener, options["evaluate"], figures_only=options["figures_only"])
        return self._screen(screener, options.get("stdin") or sys.stdin)

    def _terms(self, path: str | None) -> tuple[dict, Decimal | None]:
        """The term lists and reader threshold to screen with: the file's lists (reader off unless
        asked for), or the current policy's lists and threshold."""
        if path:
            try:
                with open(path, encoding="utf-8") as handle:
                    terms = json.load(handle)
            except (OSError, ValueError) as exc:
                raise CommandError(_("Cannot read the terms file: %(error)s") % {"error": exc}) from exc
            if not isinstance(terms, dict):
                raise CommandError(_("The terms file must hold a JSON object."))
            return terms, None
        from crm.compliance.selectors import current_policy

        policy = current_policy()
        if policy is None:
            raise CommandError(_("No policy in the database: run “crm migrate” first."))
        return policy.screening_terms or {}, policy.reader_threshold

    def _screen(self, screener, stdin) -> None:
        bad = 0
        for number, line in enumerate(stdin, start=1):
            if not line.strip():
                continue
            note_id, text, error = _parse(line, number)
            if error:
                bad += 1
                self._write({"id": note_id, "error": error})
                continue
            findings = screen_findings(screener, text)
            self._write({"id": note_id, "flagged": bool(findings), "findings": findings})
        if bad:
            raise CommandError(_("%(count)d input line(s) could not be screened.") % {"count": bad}, returncode=2)

    def _evaluate(self, screener, path: str, *, figures_only: bool = False) -> None:
        try:
            with open(path, encoding="utf-8") as handle:
                rows = [json.loads(line) for line in handle if line.strip()]
        except (OSError, ValueError) as exc:
            raise CommandError(_("Cannot read the corpus: %(error)s") % {"error": exc}) from exc
        rows = [r for r in rows if isinstance(r, dict) and isinstance(r.get("text"), str) and "tov" in r]
        if not rows:
            raise CommandError(_('The corpus has no lines with "text" and "tov".'))

        began = time.perf_counter()
        results = [(row, screener.value_hits(row["text"])) for row in rows]
        for row, _hits in results:
            patient_identifier_hits(row["text"])
        elapsed = time.perf_counter() - began

        stats = evaluate(results)
        out = self.stdout
        out.write(_("Notes: %(n)d") % {"n": len(rows)})
        out.write(_("Precision: %(v).3f") % {"v": stats["precision"]})
        out.write(_("Recall: %(v).3f") % {"v": stats["recall"]})
        out.write(_("F1: %(v).3f") % {"v": stats["f1"]})
        out.write(_("tp=%(tp)d fp=%(fp)d fn=%(fn)d tn=%(tn)d") % stats)
        read = [row for row, hits in results if hits and hits[0].rule == VALUE_READER]
        out.write(
            _("Flagged by the learned reader (the lists found nothing): %(n)d, of which right: %(right)d")
            % {"n": len(read), "right": sum(1 for row in read if row["tov"])}
        )
        out.write(
            _("Speed: %(rate).0f notes/second (value and patient identifier screening, one core)")
            % {"rate": len(rows) / elapsed if elapsed else float("inf")}
        )
        if figures_only:
            return
        for row, hits in results:
            flagged, expected = bool(hits), bool(row["tov"])
            if flagged == expected:
                continue
            kind = _("False positive") if flagged else _("False negative")
            matched = ", ".join(f"{h.nature or h.rule}:{h.match}" for h in hits) or "-"
            out.write(
                _("%(kind)s %(id)s: %(text)s [matched: %(matched)s]")
                % {"kind": kind, "id": row.get("id", ""), "text": row["text"], "matched": matched}
            )

    def _write(self, payload: dict) -> None:
        self.stdout.write(json.dumps(payload, ensure_ascii=False))


def _parse(line: str, number: int) -> tuple[object, str, str]:
    """(id, text, error) of one input line; error is "" when the line is usable."""
    try:
        payload = json.loads(line)
    except ValueError:
        return f"line-{number}", "", _("Line %(n)d is not valid JSON.") % {"n": number}
    if not isinstance(payload, dict):
        return f"line-{number}", "", _("Line %(n)d is not a JSON object.") % {"n": number}
    note_id = payload.get("id", f"line-{number}")
    text = payload.get("text")
    if not isinstance(text, str):
        return note_id, "", _('Line %(n)d has no "text" string.') % {"n": number}
    return note_id, text, ""


def evaluate(results) -> dict:
    """Confusion counts and precision/recall/F1 of (row with "tov", value hits) pairs."""
    tp = sum(1 for row, hits in results if hits and row["tov"])
    fp = sum(1 for row, hits in results if hits and not row["tov"])
    fn = sum(1 for row, hits in results if not hits and row["tov"])
    tn = sum(1 for row, hits in results if not hits and not row["tov"])
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": precision, "recall": recall, "f1": f1}
