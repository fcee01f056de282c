from django.contrib.auth import views as auth_views
from django.urls import include, path

from crm.web import views_liaison as liaison
from crm.web import views_partners as partners
from crm.web.forms import LoginForm

app_name = "web"

urlpatterns = [
    path("", liaison.home, name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="web/login.html", authentication_form=LoginForm),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("today/", liaison.today, name="today"),
    path("log/", liaison.log_start, name="log_start"),
    path("partners/", partners.directory, name="partners"),
    path("partners/search/", partners.search, name="partner_search"),
    path("partners/<int:pk>/", partners.detail, name="partner"),
    path("partners/<int:pk>/log/<str:kind>/", liaison.log_interaction, name="log"),
    path("interactions/<int:pk>/", liaison.interaction_detail, name="interaction"),
    path("interactions/<int:pk>/amend/", liaison.amend_interaction, name="amend"),
    path("partners/<int:pk>/preview/", liaison.preview, name="preview"),
    path("follow-ups/", liaison.follow_ups, name="follow_ups"),
    path("follow-ups/<int:pk>/done/", liaison.follow_up_done, name="follow_up_done"),
    path("summaries/", liaison.summaries, name="summaries"),
    path("summaries/<str:period>/<str:start>/", liaison.summary_edit, name="summary"),
    path("director/", include("crm.web.urls_team")),
    path("review/", include("crm.web.urls_review")),
]
