"""Admin for logged work. Interactions and value lines are read-only here: they are written only
through ``crm.interactions.services`` so every row is screened (pages, API and imports do that)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from crm.admin_scoping import ReadOnlyAdmin, ReadOnlyInline, ScopedAdmin
from crm.compliance.models import Finding, ReviewDecision
from crm.interactions.models import FollowUp, Interaction, InteractionRevision, Summary, TransferOfValue


class TransferInline(ReadOnlyInline):
    model = TransferOfValue
    fields = (
        "nature",
        "form",
        "description",
        "amount",
        "recipient_clinician",
        "recipient_organization",
        "patient_education",
        "justification",
    )


class FindingInline(ReadOnlyInline):
    model = Finding
    fields = ("interaction_version", "rule", "severity", "message", "policy")


class DecisionInline(ReadOnlyInline):
    model = ReviewDecision
    fields = ("interaction_version", "decision", "reviewer", "decided_at", "comment")


class RevisionInline(ReadOnlyInline):
    model = InteractionRevision
    fields = ("version", "created_at", "created_by")


@admin.register(Interaction)
class InteractionAdmin(ReadOnlyAdmin):
    list_display = ("occurred_at", "kind", "organization", "liaison", "channel", "review_status", "version")
    list_filter = ("kind", "review_status", "channel", "organization__territory", "liaison")
    list_select_related = ("organization", "liaison")
    search_fields = ("summary", "next_step", "organization__name", "clinicians__name", "case_code")
    date_hierarchy = "occurred_at"
    inlines = [TransferInline, FindingInline, DecisionInline, RevisionInline]


@admin.register(TransferOfValue)
class TransferOfValueAdmin(ReadOnlyAdmin):
    list_display = (
        "value_date",
        "nature",
        "amount",
        "recipient_clinician",
        "recipient_organization",
        "patient_education",
        "interaction",
    )
    list_filter = ("nature", "form", "patient_education", "interaction__review_status")
    list_select_related = ("recipient_clinician", "recipient_organization", "interaction")
    search_fields = ("description", "recipient_clinician__name", "recipient_organization__name")
    date_hierarchy = "value_date"


@admin.register(InteractionRevision)
class InteractionRevisionAdmin(ReadOnlyAdmin):
    list_display = ("interaction", "version", "created_at", "created_by")
    list_select_related = ("interaction", "created_by")
    search_fields = ("interaction__organization__name",)


@admin.register(FollowUp)
class FollowUpAdmin(ScopedAdmin):
    list_display = ("due_on", "description", "organization", "liaison", "done_at")
    list_filter = ("done_at", "liaison", "organization__territory")
    list_select_related = ("organization", "liaison")
    search_fields = ("description", "organization__name")
    autocomplete_fields = ("organization", "liaison")
    raw_id_fields = ("interaction",)
    date_hierarchy = "due_on"


@admin.register(Summary)
class SummaryAdmin(ScopedAdmin):
    list_display = ("period_start", "period", "liaison", "due_at", "submitted_at", "is_late")
    list_filter = ("period", "liaison")
    list_select_related = ("liaison",)
    search_fields = ("body", "plan", "liaison__full_name")
    autocomplete_fields = ("liaison",)
    date_hierarchy = "period_start"

    @admin.display(boolean=True, description=_("late"))
    def is_late(self, summary: Summary) -> bool:
        return summary.is_late
