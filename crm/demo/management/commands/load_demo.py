"""``crm load_demo``: load the demo data only (no migrate, no server). Idempotent."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from crm.demo.loader import load_demo_data, login_lines, summary_lines


class Command(BaseCommand):
    help = _(
        "Load the demo department, users, partners and 90 days of logged work. "
        "Does nothing when the demo data is already there. Demo only: never on a real installation."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            help=_("Date the demo is built around, YYYY-MM-DD (default: today). The same date gives the same data."),
        )

    def handle(self, *args, **options):
        today = None
        if options["today"]:
            try:
                today = date.fromisoformat(options["today"])
            except ValueError as error:
                raise CommandError(_("--today must be a date like 2026-03-31.")) from error
        result = load_demo_data(today=today, stdout=self.stdout if options["verbosity"] >= 1 else None)
        report(self, result)


def report(command: BaseCommand, result) -> None:
    """Print what the demo holds and the demo logins (shared with ``crm quickstart``)."""
    out, style = command.stdout, command.style
    if result.created:
        out.write(style.SUCCESS(_("Demo data loaded in %(seconds)s s.") % {"seconds": result.seconds}))
    for line in summary_lines(result):
        out.write("  " + line)
    if result.skipped:
        out.write(style.WARNING(_("%(n)s interactions were refused by the services:") % {"n": len(result.skipped)}))
        for message in result.skipped:
            out.write("  " + message)
    out.write("")
    out.write(style.MIGRATE_HEADING(_("Demo logins (demo only: every account has the same password)")))
    for line in login_lines(result):
        out.write(line)
