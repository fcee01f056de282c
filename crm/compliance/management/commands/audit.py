from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from crm.compliance.audit import audit_verify


class Command(BaseCommand):
    help = _("Audit log tools. `crm audit verify` checks the hash chain and reports the first broken row.")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, **options):
        report = audit_verify()
        if report.ok:
            self.stdout.write(_("OK: %(n)s audit rows, chain intact.") % {"n": report.checked})
            return
        raise CommandError(
            _("BROKEN at audit row %(pk)s after %(n)s good rows: %(reason)s")
            % {"pk": report.broken_at, "n": report.checked, "reason": report.reason}
        )
