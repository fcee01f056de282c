"""``crm train_reader``: fit the learned reader on labelled corpora and write its weights file."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from crm.compliance.reader import train_reader
from crm.compliance.screening import fold


class Command(BaseCommand):
    requires_system_checks = []  # reads files and writes one; no database
    help = gettext_lazy(
        'Train the learned reader on JSON lines files whose notes carry "text" and "tov": true|false, '
        "and write its weights (needs scikit-learn: pip install -e '.[learn]')."
    )

    def add_arguments(self, parser):
        parser.add_argument("corpora", nargs="+", metavar="FILE", help=gettext_lazy("Labelled JSON lines files."))
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            help=gettext_lazy(
                "Where to write the weights (JSON); the shipped ones are crm/compliance/value_reader.json."
            ),
        )

    def handle(self, *args, **options):
        try:
            import sklearn  # noqa: F401
        except ImportError as exc:
            raise CommandError(_("Training needs scikit-learn: pip install -e '.[learn]'.")) from exc
        notes, names = [], []
        for path in sorted(options["corpora"]):
            names.append(Path(path).name)
            try:
                lines = Path(path).read_text("utf-8").splitlines()
            except OSError as exc:
                raise CommandError(_("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc}) from exc
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    if not isinstance(row.get("text"), str) or not isinstance(row.get("tov"), bool):
                        raise ValueError('"text" must be a string and "tov" true or false')
                    notes.append((fold(row["text"]), row["tov"]))
                except (ValueError, AttributeError) as exc:
                    message = _('%(path)s line %(line)s: expected {"text": ..., "tov": true|false} (%(error)s)')
                    raise CommandError(message % {"path": path, "line": number, "error": exc}) from exc
        if len({label for _text, label in notes}) < 2:
            raise CommandError(_("The corpora need notes of both kinds (tov true and false)."))
        reader = train_reader(notes, trained_on=", ".join(names))
        try:
            Path(options["output"]).write_text(reader.to_json() + "\n", "utf-8")
        except OSError as exc:
            raise CommandError(
                _("Cannot write %(path)s: %(error)s") % {"path": options["output"], "error": exc}
            ) from exc
        self.stdout.write(
            _("Trained on %(notes)s notes from %(files)s files; %(grams)s grams written to %(path)s.")
            % {"notes": len(notes), "files": len(names), "grams": len(reader.weights), "path": options["output"]}
        )
