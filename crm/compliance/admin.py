from django.contrib import admin

from crm.admin_scoping import ReadOnlyAdmin
from crm.compliance.models import AuditEntry, Finding, Policy, ReviewDecision
from crm.compliance.services import policy_publish


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    """Policies are versions: saving the form publishes a new version; old ones stay as they were."""

    list_display = (
        "version",
        "item_limit",
        "annual_cap",
        "annual_warn_ratio",
        "meals_per_quarter",
        "created_at",
        "created_by",
        "note",
    )
    list_select_related = ("created_by",)
    exclude = ("version", "created_by")

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change):
        published = policy_publish(author=request.user, values=form.cleaned_data)
        obj.pk, obj.version = published.pk, published.version


@admin.register(Finding)
class FindingAdmin(ReadOnlyAdmin):
    list_display = ("interaction", "interaction_version", "rule", "severity", "message", "policy", "created_at")
    list_filter = ("rule", "severity")
    list_select_related = ("interaction", "policy")
    search_fields = ("message", "interaction__organization__name")


@admin.register(ReviewDecision)
class ReviewDecisionAdmin(ReadOnlyAdmin):
    list_display = ("interaction", "interaction_version", "decision", "screening_verdict", "reviewer", "decided_at")
    list_filter = ("decision", "screening_verdict")
    list_select_related = ("interaction", "reviewer")
    search_fields = ("comment", "reviewer__full_name")


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("pk", "at", "actor", "action", "object_type", "object_id")
    list_filter = ("action", "object_type")
    list_select_related = ("actor",)
    search_fields = ("object_id", "action")
