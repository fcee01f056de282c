"""Forms of the compliance pages; the services decide, these only collect input."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from crm.compliance.models import Decision, Policy, ScreeningVerdict
from crm.interactions.models import Nature

README_KEY = "_readme"

# What each screening list is for, shown beside its field (the policy's own ``_readme`` is English
# data for API readers; the page explains the lists in the reader's language).
TERM_LISTS = {
    "value_terms": (
        _("Value words"),
        _(
            "Words and phrasings that mean value was given to a partner: things, treating, who paid, waivers, "
            "money moving. Any hit is sent for review; referral fee words are prohibited."
        ),
    ),
    "give_verbs": (
        _("Giving words"),
        _(
            "Words of giving (送, 带了, 留下, bought, dropped off). An item from the item lists counts only "
            "with one of these in the same sentence."
        ),
    ),
    "given_items": (
        _("Items"),
        _(
            "Things that are value only when given (血压计, 水果, laptop); on their own they are clinical or "
            "everyday talk."
        ),
    ),
    "favour_terms": (
        _("Favours"),
        _(
            "Favours (插队, 床位, 实习, internship) that count as value when a relative of a clinician is "
            "named in the same sentence."
        ),
    ),
    "relative_terms": (
        _("Relatives"),
        _("Family members that pair with favours. A patient's relatives are look-alikes, not these."),
    ),
    "lookalike_terms": (
        _("Look-alikes"),
        _(
            "Innocent phrases that contain a value word (送检, 请假, 饭后, treatment). A value word inside one "
            "of them is ignored."
        ),
    ),
    "refusal_terms": (
        _("Refusals"),
        _(
            "Refusals and rule talk (拒绝, 婉拒, 不准, declined). They cancel value words in their clause and "
            "the clauses before it in the same sentence."
        ),
    ),
    "negation_terms": (
        _("Negated giving"),
        _(
            "没给, 没有任何, 不用, no need. At the end of a clause or before a pronoun they answer an offer like "
            "a refusal; followed by an object they only negate that object."
        ),
    ),
    "acceptance_terms": (
        _("Acceptance"),
        _("收下, 还是收了, ended up keeping. A refusal or question followed by one of these cancels nothing."),
    ),
    "question_terms": (
        _("Questions"),
        _("Questions about value (问…有没有, asked whether); they reach as far as a refusal."),
    ),
    "negation_ahead_terms": (
        _("Negations"),
        _("没有, 未, 无, no, not: they cancel only what follows them in their clause."),
    ),
    "contrast_terms": (
        _("Contrast words"),
        _("但是, 后来, but, instead: they end the reach of a refusal, so 拒绝了现金，改送了购物卡 is still reported."),
    ),
    "own_expense_terms": (
        _("Own expense"),
        _(
            "The liaison's own meals and trips (自己吃, 出差, my own lunch). They cancel the natures listed "
            "below, in their sentence until a partner is named."
        ),
    ),
    "own_expense_natures": (_("Natures own expense cancels"), _("Nature codes, one per line.")),
    "third_party_terms": (
        _("Someone else"),
        _(
            "Value given by someone else (药企代表, another hospital) or within our own team. Cancels every "
            "nature, in the sentence until we act again."
        ),
    ),
    "patient_cost_terms": (
        _("Patient costs"),
        _("Prices, insurance and charges quoted to patients (医保, 自付). They cancel the natures listed below."),
    ),
    "patient_cost_natures": (_("Natures patient costs cancel"), _("Nature codes, one per line.")),
    "normal_fee_terms": (
        _("Normal fees"),
        _("The clinician pays the normal fee (进修费照常交, paid in full). They cancel the natures listed below."),
    ),
    "normal_fee_natures": (_("Natures normal fees cancel"), _("Nature codes, one per line.")),
    "per_referral_terms": (
        _("Per referral"),
        _(
            "Value stated per patient, per referral or as a share of charges (按人头, per referral). Prohibited "
            "when the sentence also has an amount, a money word or a value word."
        ),
    ),
    "payment_terms": (_("Money words"), _("Money words (钱, 补贴, paid) that make a per-referral phrase prohibited.")),
    "amount_units": (_("Money units"), _("Units that make a number a sum of money (元, 块, 万, yuan).")),
    "count_units": (_("Count units"), _("Units that make a number a count, not money (份, 个, 例, 年, copies).")),
}
TERM_SYNTAX = _(
    "One term per line. Chinese or English; English matches whole words in any case, plural s/es allowed. "
    "'…' means a few characters in between in the same clause (请…吃 finds 请王院长吃). '{amount}' means a "
    "sum of money (¥500, 500元, 两百块), never a count. A trailing '*' means any word ending (sponsor*). "
    "Traditional characters match their simplified forms (紅包 finds 红包), in terms and in notes alike."
)


def _term_label(key: str, sub: str | None) -> tuple[str, str]:
    label, help_text = TERM_LISTS.get(key, (key, ""))
    if sub is None:
        return label, help_text
    nature = Nature(sub).label if sub in Nature.values else sub
    return f"{label} · {nature}", help_text


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=Decision.choices, widget=forms.HiddenInput)
    screening_verdict = forms.ChoiceField(
        label=_("Do the flagged notes record value given?"),
        label_suffix="",  # the label is a question: no colon after its question mark
        help_text=_("Needed to approve or reject; your answers show how often screening is right."),
        choices=ScreeningVerdict.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    comment = forms.CharField(
        label=_("Comment (required to reject or return)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


_READER_FIELD = Policy._meta.get_field("reader_threshold")


class PolicyForm(forms.Form):
    """Limits and every screening term list (one term per line); saving publishes a new version."""

    term_syntax = TERM_SYNTAX

    note = forms.CharField(label=_("What changed"), max_length=255)
    item_limit = forms.DecimalField(label=_("Per-item limit (CNY)"), min_value=Decimal(0), decimal_places=2)
    annual_cap = forms.DecimalField(label=_("Annual cap per recipient (CNY)"), min_value=Decimal(0), decimal_places=2)
    annual_warn_ratio = forms.DecimalField(
        label=_("Warn at this share of the cap"), min_value=Decimal("0.01"), max_value=Decimal(1), decimal_places=2
    )
    meals_per_quarter = forms.IntegerField(label=_("Meals per clinician per quarter"), min_value=0)
    prohibited_natures = forms.MultipleChoiceField(
        label=_("Prohibited natures"), choices=Nature.choices, widget=forms.CheckboxSelectMultiple
    )
    # the model field's label, help text and range, checked here so the error sits on the field
    reader_threshold = _READER_FIELD.formfield(validators=_READER_FIELD.validators)

    def __init__(self, *args, policy: Policy, **kwargs):
        self.terms = policy.screening_terms or {}
        initial = {
            "item_limit": policy.item_limit,
            "annual_cap": policy.annual_cap,
            "annual_warn_ratio": policy.annual_warn_ratio,
            "meals_per_quarter": policy.meals_per_quarter,
            "prohibited_natures": policy.prohibited_natures,
            "reader_threshold": policy.reader_threshold,
        }
        self._pending: list[tuple[str, str, str | None]] = []  # (field name, list key, nature or None)
        for key, value in self.terms.items():
            if key == README_KEY:
                continue
            if isinstance(value, dict):
                for sub, items in value.items():
                    self._add_terms(f"terms__{key}__{sub}", items, initial, key, sub)
            elif isinstance(value, list):
                self._add_terms(f"terms__{key}", value, initial, key, None)
        super().__init__(*args, initial=initial, **kwargs)
        explained: set[str] = set()
        for name, key, sub in self._pending:
            label, help_text = _term_label(key, sub)
            if key in explained:  # a list split by nature explains itself once, on its first field
                help_text = ""
            explained.add(key)
            self.fields[name] = forms.CharField(
                label=label,
                help_text=help_text,
                required=False,
                widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
            )

    def _add_terms(self, name: str, items, initial: dict, key: str, sub: str | None) -> None:
        self._pending.append((name, key, sub))
        initial[name] = "\n".join(str(item) for item in items)

    def term_bound_fields(self):
        return [self[name] for name, _key, _sub in self._pending]

    def values(self) -> dict:
        data = self.cleaned_data
        terms: dict = {k: v for k, v in self.terms.items() if k == README_KEY}
        for name, key, sub in self._pending:
            if sub is None:
                terms[key] = _lines(data.get(name, ""))
            else:
                terms.setdefault(key, {})[sub] = _lines(data.get(name, ""))
        for key, value in self.terms.items():  # lists of other shapes are kept as they were
            terms.setdefault(key, value)
        return {
            "note": data["note"],
            "item_limit": data["item_limit"],
            "annual_cap": data["annual_cap"],
            "annual_warn_ratio": data["annual_warn_ratio"],
            "meals_per_quarter": data["meals_per_quarter"],
            "prohibited_natures": data["prohibited_natures"],
            "reader_threshold": data.get("reader_threshold"),
            "screening_terms": terms,
        }
