"""Start-up checks: the shipped reader's weights must load, or every save would fail later."""

from __future__ import annotations

from django.core.checks import Error, register
from django.utils.translation import gettext as _

from crm.compliance.reader import MODEL_PATH, shipped_reader


@register()
def reader_weights_load(app_configs, **kwargs) -> list[Error]:
    try:
        shipped_reader()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [
            Error(
                _("The learned reader's weights cannot be read: %(error)s") % {"error": exc},
                hint=_("Reinstall the package, or retrain with: crm train_reader FILES -o %(path)s")
                % {"path": MODEL_PATH},
                id="compliance.E001",
            )
        ]
    return []
