"""Forms for the pages: thin, they collect input and hand it to the services."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from crm.interactions.models import (
    AgeBand,
    CaseTopic,
    Channel,
    ConditionGroup,
    Form,
    Interaction,
    Kind,
    Nature,
    Sex,
    TrainingFormat,
    TrainingStatus,
)
from crm.interactions.services import EDITABLE_FIELDS, TransferInput

ORGANIZATION_RECIPIENT = "organization"


class LoginForm(AuthenticationForm):
    pass


class InteractionForm(forms.ModelForm):
    """The common and kind-specific fields; which ones show depends on the kind in the URL."""

    COMMON = ("occurred_at", "channel", "clinicians", "summary", "next_step", "follow_up_on")
    BY_KIND = {
        Kind.VISIT: (),
        Kind.TRAINING: ("training_format", "training_status", "training_starts_on", "no_benefit_statement"),
        Kind.CASE: (
            "case_code",
            "case_age_band",
            "case_sex",
            "case_condition_group",
            "case_topic",
            "feedback_due_at",
            "feedback_given_at",
        ),
    }

    class Meta:
        model = Interaction
        fields = ("occurred_at", "clinicians", *EDITABLE_FIELDS)
        widgets = {
            "occurred_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "feedback_due_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "feedback_given_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "follow_up_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "training_starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "clinicians": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "next_step": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, kind: str, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        keep = set(self.COMMON) | set(self.BY_KIND[kind])
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        self.fields["clinicians"].queryset = organization.clinicians.filter(is_active=True).order_by("name")
        self.fields["clinicians"].required = False
        self.fields["channel"].choices = Channel.choices
        for name, choices in (
            ("training_format", TrainingFormat.choices),
            ("training_status", TrainingStatus.choices),
            ("case_age_band", AgeBand.choices),
            ("case_sex", Sex.choices),
            ("case_condition_group", ConditionGroup.choices),
            ("case_topic", CaseTopic.choices),
        ):
            if name in self.fields:
                self.fields[name].required = True
                self.fields[name].choices = [("", "—"), *choices]
        if "case_code" in self.fields:
            self.fields["case_code"].required = True
            self.fields["case_code"].help_text = _("A pseudonymous code such as ZZ-2611-037, never a patient's name.")
        for name in ("occurred_at", "feedback_due_at", "feedback_given_at"):
            if name in self.fields:
                self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]

    def details(self) -> dict:
        """The kind-specific and optional fields, as keyword arguments for the service."""
        skip = {"occurred_at", "clinicians", "summary"}
        return {name: value for name, value in self.cleaned_data.items() if name not in skip}


class TransferForm(forms.Form):
    """One value line: a single recipient, or several attending clinicians sharing it."""

    nature = forms.ChoiceField(label=_("Nature"), choices=[("", "—"), *Nature.choices])
    form = forms.ChoiceField(label=_("Form"), choices=Form.choices, initial=Form.IN_KIND)
    description = forms.CharField(label=_("Description"), max_length=255)
    amount = forms.DecimalField(
        label=_("Amount (CNY)"), min_value=Decimal("0"), max_digits=12, decimal_places=2, localize=False
    )
    recipient = forms.ChoiceField(label=_("Recipient"), required=False)
    attendees = forms.MultipleChoiceField(
        label=_("Or split among attendees"), required=False, widget=forms.CheckboxSelectMultiple
    )
    patient_education = forms.BooleanField(label=_("Patient-education material"), required=False)
    justification = forms.CharField(label=_("Justification (above the per-item limit)"), max_length=255, required=False)

    def __init__(self, *args, clinicians=(), organization=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.clinicians = {str(c.pk): c for c in clinicians}
        self.organization = organization
        people = [(pk, c.name) for pk, c in self.clinicians.items()]
        self.fields["recipient"].choices = [("", "—"), (ORGANIZATION_RECIPIENT, _("The organization")), *people]
        self.fields["attendees"].choices = people

    def clean(self):
        data = super().clean()
        if data.get("recipient") and data.get("attendees"):
            raise forms.ValidationError(_("Choose one recipient or several attendees, not both."))
        if not data.get("recipient") and not data.get("attendees") and not self.errors:
            raise forms.ValidationError(_("Choose who receives the value."))
        return data

    def to_input(self) -> TransferInput:
        data = self.cleaned_data
        recipient = data.get("recipient")
        return TransferInput(
            nature=data["nature"],
            form=data["form"],
            description=data["description"],
            amount=data["amount"],
            recipient_clinician=self.clinicians.get(recipient) if recipient != ORGANIZATION_RECIPIENT else None,
            recipient_organization=self.organization if recipient == ORGANIZATION_RECIPIENT else None,
            attendees=[self.clinicians[pk] for pk in data.get("attendees") or []],
            patient_education=data.get("patient_education", False),
            justification=data.get("justification", ""),
        )


class BaseTransferFormSet(forms.BaseFormSet):
    def __init__(self, *args, clinicians=(), organization=None, **kwargs):
        self.clinicians = list(clinicians)
        self.organization = organization
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"clinicians": self.clinicians, "organization": self.organization}

    def inputs(self) -> list[TransferInput]:
        return [f.to_input() for f in self.forms if f.has_changed() and not self._should_delete_form(f)]


TransferFormSet = forms.formset_factory(TransferForm, formset=BaseTransferFormSet, extra=1, can_delete=True)


class SummaryForm(forms.Form):
    body = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 6}), required=False)
    plan = forms.CharField(
        label=_("Plan for the next period"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class FollowUpDoneForm(forms.Form):
    outcome = forms.CharField(label=_("Outcome"), max_length=255, required=False)
