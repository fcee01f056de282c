from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from crm.rest import views

router = DefaultRouter()
router.register("territories", views.TerritoryViewSet, basename="territory")
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("clinicians", views.ClinicianViewSet, basename="clinician")
router.register("interactions", views.InteractionViewSet, basename="interaction")
router.register("follow-ups", views.FollowUpViewSet, basename="follow-up")
router.register("summaries", views.SummaryViewSet, basename="summary")

urlpatterns = [
    path("v1/auth/token/", views.TokenView.as_view(), name="api-token"),
    path("v1/reviews/queue/", views.ReviewQueueView.as_view(), name="api-review-queue"),
    path("v1/recipients/<int:clinician_id>/ledger/", views.LedgerView.as_view(), name="api-ledger"),
    path("v1/screen/", views.ScreenView.as_view(), name="api-screen"),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]
