"""Start-up checks: the shipped reader's weights must load, or every save would fail later; and the
policy in force should name the weights that screen with it."""

from __future__ import annotations

from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError
from django.utils.translation import gettext as _

from crm.compliance.reader import MODEL_PATH, shipped_reader

_UNREADABLE = (OSError, ValueError, KeyError, TypeError)


@register()
def reader_weights_load(app_configs, **kwargs) -> list[Error]:
    try:
        shipped_reader()
    except _UNREADABLE as exc:
        return [
            Error(
                _("The learned reader's weights cannot be read: %(error)s") % {"error": exc},
                hint=_("Reinstall the package, or retrain with: crm train_reader FILES -o %(path)s")
                % {"path": MODEL_PATH},
                id="compliance.E001",
            )
        ]
    return []


@register(Tags.database)
def policy_names_the_weights_in_use(app_configs, databases=None, **kwargs) -> list[Warning]:
    """Weights retrained in place (``crm train_reader -o`` over the shipped file) screen under a
    policy version that names other weights: findings would then name the wrong ones."""
    if not databases:
        return []
    from crm.compliance.selectors import current_policy

    try:
        policy = current_policy()
        installed = shipped_reader().digest
    except DatabaseError:  # not migrated yet: ``migrate`` runs this check before it applies anything
        return []
    except _UNREADABLE:  # compliance.E001 reports it
        return []
    if policy is None or policy.reader_threshold is None or policy.reader_digest == installed:
        return []
    return [
        Warning(
            _(
                "Policy version %(version)s records learned-reader weights %(recorded)s, but the installed "
                "weights are %(installed)s."
            )
            % {"version": policy.version, "recorded": policy.reader_digest or "—", "installed": installed},
            hint=_(
                "Publish the policy again (the policy page, or the admin) so that new findings name a "
                "version whose weights made them."
            ),
            id="compliance.W002",
        )
    ]
