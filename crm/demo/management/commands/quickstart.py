"""``crm quickstart``: migrate, load the demo, print the demo logins, serve on 127.0.0.1:8000.

Meant for a first look on a laptop: the demo accounts share one documented password
(``crm.demo.data.DEMO_PASSWORD``) and must never exist on a real installation.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from crm.demo.loader import load_demo_data
from crm.demo.management.commands.load_demo import report

DEFAULT_ADDRPORT = "127.0.0.1:8000"


class Command(BaseCommand):
    help = _(
        "Set up a demo in one step: migrate the database, load the demo users and data (idempotent), "
        "print the demo logins and serve the app on 127.0.0.1:8000."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-serve",
            action="store_true",
            help=_("Stop after loading the demo data instead of starting the development server."),
        )
        parser.add_argument(
            "--addrport",
            default=DEFAULT_ADDRPORT,
            help=_("Address and port to serve on (default: %(default)s).") % {"default": DEFAULT_ADDRPORT},
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        self.stdout.write(self.style.MIGRATE_HEADING(_("Migrating the database…")))
        call_command("migrate", interactive=False, verbosity=max(0, verbosity - 1), stdout=self.stdout)
        self.stdout.write(self.style.MIGRATE_HEADING(_("Loading the demo data…")))
        result = load_demo_data(stdout=self.stdout if verbosity >= 1 else None)
        report(self, result)
        if options["no_serve"]:
            self.stdout.write("")
            self.stdout.write(_("Start the app with: crm runserver %(addrport)s") % {"addrport": options["addrport"]})
            return
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                _("Open http://%(addrport)s/ and sign in with one of the accounts above. Ctrl+C stops the server.")
                % {"addrport": options["addrport"]}
            )
        )
        call_command("runserver", options["addrport"], use_reloader=False)
