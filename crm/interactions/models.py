"""Logged relationship work: interactions, the value lines on them, follow-ups and summaries.

All three kinds of interaction live in one table so that a partner's timeline, the review
queue, reports and import/export read one place; each kind's own fields are tied to the kind
by check constraints.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from crm import access


class Kind(models.TextChoices):
    VISIT = "visit", _("Visit")
    TRAINING = "training", _("Training offer")
    CASE = "case", _("Case discussion")


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone")
    WECHAT = "wechat", _("WeChat")
    VIDEO = "video", _("Video call")


class TrainingFormat(models.TextChoices):
    ADVANCED_STUDY = "advanced_study", _("Advanced study place")
    LECTURE = "lecture", _("Lecture")
    EXPERT_CLINIC = "expert_clinic", _("Free expert clinic day")
    WORKSHOP = "workshop", _("Skills workshop")


class TrainingStatus(models.TextChoices):
    OFFERED = "offered", _("Offered")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class AgeBand(models.TextChoices):
    CHILD = "0-6", _("0–6")
    MINOR = "7-17", _("7–17")
    ADULT = "18-44", _("18–44")
    MIDDLE = "45-64", _("45–64")
    SENIOR = "65-79", _("65–79")
    ELDERLY = "80+", _("80 and over")


class Sex(models.TextChoices):
    FEMALE = "F", _("Female")
    MALE = "M", _("Male")
    UNKNOWN = "U", _("Not stated")


class ConditionGroup(models.TextChoices):
    CARDIOVASCULAR = "cardiovascular", _("Cardiovascular")
    CEREBROVASCULAR = "cerebrovascular", _("Cerebrovascular")
    RESPIRATORY = "respiratory", _("Respiratory")
    DIGESTIVE = "digestive", _("Digestive")
    ENDOCRINE = "endocrine", _("Endocrine and metabolic")
    ONCOLOGY = "oncology", _("Oncology")
    TRAUMA = "trauma", _("Orthopaedics and trauma")
    OBSTETRICS = "obstetrics", _("Obstetrics and gynaecology")
    PAEDIATRICS = "paediatrics", _("Paediatrics")
    RENAL = "renal", _("Renal")
    REHABILITATION = "rehabilitation", _("Rehabilitation")
    OTHER = "other", _("Other")


class CaseTopic(models.TextChoices):
    PRE_REFERRAL = "pre_referral", _("Advice before referral")
    REFERRAL_FEEDBACK = "referral_feedback", _("Feedback on a referred patient")
    DISCHARGE_PLAN = "discharge_plan", _("Discharge and rehabilitation plan (down-referral)")


class ReviewStatus(models.TextChoices):
    """Where an interaction stands with the compliance office."""

    CLEAR = "clear", _("Clear")
    PENDING = "pending", _("Pending review")
    RETURNED = "returned", _("Returned for information")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Interaction(models.Model):
    """One logged event with a partner: a visit, a training offer or a case discussion."""

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    organization = models.ForeignKey(
        "partners.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="interactions",
    )
    clinicians = models.ManyToManyField(
        "partners.Clinician", verbose_name=_("clinicians"), blank=True, related_name="interactions"
    )
    liaison = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("liaison"),
        on_delete=models.PROTECT,
        related_name="interactions",
    )
    occurred_at = models.DateTimeField(_("when"))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.IN_PERSON)
    summary = models.TextField(_("summary"))
    next_step = models.TextField(_("next step"), blank=True)
    follow_up_on = models.DateField(_("follow-up date"), null=True, blank=True)

    # Training offer (kind = training)
    training_format = models.CharField(_("training format"), max_length=20, choices=TrainingFormat.choices, blank=True)
    training_status = models.CharField(_("training status"), max_length=10, choices=TrainingStatus.choices, blank=True)
    training_starts_on = models.DateField(_("training starts on"), null=True, blank=True)
    no_benefit_statement = models.CharField(
        _("no individual benefit statement"),
        max_length=255,
        blank=True,
        help_text=_("Required when the offer carries no value to the recipient, e.g. a lecture open to the public."),
    )

    # Case discussion (kind = case): pseudonymous, never a patient's name, ID number or phone.
    case_code = models.CharField(_("case code"), max_length=30, blank=True)
    case_age_band = models.CharField(_("age band"), max_length=6, choices=AgeBand.choices, blank=True)
    case_sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    case_condition_group = models.CharField(
        _("condition group"), max_length=20, choices=ConditionGroup.choices, blank=True
    )
    case_topic = models.CharField(_("case topic"), max_length=20, choices=CaseTopic.choices, blank=True)
    feedback_due_at = models.DateTimeField(_("feedback due at"), null=True, blank=True)
    feedback_given_at = models.DateTimeField(_("feedback given at"), null=True, blank=True)

    review_status = models.CharField(
        _("review status"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.CLEAR
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = access.InteractionQuerySet.as_manager()

    class Meta:
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        ordering = ["-occurred_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind=Kind.TRAINING) & ~Q(training_format="") & ~Q(training_status=""))
                | (~Q(kind=Kind.TRAINING) & Q(training_format="", training_status="", training_starts_on=None)),
                name="training_fields_only_on_training",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind=Kind.CASE)
                    & ~Q(case_code="")
                    & ~Q(case_age_band="")
                    & ~Q(case_sex="")
                    & ~Q(case_condition_group="")
                    & ~Q(case_topic="")
                )
                | (
                    ~Q(kind=Kind.CASE)
                    & Q(
                        case_code="",
                        case_age_band="",
                        case_sex="",
                        case_condition_group="",
                        case_topic="",
                        feedback_due_at=None,
                        feedback_given_at=None,
                    )
                ),
                name="case_fields_only_on_case",
            ),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="interaction_kind_valid"),
            models.CheckConstraint(condition=Q(review_status__in=ReviewStatus.values), name="review_status_valid"),
            models.CheckConstraint(condition=Q(version__gte=1), name="interaction_version_positive"),
        ]
        indexes = [
            models.Index(fields=["organization", "-occurred_at"], name="interaction_timeline_idx"),
            models.Index(fields=["liaison", "-occurred_at"], name="interaction_liaison_idx"),
            models.Index(fields=["review_status", "updated_at"], name="interaction_review_idx"),
            models.Index(fields=["kind", "-occurred_at"], name="interaction_kind_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.occurred_at:%Y-%m-%d} · #{self.pk}"


class InteractionRevision(models.Model):
    """A frozen copy of an interaction as it stood before an amendment (versions are kept)."""

    interaction = models.ForeignKey(
        Interaction, verbose_name=_("interaction"), on_delete=models.CASCADE, related_name="revisions"
    )
    version = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(_("snapshot"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )

    objects = access.InteractionChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("interaction version")
        verbose_name_plural = _("interaction versions")
        ordering = ["interaction", "version"]
        constraints = [
            models.UniqueConstraint(fields=["interaction", "version"], name="revision_unique_version"),
        ]

    def __str__(self) -> str:
        return f"#{self.interaction_id} v{self.version}"


class Nature(models.TextChoices):
    """Natures of value, after CMS Open Payments and the EFPIA code."""

    FOOD = "food", _("Food and beverage")
    GIFT = "gift", _("Gift")
    PROMOTIONAL = "promotional", _("Promotional item")
    EDUCATION = "education", _("Education or training")
    TRAVEL = "travel", _("Travel and lodging")
    ENTERTAINMENT = "entertainment", _("Entertainment or leisure trip")
    SUPPLIES = "supplies", _("Medical supplies or equipment")
    FREE_SERVICE = "free_service", _("Free service")
    SPONSORSHIP = "sponsorship", _("Sponsorship or donation")
    HONORARIUM = "honorarium", _("Honorarium or fee for a real service")
    CASH = "cash", _("Cash or cash equivalent")
    REFERRAL_FEE = "referral_fee", _("Referral fee, commission or rebate")
    OTHER = "other", _("Other")


class Form(models.TextChoices):
    IN_KIND = "in_kind", _("In kind (goods)")
    SERVICE = "service", _("Service")
    CASH_EQUIVALENT = "cash_equivalent", _("Cash or cash equivalent")
    OTHER = "other", _("Other")


class TransferOfValue(models.Model):
    """A line on an interaction declaring value given to one clinician or to the organization."""

    interaction = models.ForeignKey(
        Interaction, verbose_name=_("interaction"), on_delete=models.CASCADE, related_name="transfers"
    )
    nature = models.CharField(_("nature"), max_length=20, choices=Nature.choices)
    form = models.CharField(_("form"), max_length=20, choices=Form.choices, default=Form.IN_KIND)
    description = models.CharField(_("description"), max_length=255)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    recipient_clinician = models.ForeignKey(
        "partners.Clinician",
        verbose_name=_("recipient clinician"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transfers_received",
    )
    recipient_organization = models.ForeignKey(
        "partners.Organization",
        verbose_name=_("recipient organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transfers_received",
    )
    patient_education = models.BooleanField(
        _("patient-education material"),
        default=False,
        help_text=_("Material for patients, not for the clinician; excluded from the caps."),
    )
    justification = models.CharField(
        _("justification"),
        max_length=255,
        blank=True,
        help_text=_("Why value above the per-item limit serves patients or training."),
    )
    attendees_sharing = models.PositiveSmallIntegerField(
        _("attendees sharing the line"),
        default=1,
        help_text=_("A line entered for several clinicians is stored once per clinician with an equal share."),
    )
    value_date = models.DateField(
        _("date of value"), help_text=_("The interaction's date, kept here so yearly totals need no join.")
    )

    objects = access.InteractionChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("transfer of value")
        verbose_name_plural = _("transfers of value")
        ordering = ["interaction", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="transfer_amount_not_negative"),
            models.CheckConstraint(
                condition=(Q(recipient_clinician__isnull=False) & Q(recipient_organization__isnull=True))
                | (Q(recipient_clinician__isnull=True) & Q(recipient_organization__isnull=False)),
                name="transfer_exactly_one_recipient",
            ),
            models.CheckConstraint(condition=Q(nature__in=Nature.values), name="transfer_nature_valid"),
        ]
        indexes = [
            models.Index(fields=["recipient_clinician", "value_date"], name="transfer_clinician_year_idx"),
            models.Index(fields=["recipient_organization", "value_date"], name="transfer_org_year_idx"),
            models.Index(fields=["nature", "value_date"], name="transfer_nature_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_nature_display()} ¥{self.amount}"


class FollowUp(models.Model):
    """A dated next step; open until done, overdue after its date."""

    interaction = models.ForeignKey(
        Interaction,
        verbose_name=_("interaction"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follow_ups",
    )
    organization = models.ForeignKey(
        "partners.Organization", verbose_name=_("organization"), on_delete=models.PROTECT, related_name="follow_ups"
    )
    liaison = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("liaison"), on_delete=models.PROTECT, related_name="follow_ups"
    )
    due_on = models.DateField(_("due on"))
    description = models.CharField(_("what to do"), max_length=255)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=255, blank=True)

    objects = access.StaffOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["liaison", "due_on"], condition=Q(done_at__isnull=True), name="followup_open_idx"),
            models.Index(fields=["organization", "due_on"], name="followup_org_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.due_on} {self.description}"


class Period(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")


class Summary(models.Model):
    """A liaison's own daily, weekly or monthly report and plan for the next period."""

    liaison = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("liaison"), on_delete=models.PROTECT, related_name="summaries"
    )
    period = models.CharField(_("period"), max_length=10, choices=Period.choices)
    period_start = models.DateField(_("period starts on"))
    body = models.TextField(_("summary"), blank=True)
    plan = models.TextField(_("plan for the next period"), blank=True)
    due_at = models.DateTimeField(_("due at"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    objects = access.StaffOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("summary")
        verbose_name_plural = _("summaries")
        ordering = ["-period_start", "liaison"]
        constraints = [
            models.UniqueConstraint(
                fields=["liaison", "period", "period_start"], name="summary_one_per_liaison_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_period_display()} {self.period_start} · {self.liaison}"

    @property
    def is_late(self) -> bool:
        return self.submitted_at is not None and self.submitted_at > self.due_at
