from django.contrib import admin

from crm.admin_scoping import ScopedAdmin
from crm.partners.models import Clinician, Organization, Territory, TerritoryAssignment


class AssignmentInline(admin.TabularInline):
    model = TerritoryAssignment
    fk_name = "territory"
    extra = 0
    autocomplete_fields = ("liaison",)
    fields = ("liaison", "starts_on", "ends_on")


@admin.register(Territory)
class TerritoryAdmin(ScopedAdmin):
    list_display = ("name", "code", "department")
    list_filter = ("department",)
    list_select_related = ("department",)
    search_fields = ("name", "code")
    autocomplete_fields = ("department",)
    inlines = [AssignmentInline]


@admin.register(TerritoryAssignment)
class TerritoryAssignmentAdmin(admin.ModelAdmin):
    list_display = ("liaison", "territory", "starts_on", "ends_on")
    list_filter = ("territory",)
    list_select_related = ("liaison", "territory")
    search_fields = ("liaison__full_name", "liaison__username", "territory__name")
    autocomplete_fields = ("liaison", "territory", "assigned_by")
    date_hierarchy = "starts_on"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(territory__in=Territory.objects.visible_to(request.user))


class ClinicianInline(admin.TabularInline):
    model = Clinician
    extra = 0
    fields = ("name", "title", "department", "phone", "is_key_contact", "consents_to_contact", "is_active")
    show_change_link = True


@admin.register(Organization)
class OrganizationAdmin(ScopedAdmin):
    list_display = ("name", "kind", "territory", "tier", "status", "agreement_expires_on")
    list_filter = ("territory", "kind", "tier", "status")
    list_select_related = ("territory",)
    search_fields = ("name", "address", "phone", "specialties")
    autocomplete_fields = ("territory",)
    inlines = [ClinicianInline]


@admin.register(Clinician)
class ClinicianAdmin(ScopedAdmin):
    list_display = ("name", "organization", "title", "department", "is_key_contact", "consents_to_contact")
    list_filter = ("title", "is_key_contact", "consents_to_contact", "is_active", "organization__territory")
    list_select_related = ("organization",)
    search_fields = ("name", "organization__name", "department", "licence_number", "phone", "wechat")
    autocomplete_fields = ("organization",)
