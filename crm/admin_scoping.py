"""Admin base classes: every changelist starts from the shared ``visible_to`` selectors."""

from __future__ import annotations

from django.contrib import admin


class ScopedAdmin(admin.ModelAdmin):
    """Rows the user may see, by the same rules as the pages and the API (crm.access)."""

    list_per_page = 50
    show_full_result_count = False

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if hasattr(queryset, "scope"):
            queryset = queryset.filter(queryset.scope(request.user))
        return queryset


class ReadOnlyAdmin(ScopedAdmin):
    """Records that only services write (screened interactions, findings, decisions, the audit log)."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
