"""API shapes. Thin: interaction writes go to the same services as the pages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from crm.compliance.models import Decision, Finding, ScreeningVerdict
from crm.interactions.models import FollowUp, Form, Interaction, Kind, Nature, Period, Summary, TransferOfValue
from crm.interactions.services import EDITABLE_FIELDS
from crm.partners.models import Clinician, Organization, Territory


class TerritorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Territory
        fields = ["id", "name", "code", "department", "description"]
        read_only_fields = ["department"]


class OrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = [
            "id",
            "name",
            "kind",
            "territory",
            "address",
            "phone",
            "beds",
            "monthly_outpatients",
            "monthly_inpatients",
            "specialties",
            "tier",
            "status",
            "agreement_signed_on",
            "agreement_expires_on",
        ]

    def validate(self, attrs):
        signed = attrs.get("agreement_signed_on", getattr(self.instance, "agreement_signed_on", None))
        expires = attrs.get("agreement_expires_on", getattr(self.instance, "agreement_expires_on", None))
        if signed and expires and expires < signed:
            raise serializers.ValidationError(
                {"agreement_expires_on": [_("The agreement cannot expire before it is signed.")]}
            )
        return attrs


class ClinicianSerializer(serializers.ModelSerializer):
    class Meta:
        model = Clinician
        fields = [
            "id",
            "organization",
            "name",
            "title",
            "department",
            "licence_number",
            "phone",
            "wechat",
            "is_key_contact",
            "consents_to_contact",
            "is_active",
        ]


class TransferSerializer(serializers.ModelSerializer):
    """One value line. ``attendees`` (write-only) splits the amount equally among several clinicians."""

    attendees = serializers.ListField(child=serializers.IntegerField(), write_only=True, required=False)
    nature = serializers.ChoiceField(choices=Nature.choices)
    form = serializers.ChoiceField(choices=Form.choices, default=Form.IN_KIND)
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0)

    class Meta:
        model = TransferOfValue
        fields = [
            "nature",
            "form",
            "description",
            "amount",
            "currency",
            "recipient_clinician",
            "recipient_organization",
            "patient_education",
            "justification",
            "attendees",
            "attendees_sharing",
        ]
        read_only_fields = ["attendees_sharing"]
        extra_kwargs = {
            "recipient_clinician": {"queryset": Clinician.objects.all(), "required": False, "allow_null": True},
            "recipient_organization": {"queryset": Organization.objects.all(), "required": False, "allow_null": True},
        }


class FindingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Finding
        fields = ["rule", "severity", "message", "evidence", "interaction_version"]


class InteractionSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=Kind.choices)
    transfers = TransferSerializer(many=True, required=False)
    compliance_status = serializers.CharField(source="review_status", read_only=True)
    findings = serializers.SerializerMethodField()

    class Meta:
        model = Interaction
        fields = [
            "id",
            "kind",
            "organization",
            "clinicians",
            "liaison",
            "occurred_at",
            *EDITABLE_FIELDS,
            "transfers",
            "compliance_status",
            "version",
            "findings",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["liaison", "version", "created_at", "updated_at"]
        extra_kwargs = {"clinicians": {"required": False}}

    @extend_schema_field(FindingSerializer(many=True))
    def get_findings(self, interaction: Interaction) -> list[dict]:
        current = [f for f in interaction.findings.all() if f.interaction_version == interaction.version]
        return FindingSerializer(current, many=True).data

    def validate(self, attrs):
        # Model-level checks run in the service (with the rules); keep DRF from running them twice.
        return attrs


class DecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Decision.choices)
    comment = serializers.CharField(required=False, allow_blank=True, default="")
    screening_verdict = serializers.ChoiceField(
        choices=ScreeningVerdict.choices,
        required=False,
        allow_blank=True,
        allow_null=True,
        default="",
        help_text=_("Where screening flagged the notes: needed to approve or reject."),
    )


class DecisionResultSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    decision = serializers.CharField()
    screening_verdict = serializers.CharField()
    interaction_version = serializers.IntegerField()
    compliance_status = serializers.CharField()


class RefusalSerializer(serializers.Serializer):
    code = serializers.CharField()
    detail = serializers.CharField()


class FollowUpSerializer(serializers.ModelSerializer):
    class Meta:
        model = FollowUp
        fields = ["id", "organization", "interaction", "liaison", "due_on", "description", "done_at", "outcome"]
        read_only_fields = ["interaction", "liaison", "done_at"]


class SummarySerializer(serializers.ModelSerializer):
    period = serializers.ChoiceField(choices=Period.choices)
    submit = serializers.BooleanField(write_only=True, default=False)
    is_late = serializers.BooleanField(read_only=True)

    class Meta:
        model = Summary
        fields = [
            "id",
            "liaison",
            "period",
            "period_start",
            "body",
            "plan",
            "submit",
            "due_at",
            "submitted_at",
            "is_late",
        ]
        read_only_fields = ["liaison", "due_at", "submitted_at"]
        validators = []


class LedgerRowSerializer(serializers.Serializer):
    nature = serializers.CharField()
    approved = serializers.DecimalField(max_digits=14, decimal_places=2)
    pending = serializers.DecimalField(max_digits=14, decimal_places=2)
    count = serializers.IntegerField()


class LedgerSerializer(serializers.Serializer):
    clinician = serializers.IntegerField()
    year = serializers.IntegerField()
    cap = serializers.DecimalField(max_digits=14, decimal_places=2)
    total_counted = serializers.DecimalField(max_digits=14, decimal_places=2)
    remaining = serializers.DecimalField(max_digits=14, decimal_places=2)
    rows = LedgerRowSerializer(many=True)


class ScreenRequestSerializer(serializers.Serializer):
    text = serializers.CharField(allow_blank=True, max_length=20000)


class ScreenFindingSerializer(serializers.Serializer):
    rule = serializers.CharField()
    severity = serializers.CharField()
    match = serializers.CharField()
    nature = serializers.CharField(allow_blank=True)
    score = serializers.FloatField(
        required=False, help_text=_("The learned reader's score, on its findings (rule value_reader) only.")
    )


class ScreenResultSerializer(serializers.Serializer):
    flagged = serializers.BooleanField()
    findings = ScreenFindingSerializer(many=True)


class QueueItemSerializer(serializers.ModelSerializer):
    compliance_status = serializers.CharField(source="review_status", read_only=True)
    has_prohibited = serializers.BooleanField(read_only=True)
    finding_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Interaction
        fields = [
            "id",
            "kind",
            "organization",
            "liaison",
            "occurred_at",
            "version",
            "compliance_status",
            "has_prohibited",
            "finding_count",
            "updated_at",
        ]
