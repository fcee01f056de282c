"""REST endpoints. Every queryset starts from ``visible_to`` (crm.access); every interaction write
and review decision goes through the same services as the pages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from crm.compliance import selectors as compliance_selectors
from crm.compliance.models import Finding
from crm.compliance.screening import screen_findings
from crm.compliance.services import review_decide
from crm.interactions.models import Interaction
from crm.interactions.services import (
    TransferInput,
    follow_up_complete,
    interaction_amend,
    interaction_create,
    summary_save,
)
from crm.partners.models import Clinician, Organization, Territory
from crm.rest import serializers as s

REFUSAL_STATUS = {"already_decided": status.HTTP_409_CONFLICT}
ERRORS = {  # lazy: the schema is built per request, in the request's language
    400: OpenApiResponse(description=gettext_lazy("Invalid input: field-level messages.")),
    403: OpenApiResponse(description=gettext_lazy("Not allowed for your role.")),
    404: OpenApiResponse(description=gettext_lazy("Not found, or outside your territories.")),
}


class RolePermissions(permissions.DjangoModelPermissions):
    """The role's Django model permissions, including ``view`` for reads."""

    perms_map = {
        **permissions.DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": [],
    }


def service_errors(error: DjangoValidationError) -> ValidationError:
    """A service's ValidationError as a DRF 400 with field-level messages."""
    if hasattr(error, "error_dict"):
        detail = {("non_field_errors" if k == "__all__" else k): v for k, v in error.message_dict.items()}
        return ValidationError(detail)
    return ValidationError({"non_field_errors": error.messages})


class ScopedViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [permissions.IsAuthenticated, RolePermissions]
    related: tuple[str, ...] = ()
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        model = type(self).serializer_class.Meta.model  # actions may swap serializer_class
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user
            return model.objects.none()
        return model.objects.visible_to(self.request.user).select_related(*self.related).order_by("pk")

    @staticmethod
    def require_visible(queryset, obj, field: str) -> None:
        if obj is not None and not queryset.filter(pk=obj.pk).exists():
            raise ValidationError({field: [_("Not found, or outside your territories.")]})


@extend_schema_view(list=extend_schema(responses={200: s.TerritorySerializer(many=True), **ERRORS}))
class TerritoryViewSet(ScopedViewSet):
    """Territories of your department. Directors and administrators create and rename them; names are
    unique within a department. Liaisons see the territories they are assigned to."""

    serializer_class = s.TerritorySerializer
    filterset_fields = ["department", "code"]
    ordering_fields = ["name", "code"]

    def perform_create(self, serializer):
        department_id = self.request.user.department_id
        if not department_id:
            raise ValidationError({"department": [_("Your account belongs to no department.")]})
        self._require_unique_name(serializer, department_id)
        serializer.save(department_id=department_id)

    def perform_update(self, serializer):
        self._require_unique_name(serializer, serializer.instance.department_id)
        serializer.save()

    @staticmethod
    def _require_unique_name(serializer, department_id) -> None:
        name = serializer.validated_data.get("name")
        clash = Territory.objects.filter(department_id=department_id, name=name)
        if serializer.instance is not None:
            clash = clash.exclude(pk=serializer.instance.pk)
        if name is not None and clash.exists():
            raise ValidationError({"name": [_("Your department already has a territory of this name.")]})


class OrganizationViewSet(ScopedViewSet):
    """Partner organisations (clinics, health centres, pharmacies) in the territories you can see,
    with their tier, status and cooperation agreement dates."""

    serializer_class = s.OrganizationSerializer
    related = ("territory",)
    filterset_fields = ["territory", "kind", "tier", "status"]
    ordering_fields = ["name", "tier", "status", "created_at"]

    def perform_create(self, serializer):
        self.require_visible(
            Territory.objects.visible_to(self.request.user), serializer.validated_data.get("territory"), "territory"
        )
        serializer.save()

    perform_update = perform_create


