"""Forms of the compliance pages; the services decide, these only collect input."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from crm.compliance.models import Decision, Policy
from crm.interactions.models import Nature

README_KEY = "_readme"


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=Decision.choices, widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comment (required to reject or return)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class PolicyForm(forms.Form):
    """Limits and every screening term list (one term per line); saving publishes a new version."""

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

    def __init__(self, *args, policy: Policy, **kwargs):
        self.terms = policy.screening_terms or {}
        initial = {
            "item_limit": policy.item_limit,
            "annual_cap": policy.annual_cap,
            "annual_warn_ratio": policy.annual_warn_ratio,
            "meals_per_quarter": policy.meals_per_quarter,
            "prohibited_natures": policy.prohibited_natures,
        }
        self._pending: list[tuple[str, str, list, tuple[str, str | None]]] = []
        for key, value in self.terms.items():
            if key == README_KEY:
                continue
            if isinstance(value, dict):
                for sub, items in value.items():
                    self._add_terms(f"terms__{key}__{sub}", f"{key} · {sub}", items, initial, (key, sub))
            elif isinstance(value, list):
                self._add_terms(f"terms__{key}", key, value, initial, (key, None))
        super().__init__(*args, initial=initial, **kwargs)
        for name, label, _items, _path in self._pending:
            self.fields[name] = forms.CharField(
                label=label, required=False, widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"})
            )

    def _add_terms(self, name, label, items, initial, path):
        self._pending.append((name, label, items, path))
        initial[name] = "\n".join(str(item) for item in items)

    def term_bound_fields(self):
        return [self[name] for name, _label, _items, _path in self._pending]

    def values(self) -> dict:
        data = self.cleaned_data
        terms: dict = {k: v for k, v in self.terms.items() if k == README_KEY}
        for name, _label, _items, (key, sub) in self._pending:
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
            "screening_terms": terms,
        }
