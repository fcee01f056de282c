from django.urls import path

from crm.web import views_review as review

urlpatterns = [
    path("", review.queue, name="queue"),
    path("dashboard/", review.dashboard, name="compliance_dashboard"),
    path("policy/", review.policy, name="policy"),
    path("policy/rescreen/", review.rescreen, name="rescreen"),
    path("ledger/<int:pk>/", review.ledger, name="ledger"),
    path("<int:pk>/", review.review, name="review"),
]
