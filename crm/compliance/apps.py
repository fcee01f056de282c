from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    name = "crm.compliance"
    label = "compliance"
    verbose_name = _("Compliance")

    def ready(self) -> None:
        from crm.compliance import checks  # noqa: F401  (registers the start-up checks)
