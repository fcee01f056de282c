from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = admin.site.site_title = _("Partner Liaison CRM")
admin.site.index_title = _("Administration")

urlpatterns = [
    path("", include("crm.web.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", include("crm.rest.urls")),
]