class ClinicianViewSet(ScopedViewSet):
    """Clinicians of the partner organisations you can see: the recipients any transfer of value is
    recorded against."""

    serializer_class = s.ClinicianSerializer
    related = ("organization",)
    filterset_fields = ["organization", "title", "is_key_contact", "is_active"]
    ordering_fields = ["name", "created_at"]

    def perform_create(self, serializer):
        self.require_visible(
            Organization.objects.visible_to(self.request.user),
            serializer.validated_data.get("organization"),
            "organization",
        )
        serializer.save()

    perform_update = perform_create


def transfer_inputs(lines: list[dict], organization) -> list[TransferInput]:
    inputs = []
    for line in lines:
        ids = line.get("attendees") or []
        attendees = list(Clinician.objects.filter(pk__in=ids, organization=organization))
        if len(attendees) != len(set(ids)):
            raise ValidationError({"transfers": [_("Attendees must be clinicians of this partner.")]})
        inputs.append(
            TransferInput(
                nature=line["nature"],
                form=line.get("form", "in_kind"),
                description=line.get("description", ""),
                amount=line["amount"],
                currency=line.get("currency", "CNY"),
                recipient_clinician=line.get("recipient_clinician"),
                recipient_organization=line.get("recipient_organization"),
                attendees=attendees,
                patient_education=line.get("patient_education", False),
                justification=line.get("justification", ""),
            )
        )
    return inputs


