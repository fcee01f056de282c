from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from crm.people.models import Department, User


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "hospital")
    search_fields = ("name", "hospital")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "full_name", "department", "role_names", "is_active", "last_login")
    list_filter = ("groups", "department", "is_active", "is_superuser")
    list_select_related = ("department",)
    search_fields = ("username", "full_name", "first_name", "last_name", "email", "phone")
    autocomplete_fields = ("department",)
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Outreach department"), {"fields": ("full_name", "phone", "department")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Outreach department"), {"fields": ("full_name", "department", "groups")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("roles"))
    def role_names(self, user: User) -> str:
        return ", ".join(group.name for group in user.groups.all())
