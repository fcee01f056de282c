import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from crm.access import system_user
from crm.compliance.reports import disclosure_table
from crm.compliance.selectors import screening_labels
from crm.exports import write_csv, write_xlsx


class Command(BaseCommand):
    help = _(
        "Export reports. `crm export disclosures --year YYYY --format csv|xlsx -o FILE`; "
        "`crm export screening-labels --year YYYY -o FILE` writes the notes reviewers gave a screening "
        "verdict on as JSON lines for `crm screen --evaluate` and `crm train_reader`."
    )

    def add_arguments(self, parser):
        parser.add_argument("report", choices=["disclosures", "screening-labels"])
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", choices=["csv", "xlsx"], help=_("Disclosures only (default csv)."))
        parser.add_argument("-o", "--output", required=True, help=_("File to write."))
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help=_("Language of the headings."))

    def handle(self, *args, **options):
        output = Path(options["output"])
        if not output.parent.exists():
            raise CommandError(_("Folder %(folder)s does not exist.") % {"folder": output.parent})
        if options["report"] == "screening-labels":
            if options["format"]:
                raise CommandError(_("Screening labels are written as JSON lines: leave out --format."))
            count = self.write_labels(output, year=options["year"])
            self.stdout.write(_("%(n)s rows written to %(path)s") % {"n": count, "path": output})
            return
        with translation.override(options["language"]):
            header, rows = disclosure_table(system_user(), year=options["year"])
            if options["format"] in (None, "csv"):
                with output.open("wb") as stream:
                    count = write_csv(stream, header, rows)
            else:
                count = write_xlsx(output, header, rows, title=_("Disclosures %(year)s") % {"year": options["year"]})
            self.stdout.write(_("%(n)s rows written to %(path)s") % {"n": count, "path": output})

    @staticmethod
    def write_labels(output: Path, *, year: int) -> int:
        """The labelled notes as JSON lines, through a partial file so a failed export leaves none."""
        partial = output.with_name(output.name + ".part")
        count = 0
        try:
            with partial.open("w", encoding="utf-8") as stream:
                for line in screening_labels(system_user(), year=year):
                    stream.write(json.dumps(line, ensure_ascii=False) + "\n")
                    count += 1
        except LookupError as error:
            partial.unlink()
            raise CommandError(str(error)) from error
        partial.replace(output)
        return count
