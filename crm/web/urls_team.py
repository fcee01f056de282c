from django.urls import path

from crm.web import views_team as team

urlpatterns = [
    path("", team.dashboard, name="director"),
    path("territories/", team.assignments, name="assignments"),
    path("territories/assignments/<int:pk>/end/", team.assignment_end, name="assignment_end"),
    path("tiers/", team.tiering, name="tiering"),
]