@extend_schema_view(
    create=extend_schema(responses={201: s.InteractionSerializer, **ERRORS}),
    update=extend_schema(responses={200: s.InteractionSerializer, **ERRORS}),
    partial_update=extend_schema(responses={200: s.InteractionSerializer, **ERRORS}),
)
class InteractionViewSet(ScopedViewSet):
    """Visits, training offers and case discussions with their value lines and current findings."""

    serializer_class = s.InteractionSerializer
    related = ("organization", "liaison")
    filterset_fields = ["kind", "organization", "liaison", "review_status", "channel"]
    ordering_fields = ["occurred_at", "updated_at", "created_at"]

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(
                "clinicians",
                "transfers",
                Prefetch("findings", queryset=Finding.objects.order_by("pk")),
            )
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        organization = data.pop("organization")
        try:
            interaction = interaction_create(
                author=request.user,
                kind=data.pop("kind"),
                organization=organization,
                occurred_at=data.pop("occurred_at"),
                summary=data.pop("summary"),
                clinicians=data.pop("clinicians", []),
                transfers=transfer_inputs(data.pop("transfers", []), organization),
                **data,
            )
        except DjangoValidationError as error:
            raise service_errors(error) from error
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        fresh = self.get_queryset().get(pk=interaction.pk)
        return Response(self.get_serializer(fresh).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        interaction = self.get_object()
        serializer = self.get_serializer(interaction, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("kind", None)
        data.pop("organization", None)  # a partner cannot change: log a new interaction instead
        transfers = data.pop("transfers", None)
        clinicians = data.pop("clinicians", None)
        try:
            amended = interaction_amend(
                interaction=interaction,
                author=request.user,
                clinicians=clinicians,
                transfers=None if transfers is None else transfer_inputs(transfers, interaction.organization),
                **data,
            )
        except DjangoValidationError as error:
            raise service_errors(error) from error
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        return Response(self.get_serializer(self.get_queryset().get(pk=amended.pk)).data)

    @extend_schema(
        request=s.DecisionSerializer,
        responses={
            201: s.DecisionResultSerializer,
            400: s.RefusalSerializer,
            403: s.RefusalSerializer,
            404: OpenApiResponse(description=_("Not found.")),
            409: s.RefusalSerializer,
        },
        description=_(
            "Approve, reject or return a pending interaction. Where screening flagged the notes, approving "
            "or rejecting also needs screening_verdict (confirmed or false_alarm). Refusals carry a code: "
            "prohibited, self_review, comment_required, verdict_required, verdict_without_flags, invalid_verdict, "
            "already_decided (409), permission_denied (403)."
        ),
    )
    @action(detail=True, methods=["post"], url_path="decisions", serializer_class=s.DecisionSerializer)
    def decisions(self, request, pk=None):
        interaction = self.get_object()
        body = s.DecisionSerializer(data=request.data)
        if not body.is_valid():
            if "screening_verdict" in body.errors and "decision" not in body.errors:
                detail = _("Send a screening_verdict of confirmed or false_alarm, or none.")
                return Response({"code": "invalid_verdict", "detail": detail}, status=status.HTTP_400_BAD_REQUEST)
            return Response(
                {"code": "invalid_decision", "detail": _("Send a decision of approve, reject or return.")},
                status=status.HTTP_400_BAD_REQUEST,
            )
        try:
            decision = review_decide(
                interaction=interaction,
                reviewer=request.user,
                decision=body.validated_data["decision"],
                comment=body.validated_data["comment"],
                screening_verdict=body.validated_data["screening_verdict"] or "",
            )
        except DjangoPermissionDenied as error:
            return Response({"code": "permission_denied", "detail": str(error)}, status=status.HTTP_403_FORBIDDEN)
        except DjangoValidationError as error:
            code = error.code or "invalid"
            return Response(
                {"code": code, "detail": " ".join(error.messages)},
                status=REFUSAL_STATUS.get(code, status.HTTP_400_BAD_REQUEST),
            )
        return Response(
            {
                "id": decision.pk,
                "decision": decision.decision,
                "screening_verdict": decision.screening_verdict,
                "interaction_version": decision.interaction_version,
                "compliance_status": interaction.review_status,
            },
            status=status.HTTP_201_CREATED,
        )

    def get_permissions(self):
        if self.action == "decisions":
            return [permissions.IsAuthenticated()]  # review_decide checks the role and answers with a code
        return super().get_permissions()


class FollowUpViewSet(ScopedViewSet):
    """Follow-ups: what a liaison promised to do next for a partner, and when. Only the owning liaison
    changes or completes one."""

    serializer_class = s.FollowUpSerializer
    related = ("organization", "liaison")
    filterset_fields = ["organization", "liaison", "due_on"]
    ordering_fields = ["due_on", "done_at"]

    def perform_create(self, serializer):
        self.require_visible(
            Organization.objects.visible_to(self.request.user),
            serializer.validated_data.get("organization"),
            "organization",
        )
        serializer.save(liaison=self.request.user)

    def perform_update(self, serializer):
        if serializer.instance.liaison_id != self.request.user.pk:
            raise PermissionDenied(_("Only the liaison who owns a follow-up can change it."))
        self.require_visible(
            Organization.objects.visible_to(self.request.user),
            serializer.validated_data.get("organization"),
            "organization",
        )
        serializer.save()

    @extend_schema(request=None, responses={200: s.FollowUpSerializer, **ERRORS})
    @action(detail=True, methods=["post"], url_path="done")
    def done(self, request, pk=None):
        """Mark the follow-up done, with an optional ``outcome``; only its liaison can."""
        follow_up = self.get_object()
        try:
            follow_up_complete(follow_up=follow_up, user=request.user, outcome=request.data.get("outcome", "") or "")
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        except DjangoValidationError as error:
            raise service_errors(error) from error
        return Response(self.get_serializer(follow_up).data)


class SummaryViewSet(ScopedViewSet):
    """Daily, weekly and monthly summaries a liaison writes; one per liaison, period and start date.
    Directors read their team's."""

    serializer_class = s.SummarySerializer
    related = ("liaison",)
    filterset_fields = ["period", "period_start", "liaison"]
    ordering_fields = ["period_start", "submitted_at"]

    def _save(self, serializer, status_code):
        data = serializer.validated_data
        try:
            summary = summary_save(
                liaison=self.request.user,
                period=data["period"],
                period_start=data["period_start"],
                body=data.get("body", ""),
                plan=data.get("plan", ""),
                submit=data.get("submit", False),
            )
        except DjangoValidationError as error:
            raise service_errors(error) from error
        return Response(self.get_serializer(summary).data, status=status_code)

    def create(self, request, *args, **kwargs):
        if not request.user.has_perm("interactions.add_summary"):
            raise PermissionDenied
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self._save(serializer, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        summary = self.get_object()
        if summary.liaison_id != request.user.pk:
            raise PermissionDenied(_("Only the liaison who wrote a summary can change it."))
        if not isinstance(request.data, dict):
            raise ValidationError({"non_field_errors": [_("Send a JSON object.")]})
        # The period identifies the summary: it is taken from the summary itself, never from the body.
        data = {**request.data, "period": summary.period, "period_start": summary.period_start}
        serializer = self.get_serializer(summary, data=data, partial=kwargs.pop("partial", False))
        serializer.is_valid(raise_exception=True)
        return self._save(serializer, status.HTTP_200_OK)


class IsReviewer(permissions.BasePermission):
    message = _("Only compliance reviewers can see the review queue.")

    def has_permission(self, request, view) -> bool:
        return request.user.is_authenticated and request.user.has_perm("compliance.add_reviewdecision")


@extend_schema(
    parameters=[
        OpenApiParameter("severity", str, enum=["review", "prohibited", "blocked"]),
        OpenApiParameter("rule", str),
        OpenApiParameter("liaison", int),
        OpenApiParameter("territory", int),
    ],
    responses={200: s.QueueItemSerializer(many=True), 403: ERRORS[403]},
)
class ReviewQueueView(ListAPIView):
    """Interactions waiting for a decision, oldest first."""

    serializer_class = s.QueueItemSerializer
    permission_classes = [IsReviewer]
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Interaction.objects.none()
        params = self.request.query_params

        def number(name):
            value = params.get(name)
            if value in (None, ""):
                return None
            if not value.isdigit():
                raise ValidationError({name: [_("A whole number is required.")]})
            return int(value)

        return compliance_selectors.review_queue(
            self.request.user,
            severity=params.get("severity") or None,
            rule=params.get("rule") or None,
            liaison_id=number("liaison"),
            territory_id=number("territory"),
        )


class LedgerView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        parameters=[OpenApiParameter("year", int, description=_("Calendar year (default: this year)."))],
        responses={200: s.LedgerSerializer, 400: ERRORS[400], 404: ERRORS[404]},
    )
    def get(self, request, clinician_id: int):
        """What one clinician received in a year, by nature, against the annual cap."""
        if not Clinician.objects.visible_to(request.user).filter(pk=clinician_id).exists():
            raise NotFound
        year = request.query_params.get("year") or str(timezone.localdate().year)
        if not year.isdigit() or not 2000 <= int(year) <= 2100:
            raise ValidationError({"year": [_("Give a year such as 2026.")]})
        ledger = compliance_selectors.recipient_ledger(request.user, year=int(year), clinician_id=clinician_id)
        return Response(
            s.LedgerSerializer(
                {
                    "clinician": clinician_id,
                    "year": ledger.year,
                    "cap": ledger.cap,
                    "total_counted": ledger.total_counted,
                    "remaining": ledger.remaining,
                    "rows": [vars(row) for row in ledger.rows],
                }
            ).data
        )


class ScreenView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=s.ScreenRequestSerializer, responses={200: s.ScreenResultSerializer, 400: ERRORS[400]})
    def post(self, request):
        """The same findings as ``crm screen``, under the current policy."""
        body = s.ScreenRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        screener = compliance_selectors.policy_screener(compliance_selectors.current_policy())
        findings = screen_findings(screener, body.validated_data["text"])
        return Response({"flagged": bool(findings), "findings": findings})


class TokenView(ObtainAuthToken):
    """POST username and password, receive ``{"token": ...}``; send it as ``Authorization: Token …``."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"

    @extend_schema(auth=[], responses={200: OpenApiTypes.OBJECT, 400: ERRORS[400]})
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
