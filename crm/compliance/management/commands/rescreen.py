from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from crm.compliance.selectors import current_policy
from crm.compliance.services import interactions_rescreen


class Command(BaseCommand):
    help = _("Re-run screening over all stored interactions under the current policy, in batches.")

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, **options):
        policy = current_policy()
        self.stdout.write(_("Screening with policy v%(version)s…") % {"version": policy.version})

        def progress(report):
            self.stdout.write(_("  %(n)s interactions screened") % {"n": report.scanned})

        report = interactions_rescreen(batch_size=options["batch_size"], progress=progress)
        self.stdout.write(
            _(
                "Done: %(scanned)s screened, %(flagged)s newly flagged, %(cleared)s cleared, "
                "%(changed)s with changed findings, %(decided)s decided ones that would now differ (left as decided)."
            )
            % {
                "scanned": report.scanned,
                "flagged": report.newly_flagged,
                "cleared": report.cleared,
                "changed": report.findings_changed,
                "decided": report.decided_would_change,
            }
        )
