"""What the compliance office works with: the versioned policy, findings, decisions, audit log."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from crm import access


class Policy(models.Model):
    """One version of the limits and term lists the rules read. Never edited: a change is a new row.

    The highest version is the current policy; every finding names the version it was made under.
    """

    version = models.PositiveIntegerField(_("version"), unique=True)
    note = models.CharField(_("what changed"), max_length=255, blank=True)
    item_limit = models.DecimalField(_("per-item limit (CNY)"), max_digits=10, decimal_places=2, default=Decimal("200"))
    annual_cap = models.DecimalField(
        _("annual cap per recipient (CNY)"), max_digits=10, decimal_places=2, default=Decimal("2000")
    )
    annual_warn_ratio = models.DecimalField(
        _("warn at this share of the annual cap"), max_digits=3, decimal_places=2, default=Decimal("0.80")
    )
    meals_per_quarter = models.PositiveSmallIntegerField(_("meals per clinician per quarter"), default=3)
    prohibited_natures = models.JSONField(_("prohibited natures"), default=list, blank=True)
    screening_terms = models.JSONField(
        _("screening term lists"),
        default=dict,
        blank=True,
        help_text=_("Words and phrases the free-text screening looks for, by list name."),
    )
    reader_threshold = models.DecimalField(
        _("learned reader threshold"),
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.50")), MaxValueValidator(Decimal("0.99"))],
        help_text=_(
            "When the term lists find nothing in a note, the learned reader flags it for review if it scores the "
            "note at least this high (0.50–0.99), or one sentence at least 1 − (1 − this)/4 (0.95 for 0.80). "
            "Lower flags more; leave empty to turn the reader off."
        ),
    )
    reader_digest = models.CharField(
        _("learned reader weights"),
        max_length=12,
        blank=True,
        default="",
        editable=False,
        help_text=_(
            "Digest of the learned reader's weights this version screens with, recorded when it is published: "
            "a release with retrained weights publishes a new version, so a policy version names the weights too."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("compliance policy")
        verbose_name_plural = _("compliance policies")
        ordering = ["-version"]
        get_latest_by = "version"
        constraints = [
            models.CheckConstraint(condition=Q(item_limit__gte=0), name="policy_item_limit_not_negative"),
            models.CheckConstraint(condition=Q(annual_cap__gte=0), name="policy_annual_cap_not_negative"),
            models.CheckConstraint(
                condition=Q(annual_warn_ratio__gt=0) & Q(annual_warn_ratio__lte=1), name="policy_warn_ratio_range"
            ),
            models.CheckConstraint(
                condition=Q(reader_threshold__isnull=True)
                | (Q(reader_threshold__gte=Decimal("0.50")) & Q(reader_threshold__lte=Decimal("0.99"))),
                name="policy_reader_threshold_range",
            ),
        ]

    def __str__(self) -> str:
        return _("Policy v%(version)s") % {"version": self.version}


class Rule(models.TextChoices):
    DECLARED = "declared", _("Declared transfer of value")
    PROHIBITED_NATURE = "prohibited_nature", _("Prohibited nature of value")
    TIED_TO_REFERRALS = "tied_to_referrals", _("Value tied to referrals")
    DONATION_TO_PERSON = "donation_to_person", _("Sponsorship or donation to an individual")
    ITEM_LIMIT = "item_limit", _("Above the per-item limit")
    ANNUAL_CAP = "annual_cap", _("Annual cap per recipient")
    MEAL_FREQUENCY = "meal_frequency", _("Meal frequency")
    TRAINING_VALUE = "training_value", _("Training offer without stated value")
    UNDECLARED_TEXT = "undeclared_text", _("Value mentioned in notes but not declared")
    VALUE_READER = "value_reader", _("Notes read as recording value given (learned reader)")
    PATIENT_IDENTIFIER = "patient_identifier", _("Patient identifier in the text")
    AMENDED_AFTER_DECISION = "amended_after_decision", _("Amended after a decision")


class Severity(models.TextChoices):
    REVIEW = "review", _("Needs review")
    PROHIBITED = "prohibited", _("Prohibited")
    BLOCKED = "blocked", _("Blocked")


class Finding(models.Model):
    """Why an interaction needs review: which rule, how serious, and the evidence."""

    interaction = models.ForeignKey(
        "interactions.Interaction", verbose_name=_("interaction"), on_delete=models.CASCADE, related_name="findings"
    )
    interaction_version = models.PositiveIntegerField(_("interaction version"))
    transfer = models.ForeignKey(
        "interactions.TransferOfValue",
        verbose_name=_("transfer of value"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="findings",
    )
    rule = models.CharField(_("rule"), max_length=30, choices=Rule.choices)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    message = models.CharField(_("message"), max_length=500)
    evidence = models.JSONField(_("evidence"), default=dict, blank=True)
    policy = models.ForeignKey(Policy, verbose_name=_("policy"), on_delete=models.PROTECT, related_name="findings")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = access.InteractionChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["interaction", "pk"]
        indexes = [
            models.Index(fields=["interaction", "interaction_version"], name="finding_interaction_idx"),
            models.Index(fields=["rule", "severity"], name="finding_rule_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_rule_display()} ({self.get_severity_display()})"


class Decision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REJECT = "reject", _("Reject")
    RETURN = "return", _("Return for information")


class ScreeningVerdict(models.TextChoices):
    """What the reviewer found the notes say, where screening flagged them: the only source of how
    often screening is right on this department's own writing."""

    CONFIRMED = "confirmed", _("Value was given, as flagged")
    FALSE_ALARM = "false_alarm", _("Nothing of value was given: a false alarm")


TEXT_FIELDS = ("summary", "next_step", "no_benefit_statement")  # the free text screening reads
# What screening found in the free text (not in a declared line): a reviewer says whether it was right.
SCREENING_FLAG = Q(
    rule__in=(Rule.UNDECLARED_TEXT, Rule.VALUE_READER, Rule.TIED_TO_REFERRALS), evidence__field__in=TEXT_FIELDS
)


class ReviewDecision(models.Model):
    """A reviewer's decision on one version of an interaction. Append-only."""

    interaction = models.ForeignKey(
        "interactions.Interaction", verbose_name=_("interaction"), on_delete=models.PROTECT, related_name="decisions"
    )
    interaction_version = models.PositiveIntegerField(_("interaction version"))
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.PROTECT, related_name="decisions"
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)
    screening_verdict = models.CharField(
        _("screening verdict"),
        max_length=12,
        choices=ScreeningVerdict.choices,
        blank=True,
        help_text=_("Whether the notes flagged by screening record value given; empty when nothing was flagged."),
    )

    objects = access.InteractionChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")
        ordering = ["interaction", "decided_at"]
        constraints = [
            models.UniqueConstraint(fields=["interaction", "interaction_version"], name="decision_one_per_version"),
            models.CheckConstraint(
                condition=Q(decision="approve") | ~Q(comment=""), name="decision_comment_unless_approve"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} · #{self.interaction_id} v{self.interaction_version}"


class AuditEntry(models.Model):
    """A row of the append-only audit log; each row's hash covers the previous row's hash."""

    at = models.DateTimeField(_("at"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=40)
    object_type = models.CharField(_("object type"), max_length=40)
    object_id = models.CharField(_("object id"), max_length=40)
    payload = models.JSONField(_("details"), default=dict)
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["pk"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.pk} {self.action} {self.object_type}#{self.object_id}"
