"""Load the bilingual demo: a department, its staff and partners, and 90 days of logged work.

``load_demo_data`` is idempotent: the demo department is the marker, and when it exists nothing
is created and the counts of what is there are returned. Everything else happens in one
transaction, so a failed load leaves nothing behind.

How the work is written, and why:

* Interactions and their transfer-of-value lines go through
  ``crm.interactions.services.interaction_create`` (and ``interaction_amend`` for the returned
  ones a liaison corrects), so every demo row is screened exactly like a typed one. Rows are
  created in the order they happened, so yearly totals and meal counts build up as in real life.
* Review decisions go through ``crm.compliance.services.review_decide``: prohibited items are
  rejected (never approved), notes that mention value without declaring it are returned, the
  rest mostly approved, and the most recent ones are left pending for the review queue.
* Follow-ups come from the service (next step + date); the loader marks some past ones done.
  Summaries (daily, weekly, monthly) are written directly: there is no service for them yet.
* Cosmetic timestamps are backdated so the demo reads like history: an interaction's
  ``created_at`` (and ``updated_at`` until a decision touches it) and its first findings'
  ``created_at`` are set to the evening it was logged. Review decisions and the hash-chained
  audit log keep their real time: the audit log is never edited.

Deterministic: ``random.Random(2026)`` and dates relative to ``today`` (default: the local date),
so the same ``today`` gives the same data. Nothing is dated on or after ``today``.
"""

from __future__ import annotations

import random
import time as clock
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext as _

from crm.compliance.models import Finding, ScreeningVerdict, Severity
from crm.compliance.services import needs_screening_verdict, review_decide
from crm.demo import data
from crm.interactions.models import (
    Channel,
    FollowUp,
    Form,
    Interaction,
    Kind,
    Nature,
    Period,
    ReviewStatus,
    Summary,
    TrainingFormat,
    TrainingStatus,
    TransferOfValue,
)
from crm.interactions.services import TransferInput, interaction_amend, interaction_create
from crm.partners.models import Clinician, Organization, Territory, TerritoryAssignment
from crm.people.models import Department, Role, User

SEED = 2026
WINDOW_DAYS = 90
TARGET_PENDING = 18  # how many interactions the review queue keeps (incl. the scripted ones)
FILLER_CAP = Decimal("1550")  # filler value per recipient and year stays below the 80% warning (¥1,600)
MEALS_PER_QUARTER = 3
HOLIDAYS = {(1, 1), (5, 1), (5, 2), (5, 3), (5, 4), (5, 5)} | {(10, d) for d in range(1, 8)}
CN_NUMBERS = {1: "一", 2: "两", 3: "三", 6: "六"}


@dataclass(frozen=True)
class Login:
    username: str
    password: str
    role: str
    full_name: str


@dataclass
class DemoResult:
    """What the demo holds after a load (the counts are read back from the database)."""

    created: bool
    today: date
    territories: int = 0
    organizations: int = 0
    organizations_by_kind: dict[str, int] = field(default_factory=dict)
    clinicians: int = 0
    users_by_role: dict[str, int] = field(default_factory=dict)
    interactions: int = 0
    interactions_by_kind: dict[str, int] = field(default_factory=dict)
    review_status: dict[str, int] = field(default_factory=dict)
    transfers: int = 0
    interactions_with_transfers: int = 0
    prohibited: int = 0
    findings_by_rule: dict[str, int] = field(default_factory=dict)
    follow_ups_open: int = 0
    follow_ups_overdue: int = 0
    follow_ups_done: int = 0
    summaries: int = 0
    logins: list[Login] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # interactions a service refused (should be empty)
    seconds: float = 0.0

    @property
    def pending(self) -> int:
        return self.review_status.get(ReviewStatus.PENDING, 0)


def load_demo_data(*, today: date | None = None, stdout=None) -> DemoResult:
    """Create the demo department, users, partners and 90 days of work before ``today``.

    Returns early (``created=False``) when the demo department already exists.
    """
    started = clock.monotonic()
    today = today or timezone.localdate()
    department = Department.objects.filter(name=data.DEPARTMENT["name"]).first()
    if department is not None:
        _say(stdout, _("The demo data is already loaded; nothing was created."))
        result = _read_result(department, today=today, created=False)
    else:
        with transaction.atomic():
            builder = _Builder(today=today, stdout=stdout)
            department = builder.run()
        result = _read_result(department, today=today, created=True)
        result.skipped = builder.skipped
        # Accounts that existed before the demo keep their own password: do not print the demo one.
        result.logins = [
            Login(login.username, _("(existing account, password unchanged)"), login.role, login.full_name)
            if login.username in builder.preexisting
            else login
            for login in result.logins
        ]
    result.seconds = round(clock.monotonic() - started, 2)
    return result


def demo_logins() -> list[Login]:
    """The documented demo accounts (demo only: one shared password, see ``data.DEMO_PASSWORD``)."""
    return [Login(spec["username"], data.DEMO_PASSWORD, spec["role"], spec["full_name"]) for spec in data.STAFF]


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message + "\n")


# ------------------------------------------------------------------------------------------------
# Reading back what is there
# ------------------------------------------------------------------------------------------------


def _read_result(department: Department, *, today: date, created: bool) -> DemoResult:
    territories = Territory.objects.filter(department=department)
    organizations = Organization.objects.filter(territory__in=territories)
    interactions = Interaction.objects.filter(organization__in=organizations)
    transfers = TransferOfValue.objects.filter(interaction__in=interactions)
    current = Finding.objects.filter(interaction__in=interactions, interaction_version=F("interaction__version"))
    follow_ups = FollowUp.objects.filter(organization__in=organizations)
    users = User.objects.filter(username__in=[spec["username"] for spec in data.STAFF])
    users_by_role = Counter(user.role.value if user.role else "" for user in users.prefetch_related("groups"))
    return DemoResult(
        created=created,
        today=today,
        territories=territories.count(),
        organizations=organizations.count(),
        organizations_by_kind=dict(organizations.values_list("kind").annotate(n=Count("pk")).order_by("kind")),
        clinicians=Clinician.objects.filter(organization__in=organizations).count(),
        users_by_role=dict(users_by_role),
        interactions=interactions.count(),
        interactions_by_kind=dict(interactions.values_list("kind").annotate(n=Count("pk")).order_by("kind")),
        review_status=dict(interactions.values_list("review_status").annotate(n=Count("pk")).order_by("review_status")),
        transfers=transfers.count(),
        interactions_with_transfers=interactions.filter(transfers__isnull=False).distinct().count(),
        prohibited=current.filter(severity=Severity.PROHIBITED).values("interaction").distinct().count(),
        findings_by_rule=dict(current.values_list("rule").annotate(n=Count("pk")).order_by("rule")),
        follow_ups_open=follow_ups.filter(done_at__isnull=True, due_on__gte=today).count(),
        follow_ups_overdue=follow_ups.filter(done_at__isnull=True, due_on__lt=today).count(),
        follow_ups_done=follow_ups.filter(done_at__isnull=False).count(),
        summaries=Summary.objects.filter(liaison__in=users).count(),
        logins=demo_logins(),
    )


# ------------------------------------------------------------------------------------------------
# Building
# ------------------------------------------------------------------------------------------------


@dataclass
class Partner:
    """An organization with what the loader needs to write about it."""

    org: Organization
    spec: dict
    clinicians: list[Clinician] = field(default_factory=list)

    @property
    def short(self) -> str:
        return self.spec["short"]

    @property
    def key(self) -> Clinician:
        return self.clinicians[0]

    @property
    def reachable(self) -> list[Clinician]:
        """Clinicians a liaison may contact (active and consenting)."""
        return [c for c in self.clinicians if c.is_active and c.consents_to_contact]


@dataclass
class Plan:
    """One interaction to create, and what the compliance office will do with it."""

    liaison: User
    partner: Partner
    when: datetime
    kind: str
    clinicians: list[Clinician] = field(default_factory=list)
    summary: str = ""
    details: dict = field(default_factory=dict)
    transfers: list[TransferInput] = field(default_factory=list)
    script: str = ""  # scenario name for scripted plans
    decision: str = ""  # forced decision: approve / reject / return / pending / false_alarm
    comment: str = ""
    amend: dict | None = None  # interaction_amend kwargs after a return
    after_amend: str = "pending"  # approve / pending
    lookalike: bool = False  # wording that resembles value but is not (送检, 请示 …)
    interaction: Interaction | None = None

    @property
    def day(self) -> date:
        return timezone.localdate(self.when)


class _Builder:
    def __init__(self, *, today: date, stdout=None) -> None:
        self.today = today
        self.stdout = stdout
        self.rng = random.Random(SEED)
        self.tz = timezone.get_default_timezone()
        self.cutoff = self.at(today, 0, 0)  # nothing happens on or after the start of ``today``
        self.window = [today - timedelta(days=n) for n in range(WINDOW_DAYS, 0, -1)]
        self.workdays = [d for d in self.window if d.weekday() < 5 and (d.month, d.day) not in HOLIDAYS]
        self.skipped: list[str] = []
        self.plans: list[Plan] = []
        self.partners: dict[str, Partner] = {}
        self.users: dict[str, User] = {}
        self.template_uses: Counter = Counter()
        self.case_numbers: dict[tuple[str, str], int] = {}
        # What filler value lines may still give (scripted recipients are reserved).
        self.year_totals: defaultdict[str, Decimal] = defaultdict(Decimal)
        self.quarter_meals: Counter = Counter()
        self.reserved: set[int] = set()
        self.preexisting: set[str] = set()

    # ---- small helpers -----------------------------------------------------------------------

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        naive = datetime.combine(day, time(0)) + timedelta(hours=hour, minutes=minute)
        return timezone.make_aware(naive, self.tz)

    def say(self, message: str) -> None:
        _say(self.stdout, message)

    def fmt_date(self, day: date) -> str:
        if day.year != self.today.year:
            return f"{day.year}年{day.month}月{day.day}日"
        return f"{day.month}月{day.day}日"

    def workday_near(self, days_ago: int) -> date:
        """The working day closest to ``days_ago`` days before today (never today or later)."""
        target = self.today - timedelta(days=days_ago)
        return min(self.workdays, key=lambda d: (abs((d - target).days), d))

    # ---- the steps ---------------------------------------------------------------------------

    def run(self) -> Department:
        self.say(_("Creating the department, territories and demo users…"))
        department = self.create_staff()
        self.say(_("Creating partner organizations and clinicians…"))
        self.create_partners()
        self.say(_("Logging 90 days of visits, training offers and case discussions…"))
        self.plan_scripted()
        self.plan_filler()
        self.create_interactions()
        self.say(_("Recording review decisions…"))
        self.decide_reviews()
        self.backdate()
        self.close_follow_ups()
        self.say(_("Writing daily, weekly and monthly summaries…"))
        self.create_summaries()
        return department

    def create_staff(self) -> Department:
        department = Department.objects.create(**data.DEPARTMENT)
        self.territories = {
            spec["code"]: Territory.objects.create(department=department, **spec) for spec in data.TERRITORIES
        }
        groups = {group.name: group for group in Group.objects.filter(name__in=[r.value for r in Role])}
        if len(groups) < len(Role):
            from crm.people.roles import sync_role_groups

            sync_role_groups()
            groups = {group.name: group for group in Group.objects.filter(name__in=[r.value for r in Role])}
        hashed = make_password(data.DEMO_PASSWORD)  # hashed once: the same demo password for all
        for spec in data.STAFF:
            user, created = User.objects.get_or_create(
                username=spec["username"],
                defaults={
                    "full_name": spec["full_name"],
                    "department": department,
                    "password": hashed,
                    # Staff work in the pages; the admin site is for the administrator.
                    "is_staff": spec["role"] == Role.ADMIN,
                    "is_superuser": spec["role"] == Role.ADMIN,
                },
            )
            if not created:
                self.preexisting.add(user.username)
            if created or spec["role"] != Role.ADMIN:
                user.groups.add(groups[spec["role"]])
        # Fresh objects, so cached roles and permissions reflect the groups just added.
        self.users = {u.username: u for u in User.objects.filter(username__in=[s["username"] for s in data.STAFF])}
        director = self.users["director.zhou"]
        rows = [
            TerritoryAssignment(
                territory=self.territories[spec["territory"]],
                liaison=self.users[spec["username"]],
                starts_on=self.today - timedelta(days=spec["since_days"]),
                assigned_by=director,
            )
            for spec in data.STAFF
            if spec["role"] == Role.LIAISON
        ]
        rows += [
            TerritoryAssignment(
                territory=self.territories[spec["territory"]],
                liaison=self.users[spec["username"]],
                starts_on=self.today - timedelta(days=spec["starts_days_ago"]),
                ends_on=self.today - timedelta(days=spec["ends_days_ago"]),
                assigned_by=director,
            )
            for spec in data.ASSIGNMENT_HISTORY
        ]
        TerritoryAssignment.objects.bulk_create(rows)
        self.liaisons_of = defaultdict(list)
        for spec in data.STAFF:
            if spec["role"] == Role.LIAISON:
                self.liaisons_of[spec["territory"]].append(self.users[spec["username"]])
        return department

    def create_partners(self) -> None:
        rng = self.rng
        organizations = []
        for spec in data.ORGANIZATIONS:
            signed = expires = None
            if spec["agreement"]:
                signed_ago, expires_in = spec["agreement"]
                signed = self.today - timedelta(days=signed_ago)
                expires = self.today + timedelta(days=expires_in)
            organizations.append(
                Organization(
                    name=spec["name"],
                    kind=spec["kind"],
                    territory=self.territories[spec["territory"]],
                    address=spec["address"],
                    phone=spec["phone"],
                    beds=spec["beds"],
                    monthly_outpatients=spec["outpatients"],
                    monthly_inpatients=spec["inpatients"],
                    specialties=spec["specialties"],
                    tier=spec["tier"],
                    status=spec["status"],
                    agreement_signed_on=signed,
                    agreement_expires_on=expires,
                )
            )
        Organization.objects.bulk_create(organizations)
        organizations = {o.name: o for o in Organization.objects.filter(territory__in=self.territories.values())}

        reserved_names = {spec["full_name"] for spec in data.STAFF}
        surnames = list(data.COMMON_SURNAMES) * 4 + list(data.OTHER_SURNAMES)
        used: set[str] = set()

        def new_name(surname: str | None = None) -> str:
            while True:
                name = (surname or rng.choice(surnames)) + rng.choice(data.GIVEN_NAMES)
                if name not in used and name not in reserved_names:
                    used.add(name)
                    return name
                surname = None

        clinicians = []
        for spec in data.ORGANIZATIONS:
            org = organizations[spec["name"]]
            self.partners[spec["name"]] = Partner(org=org, spec=spec)
            for index, (title, department) in enumerate(spec["staff"]):
                name = new_name(spec.get("surname") if index == 0 else None)
                clinicians.append(
                    Clinician(
                        organization=org,
                        name=name,
                        title=title,
                        department=department,
                        licence_number=self.licence_number(title),
                        phone=f"{spec['phone']}转{rng.randint(801, 899)}" if index == 0 or rng.random() < 0.3 else "",
                        wechat=self.wechat_id(name) if rng.random() < 0.65 else "",
                        is_key_contact=index == 0,
                    )
                )
        # A few people asked not to be contacted; two have left their clinic.
        others = [c for c in clinicians if not c.is_key_contact]
        for clinician in rng.sample(others, 4):
            clinician.consents_to_contact = False
        for clinician in rng.sample([c for c in others if c.consents_to_contact], 2):
            clinician.is_active = False
        Clinician.objects.bulk_create(clinicians)
        by_org = {p.org.pk: p for p in self.partners.values()}
        for clinician in Clinician.objects.filter(organization__in=organizations.values()).order_by("pk"):
            partner = by_org[clinician.organization_id]
            clinician.organization = partner.org
            partner.clinicians.append(clinician)

    def licence_number(self, title: str) -> str:
        """Fictional numbers in the shapes used on Chinese practice certificates."""
        rng = self.rng
        year = rng.randint(1992, 2021)
        if title == "pharmacist":
            return f"ZY0042{year}{rng.randint(1000, 9999)}"
        if title == "nurse":
            return f"{year}42{rng.randint(100000, 999999)}"
        if title == "village_doctor":
            return f"4209{rng.randint(20, 99)}{year}{rng.randint(1000, 9999)}"
        level = rng.choice("1122")
        kind = rng.choice("1112")
        return f"{level}{kind}042{rng.randint(100, 999)}{year}{rng.randint(1000, 9999)}"[:15]

    def wechat_id(self, name: str) -> str:
        rng = self.rng
        style = rng.choice(data.WECHAT_STYLES)
        return style.format(
            py=data.SURNAME_PINYIN.get(name[0], "doc"),
            year=rng.randint(1965, 1996),
            n=rng.randint(1, 9),
            n2=rng.randint(10, 99),
        )

    # ---- how liaisons speak of people ----------------------------------------------------------

    def call(self, clinician: Clinician | None, partner: Partner) -> str:
        """How a liaison names a clinician in a note: 马院长, 刘主任, 陈医生, 医务科王科长 …"""
        if clinician is None:
            return "对方负责人"
        surname = clinician.name[0]
        kind = partner.spec["kind"]
        if clinician.department == "医务科":
            return f"医务科{surname}科长"
        if clinician.title == "director":
            if kind in ("township_health", "hospital", "maternal_child"):
                return f"{surname}院长"
            if kind == "community_health":
                return f"{surname}主任" if (partner.spec["beds"] or 0) > 0 else f"{surname}站长"
            if kind == "company_infirmary":
                return f"{surname}主任"
            if kind == "pharmacy":
                return f"{surname}店长"
            return f"{surname}医生"
        if clinician.title in ("chief", "associate_chief"):
            return f"{surname}主任"
        if clinician.title == "pharmacist":
            return f"{surname}店长" if clinician.is_key_contact else f"{surname}药师"
        if clinician.title == "nurse":
            return f"{surname}护士长" if clinician.department == "护理部" else f"{surname}护士"
        return f"{surname}医生"

    # ---- value ledger (keeps filler lines clear of the caps; scripted ones test them) ------------

    @staticmethod
    def recipient_key(line: TransferInput) -> list[str]:
        if line.attendees:
            return [f"c{c.pk}" for c in line.attendees]
        if line.recipient_clinician is not None:
            return [f"c{line.recipient_clinician.pk}"]
        return [f"o{line.recipient_organization.pk}"]

    @staticmethod
    def quarter(day: date) -> tuple[int, int]:
        return day.year, (day.month - 1) // 3

    def book(self, day: date, lines: list[TransferInput]) -> None:
        for line in lines:
            keys = self.recipient_key(line)
            share = Decimal(line.amount) / len(keys)
            for key in keys:
                if not line.patient_education:
                    self.year_totals[(key, day.year)] += share
                if line.nature == Nature.FOOD and key.startswith("c"):
                    self.quarter_meals[(key, self.quarter(day))] += 1

    def room_for(self, day: date, clinician: Clinician, amount: Decimal, meal: bool = False) -> bool:
        key = f"c{clinician.pk}"
        if clinician.pk in self.reserved:
            return False
        if meal and self.quarter_meals[(key, self.quarter(day))] >= MEALS_PER_QUARTER:
            return False
        return self.year_totals[(key, day.year)] + amount <= FILLER_CAP

    def org_room(self, day: date, partner: Partner, amount: Decimal) -> bool:
        return self.year_totals[(f"o{partner.org.pk}", day.year)] + amount <= FILLER_CAP

    # ---- scheduling ------------------------------------------------------------------------------

    def times_for(self, day: date, n: int) -> list[datetime]:
        starts = [(8, 40), (9, 30), (10, 20), (11, 10), (14, 10), (15, 0), (15, 50), (16, 40)]
        chosen = sorted(self.rng.sample(starts, n))
        return [self.at(day, h, m + self.rng.randint(0, 25)) for h, m in chosen]

    def partner_weight(self, partner: Partner, visits: Counter) -> float:
        status = partner.spec["status"]
        if status == "closed":
            return 0.0
        if status == "dormant":
            return 0.25 if visits[partner.org.pk] < 2 else 0.0
        if status == "prospect":
            return 0.6 if visits[partner.org.pk] < 4 else 0.0
        return {"A": 5.0, "B": 3.0, "C": 1.6, "unrated": 1.2}[partner.spec["tier"]]

    def plan_filler(self) -> None:
        rng = self.rng
        scripted_days = Counter((p.liaison.pk, p.day) for p in self.plans)
        visits: Counter = Counter(p.partner.org.pk for p in self.plans)
        for code, liaisons in self.liaisons_of.items():
            partners = [p for p in self.partners.values() if p.spec["territory"] == code]
            for liaison in liaisons:
                leave = set(rng.sample(self.workdays, 3))  # a few days of leave or meetings at the hospital
                for day in self.workdays:
                    if day in leave:
                        continue
                    n = rng.choices([0, 1, 2, 3], weights=[14, 45, 31, 10])[0]
                    n = max(0, n - scripted_days[(liaison.pk, day)])
                    if not n:
                        continue
                    for when in self.times_for(day, n):
                        weights = [self.partner_weight(p, visits) for p in partners]
                        partner = rng.choices(partners, weights=weights)[0]
                        visits[partner.org.pk] += 1
                        self.plans.append(self.filler(liaison, partner, when))

    def filler(self, liaison: User, partner: Partner, when: datetime) -> Plan:
        status, kind = partner.spec["status"], partner.spec["kind"]
        if status != "active":
            choice = Kind.VISIT
        elif kind == "pharmacy":
            choice = self.rng.choices([Kind.VISIT, Kind.TRAINING], weights=[85, 15])[0]
        else:
            choice = self.rng.choices([Kind.VISIT, Kind.TRAINING, Kind.CASE], weights=[51, 23, 26])[0]
        plan = Plan(liaison=liaison, partner=partner, when=when, kind=choice)
        {Kind.VISIT: self.fill_visit, Kind.TRAINING: self.fill_training, Kind.CASE: self.fill_case}[choice](plan)
        return plan

    # ---- visits --------------------------------------------------------------------------------------

    def pick_template(self, group: str, candidates: list):
        """The least used fitting template (ties broken at random), so notes do not repeat."""
        least = min(self.template_uses[(group, i)] for i, _t in candidates)
        index, template = self.rng.choice([(i, t) for i, t in candidates if self.template_uses[(group, i)] == least])
        self.template_uses[(group, index)] += 1
        return template

    def people(self, plan: Plan, n: int = 1, prefer_key: float = 0.5, doctors: bool = False) -> list[Clinician]:
        reachable = plan.partner.reachable
        if doctors:
            reachable = [c for c in reachable if c.title not in ("nurse", "pharmacist")] or reachable
        if not reachable:
            return []
        key = plan.partner.key
        first = key if key in reachable and self.rng.random() < prefer_key else self.rng.choice(reachable)
        rest = [c for c in reachable if c != first]
        return [first, *self.rng.sample(rest, min(len(rest), n - 1))]

    def slots(self, plan: Plan, **extra) -> dict:
        rng = self.rng
        doc = plan.clinicians[0] if plan.clinicians else None
        condition = rng.choice(data.CONDITIONS)
        values = {
            "org": plan.partner.short,
            "doc": self.call(doc, plan.partner),
            "cond": condition,
            "expert": data.CONDITION_EXPERTS[condition],
            "topic": self.lecture_for(plan.partner)[0],
            "date": "",
        }
        values.update(extra)
        return values

    def lecture_for(self, partner: Partner) -> tuple[str, str]:
        """A staff lecture topic that suits the partner, with the specialist who gives it."""
        kind = partner.spec["kind"]
        fitting = [
            (topic, expert)
            for topic, expert, kinds in data.LECTURES_FOR_STAFF
            if (kinds is None and kind != "pharmacy") or (kinds and kind in kinds)
        ]
        if kind == "pharmacy":
            fitting += [(t, e) for t, e, _k in data.LECTURES_FOR_STAFF if "药" in t]
        return self.rng.choice(fitting)

    def next_workday(self, day: date) -> date:
        while day.weekday() >= 5 or (day.month, day.day) in HOLIDAYS:
            day += timedelta(days=1)
        return day

    @staticmethod
    def channel_of(text: str, default: str) -> str:
        """The channel a visit note implies: 电话…/微信… or a trip (到…, 走访, 拜访, 陪同 …)."""
        if text.startswith("电话") or "电话联系" in text[:12]:
            return Channel.PHONE
        if text.startswith("微信") or "微信沟通" in text[:16]:
            return Channel.WECHAT
        if any(word in text[:14] for word in ("到", "走访", "拜访", "陪同", "初次", "在", "见面")):
            return Channel.IN_PERSON
        return default

    def follow_up(self, plan: Plan, next_step: str | None, slots: dict, chance: float = 0.8) -> None:
        if not next_step or self.rng.random() > chance:
            return
        due = self.next_workday(plan.day + timedelta(days=self.rng.choice([2, 3, 5, 7, 7, 10, 14, 14, 21])))
        slots["date"] = self.fmt_date(due)
        plan.details["next_step"] = next_step.format(**slots)
        if self.rng.random() < 0.92:
            plan.details["follow_up_on"] = due

    def fill_visit(self, plan: Plan, template: tuple | None = None, allow_value: bool = True) -> None:
        rng, partner = self.rng, plan.partner
        spec = partner.spec
        plan.clinicians = self.people(plan, n=rng.choice([1, 1, 2]))
        default_channel = rng.choices([Channel.IN_PERSON, Channel.PHONE, Channel.WECHAT], weights=[60, 20, 20])[0]
        slots = self.slots(plan)
        if template is None and spec["status"] == "prospect":
            template = self.pick_template("prospect", list(enumerate(data.PROSPECT_NOTES)))
        elif template is None and spec["status"] == "dormant":
            template = self.pick_template("dormant", list(enumerate(data.DORMANT_NOTES)))
        elif template is None:
            expiring = partner.org.agreement_expires_on and (partner.org.agreement_expires_on - plan.day).days < 120
            candidates = [
                (i, t)
                for i, t in enumerate(data.VISIT_NOTES)
                if ((t[2] is None and spec["kind"] != "pharmacy") or (t[2] and spec["kind"] in t[2]))
                and ("续签" not in t[0] or expiring)
                and ("秋冬" not in t[0] or plan.day.month in (10, 11, 12, 1, 2, 3))
            ]
            template = self.pick_template("visit", candidates)
        summary, next_step = template[0], template[1]
        plan.summary = summary.format(**slots)
        plan.details["channel"] = self.channel_of(plan.summary, default_channel)
        plan.lookalike = any(word in plan.summary for word in ("送检", "请示", "卡介苗", "返院复查"))
        self.follow_up(plan, next_step, slots)
        if allow_value and spec["status"] == "active" and rng.random() < 0.3:
            self.visit_value(plan)

    def visit_value(self, plan: Plan) -> None:
        """Small declared value on a visit: a promotional item, a working meal or patient material."""
        rng, day, partner = self.rng, plan.day, plan.partner
        what = rng.choices(["promo", "meal", "patient"], weights=[45, 35, 20])[0]
        if plan.details["channel"] != Channel.IN_PERSON:
            return
        if what == "promo" and plan.clinicians:
            description, amount = rng.choice(data.PROMO_ITEMS)
            amount = Decimal(amount)
            if self.room_for(day, plan.clinicians[0], amount):
                line = TransferInput(
                    nature=Nature.PROMOTIONAL,
                    description=description,
                    amount=amount,
                    recipient_clinician=plan.clinicians[0],
                )
                plan.transfers.append(line)
                plan.summary += f"留下{description}。"
        elif what == "meal":
            per_head = Decimal(rng.choice([60, 70, 80, 90, 100, 120]))
            eaters = [c for c in partner.reachable if self.room_for(day, c, per_head, meal=True)]
            eaters = rng.sample(eaters, min(len(eaters), rng.choice([1, 2, 2, 3])))
            if eaters and plan.details["channel"] == Channel.IN_PERSON:
                plan.clinicians = list(dict.fromkeys([*plan.clinicians, *eaters]))
                description = rng.choice(data.MEAL_DESCRIPTIONS)
                plan.transfers.append(self.meal_line(description, per_head, eaters))
                names = "、".join(self.call(c, partner) for c in eaters)
                plan.summary += f"中午与{names}工作餐，已申报。"
        elif what == "patient":
            description, unit = rng.choice(data.PATIENT_EDUCATION_ITEMS)
            n = rng.choice([100, 200, 300])
            plan.transfers.append(
                TransferInput(
                    nature=Nature.OTHER,
                    description=description.format(n=n),
                    amount=Decimal(unit) * n,
                    recipient_organization=partner.org,
                    patient_education=True,
                )
            )
            plan.summary += f"送去{description.format(n=n)}，放在候诊区供患者取阅。"
        self.book(day, plan.transfers)

    @staticmethod
    def meal_line(description: str, per_head: Decimal, eaters: list[Clinician]) -> TransferInput:
        total = per_head * len(eaters)
        if len(eaters) == 1:
            return TransferInput(
                nature=Nature.FOOD, description=description, amount=total, recipient_clinician=eaters[0]
            )
        return TransferInput(
            nature=Nature.FOOD, description=f"{description}（{len(eaters)}人）", amount=total, attendees=eaters
        )

    # ---- training offers ---------------------------------------------------------------------------

    def fill_training(self, plan: Plan, fmt: str | None = None, status: str | None = None) -> None:
        rng, partner, day = self.rng, plan.partner, plan.day
        kind = partner.spec["kind"]
        if fmt is None:
            if kind == "pharmacy":
                fmt = "staff_lecture"
            elif kind == "village_clinic":
                fmt = rng.choice(["advanced_study", "public_lecture", "expert_clinic", "public_lecture"])
            elif kind == "hospital":
                fmt = rng.choice(["advanced_study", "staff_lecture", "workshop"])
            else:
                fmt = rng.choices(
                    ["advanced_study", "staff_lecture", "public_lecture", "expert_clinic", "workshop"],
                    weights=[17, 33, 13, 17, 20],
                )[0]
        if status is None:
            age = (self.today - day).days
            if age > 30:
                status = rng.choices(["completed", "accepted", "declined", "cancelled"], weights=[55, 18, 15, 12])[0]
            else:
                status = rng.choices(
                    ["offered", "accepted", "completed", "declined", "cancelled"], weights=[35, 30, 20, 10, 5]
                )[0]
        if fmt == "public_lecture" and status == "declined":
            status = "cancelled"
        # Completed clinic days happen on a Saturday.
        if fmt == "expert_clinic" and status == "completed":
            saturday = day - timedelta(days=(day.weekday() - 5) % 7)
            if saturday >= self.window[0]:
                plan.when = self.at(saturday, 8, 30 + rng.randint(0, 20))
                day = saturday
        months = rng.choice([1, 3, 3])
        if status == "completed" and fmt == "advanced_study":
            start = self.next_workday(day - timedelta(days=30 * months))
        elif status == "completed":
            start = day
        elif status == "cancelled":
            start = day + timedelta(days=rng.randint(2, 10))
        else:
            start = day + timedelta(days=rng.randint(7, 40))
        if fmt == "expert_clinic" and status != "completed":
            start += timedelta(days=(5 - start.weekday()) % 7)  # clinic days are Saturdays
        elif status != "completed":
            start = self.next_workday(start)
        study_dept = rng.choice(data.STUDY_DEPARTMENTS)
        if status == "completed" and fmt in ("staff_lecture", "workshop"):
            plan.clinicians = self.people(plan, n=rng.choice([2, 3, 4]))
        else:
            plan.clinicians = self.people(plan, n=1, prefer_key=0.7)
        if fmt == "advanced_study":
            trainees = [
                c
                for c in partner.reachable
                if c.title not in ("pharmacist", "nurse") and self.room_for(day, c, Decimal(500 * months))
            ]
            if trainees:
                plan.clinicians = [rng.choice([c for c in trainees if not c.is_key_contact] or trainees)]
        channel = Channel.IN_PERSON if status == "completed" else rng.choice(list(Channel)[:3])
        slots = self.slots(
            plan,
            start=self.fmt_date(start),
            months=CN_NUMBERS[months],
            dept=study_dept,
            reason=rng.choice(data.DECLINE_REASONS if status == "declined" else data.CANCEL_REASONS),
            skill=rng.choice(data.WORKSHOP_SKILLS),
            n=rng.randint(40, 120) if fmt == "public_lecture" else rng.randint(8, 30),
            m=rng.randint(30, 90),
        )
        if fmt == "public_lecture":
            slots["topic"] = rng.choice(data.LECTURES_FOR_PUBLIC)
        else:
            slots["topic"], slots["expert"] = self.lecture_for(partner)
        if fmt == "expert_clinic":
            slots["expert"] = data.CLINIC_EXPERTS.get(kind, data.CLINIC_EXPERTS["default"])
            slots["n"] = rng.randint(80, 200)
        if fmt == "workshop":
            slots["n"] = rng.randint(6, 15)
        notes = {
            "advanced_study": data.STUDY_NOTES,
            "staff_lecture": data.STAFF_LECTURE_NOTES,
            "public_lecture": data.PUBLIC_LECTURE_NOTES,
            "expert_clinic": data.CLINIC_NOTES,
            "workshop": data.WORKSHOP_NOTES,
        }[fmt]
        plan.summary = notes[status].format(**slots)
        plan.lookalike = "请示" in plan.summary
        plan.details.update(
            channel=channel,
            training_format={
                "advanced_study": TrainingFormat.ADVANCED_STUDY,
                "staff_lecture": TrainingFormat.LECTURE,
                "public_lecture": TrainingFormat.LECTURE,
                "expert_clinic": TrainingFormat.EXPERT_CLINIC,
                "workshop": TrainingFormat.WORKSHOP,
            }[fmt],
            training_status=status,
            training_starts_on=start,
        )
        self.training_value(plan, fmt, status, months, study_dept, slots)
        next_step = data.TRAINING_NEXT_STEPS.get((fmt, status), data.TRAINING_NEXT_STEPS[status])
        self.follow_up(plan, next_step, slots, chance=0.7)

    def training_value(self, plan: Plan, fmt: str, status: str, months: int, dept: str, slots: dict) -> None:
        """A training offer states its value, or says plainly that there is none."""
        rng, day, partner = self.rng, plan.day, plan.partner
        statement = ""
        lines: list[TransferInput] = []
        if status in ("declined", "cancelled"):
            statement = data.NO_BENEFIT[status]
        elif fmt == "advanced_study":
            amount = Decimal(data.STUDY_FEE_PER_MONTH) * months
            trainee = plan.clinicians[0] if plan.clinicians else None
            if trainee is not None and self.room_for(day, trainee, amount):
                lines.append(
                    TransferInput(
                        nature=Nature.EDUCATION,
                        description=f"免收{dept}{CN_NUMBERS[months]}个月进修费",
                        amount=amount,
                        recipient_clinician=trainee,
                        form=Form.SERVICE,
                        justification=data.JUSTIFY_STUDY.format(dept=dept) if amount > 200 else "",
                    )
                )
            else:
                statement = data.NO_BENEFIT["study_paid"]
        elif fmt == "staff_lecture":
            statement = data.NO_BENEFIT["staff_lecture"]
            roll = rng.random()
            if status == "completed" and roll < 0.45:
                per_head = Decimal(rng.choice([60, 60, 70, 80]))
                eaters = [c for c in plan.clinicians if self.room_for(day, c, per_head, meal=True)]
                if eaters:
                    lines.append(self.meal_line("讲座后工作餐", per_head, eaters))
                    plan.summary += "讲座后在对方食堂工作餐，已申报。"
                    statement = ""
            elif status == "completed" and roll < 0.6:
                description, unit = rng.choice(data.PATIENT_EDUCATION_ITEMS)
                n = rng.choice([100, 200])
                lines.append(
                    TransferInput(
                        nature=Nature.OTHER,
                        description=description.format(n=n),
                        amount=Decimal(unit) * n,
                        recipient_organization=partner.org,
                        patient_education=True,
                    )
                )
        elif fmt == "public_lecture":
            statement = data.NO_BENEFIT["public_lecture"]
            if status == "completed" and rng.random() < 0.3:
                description, unit = rng.choice(data.PATIENT_EDUCATION_ITEMS)
                n = rng.choice([200, 300])
                lines.append(
                    TransferInput(
                        nature=Nature.OTHER,
                        description=description.format(n=n),
                        amount=Decimal(unit) * n,
                        recipient_organization=partner.org,
                        patient_education=True,
                    )
                )
        elif fmt == "expert_clinic":
            statement = data.NO_BENEFIT["clinic"]
            amount = Decimal("150")
            if status == "completed" and rng.random() < 0.25 and self.org_room(day, partner, amount):
                lines.append(
                    TransferInput(
                        nature=Nature.SUPPLIES,
                        description="义诊用血糖试纸和采血针（留机构继续使用）",
                        amount=amount,
                        recipient_organization=partner.org,
                    )
                )
        elif fmt == "workshop":
            amount = Decimal(30 * int(slots["n"]))
            if rng.random() < 0.6 and self.org_room(day, partner, amount):
                lines.append(
                    TransferInput(
                        nature=Nature.EDUCATION,
                        description=f"免收“{slots['skill']}”培训费（{slots['n']}人）",
                        amount=amount,
                        recipient_organization=partner.org,
                        form=Form.SERVICE,
                        justification=data.JUSTIFY_WORKSHOP if amount > 200 else "",
                    )
                )
            else:
                statement = data.NO_BENEFIT["workshop"]
        plan.details["no_benefit_statement"] = statement
        plan.transfers.extend(lines)
        self.book(day, lines)

    # ---- case discussions ----------------------------------------------------------------------------

    def case_groups(self, partner: Partner) -> list[str]:
        kind = partner.spec["kind"]
        if kind == "maternal_child":
            return ["obstetrics", "paediatrics", "obstetrics"]
        if kind == "hospital":
            return ["rehabilitation", "trauma", "cerebrovascular", "rehabilitation"]
        if kind == "company_infirmary":
            return ["cardiovascular", "trauma", "respiratory", "endocrine"]
        if kind == "private_clinic" and "儿科" in partner.spec["specialties"]:
            return ["paediatrics"]
        if kind == "village_clinic":
            return ["cardiovascular", "cerebrovascular", "respiratory", "endocrine", "trauma"]
        return [g for g in data.CASE_CONDITIONS if g not in ("obstetrics", "paediatrics")] + ["paediatrics"]

    def case_code(self, topic: str, day: date) -> str:
        prefix = data.CASE_PREFIX[topic]
        month = f"{day:%y%m}"
        number = self.case_numbers.get((prefix, month)) or self.rng.randint(5, 30)
        number += self.rng.randint(1, 4)  # other cases of the month are not in the demo
        self.case_numbers[(prefix, month)] = number
        return f"{prefix}-{month}-{number:03d}"

    def working_time(self, moment: datetime) -> datetime:
        """The same moment, or the next morning if it falls in the night."""
        local = timezone.localtime(moment, self.tz)
        if 8 <= local.hour < 21:
            return moment
        day = local.date() if local.hour < 8 else local.date() + timedelta(days=1)
        return self.at(day, 8, 20 + self.rng.randint(0, 70))

    def fill_case(self, plan: Plan) -> None:
        rng = self.rng
        group = rng.choice(self.case_groups(plan.partner))
        condition = data.CASE_CONDITIONS[group]
        label, present, advice, progress, rehab = rng.choice(condition["cases"])
        topic = rng.choices(["pre_referral", "referral_feedback", "discharge_plan"], weights=[35, 40, 25])[0]
        band = rng.choice(condition["bands"])
        sex = rng.choice(condition["sexes"]) if rng.random() > 0.03 else "U"
        child = band in ("0-6", "7-17")
        who = f"{data.BAND_WORDS[band]}{(data.CHILD_SEX_WORDS if child else data.SEX_WORDS)[sex]}"
        if not child and sex != "U":
            who += "患者"
        code = self.case_code(topic, plan.day)
        if advice.startswith("立即"):
            advice = f"建议{advice}。"
        else:
            advice = f"已请{data.GROUP_EXPERTS[group]}看过资料，建议{advice}。"
        plan.clinicians = self.people(plan, n=1, prefer_key=0.3, doctors=True)
        if topic == "pre_referral":
            channel = rng.choices([Channel.PHONE, Channel.WECHAT, Channel.VIDEO], weights=[60, 30, 10])[0]
        else:
            channel = rng.choices(
                [Channel.PHONE, Channel.WECHAT, Channel.VIDEO, Channel.IN_PERSON], weights=[45, 30, 10, 15]
            )[0]
        slots = self.slots(
            plan,
            who=who,
            code=code,
            label=label,
            present=present,
            advice=advice,
            progress=progress,
            rehab=rehab,
            via=data.CHANNEL_WORDS[channel],
        )
        plan.summary = data.CASE_NOTES[topic].format(**slots)
        plan.lookalike = "返院复查" in plan.summary
        due = plan.when + timedelta(hours=24)
        roll = rng.random()
        if roll < 0.8:
            given = self.working_time(plan.when + timedelta(minutes=rng.randint(30, 8 * 60)))
        elif roll < 0.92:
            given = self.working_time(plan.when + timedelta(minutes=rng.randint(26 * 60, 56 * 60)))
        else:
            given = None
        plan.details.update(
            channel=channel,
            case_code=code,
            case_age_band=band,
            case_sex=sex,
            case_condition_group=group,
            case_topic=topic,
            feedback_due_at=due,
            feedback_given_at=given if given is not None and given < self.cutoff else None,
        )
        next_step = rng.choice(data.CASE_NEXT_STEPS[topic])
        self.follow_up(plan, next_step, slots, chance=0.55)

    # ---- the scripted stories (each one shows a rule or a review outcome) ---------------------------

    def plan_scripted(self) -> None:
        rng, P = self.rng, self.partners
        zhang, liu = self.users["liaison.zhang"], self.users["liaison.liu"]
        chen, wang = self.users["liaison.chen"], self.users["liaison.wang"]

        def plan_at(liaison, partner, days_ago, kind, hour=10):
            day = self.workday_near(days_ago)
            return Plan(liaison=liaison, partner=partner, when=self.at(day, hour, rng.randint(0, 40)), kind=kind)

        def add(plan: Plan) -> Plan:
            self.plans.append(plan)
            self.book(plan.day, plan.transfers)
            return plan

        # 1. A clinician close to the annual cap: a study place (¥1,500), then two working meals.
        shiqiao = P["北山县石桥镇中心卫生院"]
        near = shiqiao.clinicians[1]
        self.reserved.add(near.pk)
        # All three in one calendar year (the cap is per year), spread over the window.
        last = self.workday_near(13)
        first = max(self.window[0], date(last.year, 1, 1))
        span = (last - first).days
        near_days = [self.workday_near((self.today - (first + timedelta(days=span * k // 10))).days) for k in (1, 5)]
        plan = plan_at(chen, shiqiao, (self.today - near_days[0]).days, Kind.TRAINING)
        plan.clinicians = [near]
        start = self.next_workday(self.today + timedelta(days=100))
        plan.summary = (
            f"{shiqiao.short}{self.call(near, shiqiao)}确认参加我院心内科三个月进修班，"
            f"{self.fmt_date(start)}报到，已把进修申请表和报到须知发给对方。"
        )
        plan.details = {
            "channel": Channel.PHONE,
            "training_format": TrainingFormat.ADVANCED_STUDY,
            "training_status": TrainingStatus.ACCEPTED,
            "training_starts_on": start,
            "next_step": "提醒对方报到前完成体检",
            "follow_up_on": self.today + timedelta(days=80),
        }
        plan.transfers = [
            TransferInput(
                nature=Nature.EDUCATION,
                description="免收心内科三个月进修费",
                amount=Decimal("1500"),
                recipient_clinician=near,
                form=Form.SERVICE,
                justification=data.JUSTIFY_STUDY.format(dept="心内科"),
            )
        ]
        plan.decision, plan.script = "approve", "near_cap"
        add(plan)
        others = [c for c in shiqiao.reachable if c != near][:2]
        self.reserved.update(c.pk for c in others)
        plan = plan_at(chen, shiqiao, (self.today - near_days[1]).days, Kind.TRAINING, hour=14)
        plan.clinicians = [near, *others]
        plan.summary = (
            f"在{shiqiao.short}讲授“胸痛早期识别与转诊时机”，主讲心内科赵主任，22名医护人员参加，"
            "课后讨论了转诊指征和随访分工。讲座后在卫生院食堂工作餐，已申报。"
        )
        plan.details = {
            "channel": Channel.IN_PERSON,
            "training_format": TrainingFormat.LECTURE,
            "training_status": TrainingStatus.COMPLETED,
            "training_starts_on": plan.day,
        }
        plan.transfers = [self.meal_line("讲座后工作餐", Decimal("80"), [near, *others])]
        plan.decision, plan.script = "approve", "near_cap"
        add(plan)
        plan = plan_at(chen, shiqiao, (self.today - last).days, Kind.VISIT, hour=11)
        plan.clinicians = [near]
        plan.summary = (
            f"到{shiqiao.short}与{self.call(near, shiqiao)}确认进修报到前的准备，顺带沟通了下转的冠心病患者随访。"
            "中午在卫生院附近工作餐，已申报。"
        )
        plan.details = {"channel": Channel.IN_PERSON}
        plan.transfers = [
            TransferInput(
                nature=Nature.FOOD,
                description="工作餐（卫生院附近餐馆）",
                amount=Decimal("90"),
                recipient_clinician=near,
            )
        ]
        plan.decision, plan.comment, plan.script = "approve", data.APPROVE_COMMENTS["near_cap"], "near_cap"
        add(plan)

        # 2. Over the cap: a study place plus lodging; returned, then amended without the lodging.
        county = P["北山县中医院"]
        over = county.clinicians[2]
        self.reserved.add(over.pk)
        plan = plan_at(wang, county, 20, Kind.TRAINING, hour=15)
        start = self.next_workday(self.today + timedelta(days=40))
        plan.clinicians = [over]
        plan.summary = (
            f"{county.short}{self.call(over, county)}确认参加我院康复医学科三个月进修，{self.fmt_date(start)}报到，"
            "对方询问进修期间能否入住我院职工公寓。"
        )
        plan.details = {
            "channel": Channel.PHONE,
            "training_format": TrainingFormat.ADVANCED_STUDY,
            "training_status": TrainingStatus.ACCEPTED,
            "training_starts_on": start,
            "next_step": "确认报到时间和报到材料",
            "follow_up_on": plan.day + timedelta(days=10),
        }
        study = TransferInput(
            nature=Nature.EDUCATION,
            description="免收康复医学科三个月进修费",
            amount=Decimal("1500"),
            recipient_clinician=over,
            form=Form.SERVICE,
            justification=data.JUSTIFY_STUDY.format(dept="康复医学科"),
        )
        lodging = TransferInput(
            nature=Nature.TRAVEL,
            description="进修期间职工公寓住宿（三个月）",
            amount=Decimal("600"),
            recipient_clinician=over,
            form=Form.SERVICE,
            justification=data.JUSTIFY_LODGING,
        )
        plan.transfers = [study, lodging]
        plan.decision, plan.comment, plan.script = "return", data.RETURN_COMMENTS["over_cap"], "over_cap"
        plan.amend = {
            "summary": plan.summary.replace(
                "对方询问进修期间能否入住我院职工公寓。", "经与对方确认，进修期间的食宿由县中医院自行安排。"
            ),
            "transfers": [study],
        }
        add(plan)

        # 3. More than three meals to one clinician in a quarter: the fourth is rejected.
        donghu = P["东湖街道社区卫生服务中心"]
        eater, colleague = donghu.clinicians[1], donghu.clinicians[3]
        self.reserved.update({eater.pk, colleague.pk})
        topics = ["双向转诊协调会", "下转康复患者随访交接会", "慢病联合门诊筹备会", "家庭医生团队转诊对接会"]
        for number, day in enumerate(self.days_in_one_quarter(4)):
            plan = Plan(liaison=zhang, partner=donghu, when=self.at(day, 11, rng.randint(0, 30)), kind=Kind.VISIT)
            guests = [eater, colleague] if number % 2 else [eater]
            plan.clinicians = guests
            plan.summary = (
                f"在{donghu.short}召开{topics[number]}，与{self.call(eater, donghu)}梳理本月转诊和随访名单，"
                "会后工作餐已申报。"
            )
            plan.details = {"channel": Channel.IN_PERSON}
            plan.transfers = [self.meal_line("转诊协调会后工作餐", Decimal(rng.choice([80, 90, 100])), guests)]
            plan.decision = "approve" if number < 3 else "reject"
            plan.comment = "" if number < 3 else data.REJECT_COMMENTS["meal_frequency"]
            plan.script = "meal_frequency"
            add(plan)

        # 4. Prohibited value, reported honestly: stored, never approved.
        hongxing = P["红星街道社区卫生服务中心"]
        plan = plan_at(liu, hongxing, 56, Kind.VISIT, hour=16)
        head = hongxing.key
        plan.clinicians = [head]
        plan.summary = (
            f"节前走访{hongxing.short}，与{self.call(head, hongxing)}沟通协议续签。我私下送了一张超市购物卡，"
            "事后意识到违反规定，现如实申报，已约对方退回。"
        )
        plan.details = {"channel": Channel.IN_PERSON}
        plan.transfers = [
            TransferInput(
                nature=Nature.CASH,
                form=Form.CASH_EQUIVALENT,
                description="超市购物卡1张（如实申报，已约退回）",
                amount=Decimal("200"),
                recipient_clinician=head,
            )
        ]
        plan.decision, plan.comment, plan.script = "reject", data.REJECT_COMMENTS["cash"], "cash"
        add(plan)

        jimin = P["石桥镇济民诊所"]
        plan = plan_at(chen, jimin, 5, Kind.VISIT, hour=15)
        head = jimin.key
        plan.clinicians = [head]
        plan.summary = (
            f"到{jimin.short}拜访{self.call(head, jimin)}，对方提出按以往惯例收取转诊介绍费。"
            "我说明了医院规定，但对方坚持，我垫付了一次，现如实申报，请合规办处理。"
        )
        plan.details = {
            "channel": Channel.IN_PERSON,
            "next_step": "配合合规办说明情况",
            "follow_up_on": plan.day + timedelta(days=7),
        }
        plan.transfers = [
            TransferInput(
                nature=Nature.REFERRAL_FEE,
                form=Form.CASH_EQUIVALENT,
                description="转诊介绍费（对方索要，如实申报）",
                amount=Decimal("150"),
                recipient_clinician=head,
            )
        ]
        plan.decision, plan.script = "pending", "referral_fee"
        add(plan)

        rehab = P["江州西岭康复医院"]
        chief = rehab.clinicians[1]
        plan = plan_at(liu, rehab, 31, Kind.VISIT, hour=10)
        plan.clinicians = [chief]
        plan.summary = (
            f"{rehab.short}{self.call(chief, rehab)}下月参加省康复医学年会，希望我院资助参会，"
            "已按个人资助申报，等合规办意见。"
        )
        plan.details = {"channel": Channel.PHONE}
        plan.transfers = [
            TransferInput(
                nature=Nature.SPONSORSHIP,
                form=Form.OTHER,
                description="省康复医学年会注册费资助",
                amount=Decimal("200"),
                recipient_clinician=chief,
            )
        ]
        plan.decision, plan.comment, plan.script = "reject", data.REJECT_COMMENTS["donation_to_person"], "donation"
        add(plan)

        # 5. Above the per-item limit with a justification (equipment for the institution).
        longquan = P["北山县龙泉镇卫生院"]
        plan = plan_at(wang, longquan, 50, Kind.VISIT, hour=14)
        plan.clinicians = [longquan.key]
        plan.summary = (
            f"到{longquan.short}调试远程心电会诊设备，给卫生院配了一套心电图机导联线和电极片，"
            f"{self.call(longquan.key, longquan)}安排内科两名医生负责上传。"
        )
        plan.details = {
            "channel": Channel.IN_PERSON,
            "next_step": "一周后看首批远程心电会诊回报情况",
            "follow_up_on": plan.day + timedelta(days=7),
        }
        plan.transfers = [
            TransferInput(
                nature=Nature.SUPPLIES,
                description="心电图机导联线及电极片（归卫生院所有）",
                amount=Decimal("680"),
                recipient_organization=longquan.org,
                justification=data.JUSTIFY_ECG,
            )
        ]
        plan.decision, plan.comment, plan.script = "approve", data.APPROVE_COMMENTS["supplies"], "item_limit"
        add(plan)

        liuhe = P["北山县柳河镇卫生院"]
        day = self.workday_near(33)
        saturday = day - timedelta(days=(day.weekday() - 5) % 7)
        plan = Plan(liaison=chen, partner=liuhe, when=self.at(saturday, 8, 40), kind=Kind.TRAINING)
        plan.clinicians = liuhe.reachable[:2]
        plan.summary = (
            f"组织心内科赵主任、内分泌科钱主任、骨科韩主任到{liuhe.short}开展义诊，接诊群众约160人次，"
            "免费测血糖72人次，发现需进一步检查的已建议转诊。义诊后给卫生院留下一台血糖仪。"
        )
        plan.details = {
            "channel": Channel.IN_PERSON,
            "training_format": TrainingFormat.EXPERT_CLINIC,
            "training_status": TrainingStatus.COMPLETED,
            "training_starts_on": saturday,
            "no_benefit_statement": data.NO_BENEFIT["clinic"],
        }
        plan.transfers = [
            TransferInput(
                nature=Nature.SUPPLIES,
                description="血糖仪1台（留卫生院公共诊室使用）",
                amount=Decimal("260"),
                recipient_organization=liuhe.org,
                justification=data.JUSTIFY_GLUCOMETER,
            )
        ]
        plan.decision, plan.comment, plan.script = "approve", data.APPROVE_COMMENTS["supplies"], "item_limit"
        add(plan)

        # 6. Patient-education material above ¥200: excluded from the caps, no justification needed.
        chaoyang = P["朝阳街道社区卫生服务中心"]
        plan = plan_at(zhang, chaoyang, 26, Kind.VISIT, hour=9)
        plan.clinicians = [chaoyang.key]
        plan.summary = (
            f"到{chaoyang.short}配合高血压日宣传，送去高血压健康教育手册300册，"
            f"{self.call(chaoyang.key, chaoyang)}安排放在慢病门诊和候诊区。"
        )
        plan.details = {"channel": Channel.IN_PERSON}
        plan.transfers = [
            TransferInput(
                nature=Nature.OTHER,
                description="高血压健康教育手册300册",
                amount=Decimal("450"),
                recipient_organization=chaoyang.org,
                patient_education=True,
            )
        ]
        plan.decision, plan.comment, plan.script = "approve", data.APPROVE_COMMENTS["patient_education"], "patient"
        add(plan)

        # 7. Notes that mention value without declaring it: returned; two are corrected.
        majia = P["石桥镇马家村卫生室"]
        plan = plan_at(wang, majia, 45, Kind.VISIT, hour=15)
        plan.clinicians = [majia.key]
        plan.summary = data.UNDECLARED_NOTES[0].format(org=majia.short, doc=self.call(majia.key, majia))
        plan.details = {"channel": Channel.IN_PERSON}
        plan.decision, plan.comment, plan.script = "return", data.RETURN_COMMENTS["undeclared_text"], "undeclared"
        plan.amend = {
            "transfers": [
                TransferInput(
                    nature=Nature.GIFT,
                    description="茶叶两盒（留卫生室）",
                    amount=Decimal("80"),
                    recipient_organization=majia.org,
                )
            ],
        }
        plan.after_amend = "approve"
        add(plan)

        xiling = P["西岭街道社区卫生服务中心"]
        plan = plan_at(liu, xiling, 34, Kind.VISIT, hour=11)
        plan.clinicians = [xiling.key]
        plan.summary = data.UNDECLARED_NOTES[1].format(org=xiling.short, doc=self.call(xiling.key, xiling))
        plan.details = {"channel": Channel.IN_PERSON}
        plan.decision, plan.comment, plan.script = "return", data.RETURN_COMMENTS["undeclared_text"], "undeclared"
        add(plan)

        cuiyuan = P["东湖街道翠苑社区卫生服务站"]
        plan = plan_at(zhang, cuiyuan, 62, Kind.VISIT, hour=16)
        plan.clinicians = [cuiyuan.key]
        plan.summary = data.UNDECLARED_NOTES[2].format(org=cuiyuan.short, doc=self.call(cuiyuan.key, cuiyuan))
        plan.details = {"channel": Channel.IN_PERSON}
        plan.decision, plan.comment, plan.script = "return", data.RETURN_COMMENTS["undeclared_text"], "undeclared"
        plan.amend = {
            "transfers": [
                TransferInput(
                    nature=Nature.GIFT,
                    description="月饼两盒（给值班医生）",
                    amount=Decimal("96"),
                    recipient_organization=cuiyuan.org,
                )
            ],
        }
        add(plan)

        # A gift worded as no term list words it: the learned reader flags it; it waits in the queue.
        plan = plan_at(zhang, chaoyang, 3, Kind.VISIT, hour=14)
        plan.clinicians = [chaoyang.key]
        plan.summary = data.READER_NOTE.format(org=chaoyang.short, doc=self.call(chaoyang.key, chaoyang))
        plan.details = {"channel": Channel.IN_PERSON}
        plan.decision, plan.script = "pending", "reader"
        add(plan)

        # Notes the lists flag although nothing was given: approved as false alarms.
        for note, (liaison, partner, days_ago) in zip(
            data.FALSE_ALARM_NOTES,
            [
                (chen, P["北山县梅岭镇卫生院"], 12),
                (wang, P["北山县白沙镇卫生院"], 26),
            ],
            strict=True,
        ):
            plan = plan_at(liaison, partner, days_ago, Kind.VISIT, hour=15)
            plan.clinicians = [partner.key]
            plan.summary = note.format(org=partner.short, doc=self.call(partner.key, partner))
            plan.details = {"channel": Channel.IN_PERSON}
            plan.lookalike, plan.script = True, "false_alarm"  # approved as a false alarm (decision_for)
            add(plan)

        # 8. Look-alike words (送检, 请示, 卡介苗, 返院复查) that must stay clear.
        def lookalike(liaison, partner, days_ago, needle):
            plan = plan_at(liaison, partner, days_ago, Kind.VISIT, hour=9)
            template = next(t for t in data.VISIT_NOTES + [(*t, None) for t in data.PROSPECT_NOTES] if needle in t[0])
            self.fill_visit(plan, template=template, allow_value=False)
            plan.script = "lookalike"
            return add(plan)

        lookalike(liu, P["红星街道纺织新村社区卫生服务站"], 23, "送检")
        lookalike(chen, P["北山县梅岭镇卫生院"], 38, "请示")
        lookalike(zhang, P["江州市妇幼保健院"], 17, "卡介苗")
        lookalike(wang, P["北山县白沙镇卫生院"], 29, "返院复查")
        closed = P["西岭街道老街社区卫生服务站"]
        plan = plan_at(liu, closed, 84, Kind.VISIT, hour=10)
        plan.clinicians = closed.reachable[:1]
        plan.summary = data.CLOSED_NOTES[0].format(org=closed.short)
        plan.details = {"channel": Channel.IN_PERSON}
        add(plan)

    def days_in_one_quarter(self, n: int) -> list[date]:
        """``n`` working days spread over one calendar quarter inside the window."""
        anchor = self.today - timedelta(days=30)
        quarter = self.quarter(anchor)
        days = [d for d in self.workdays if self.quarter(d) == quarter]
        step = max(1, len(days) // n)
        return [days[min(len(days) - 1, step // 2 + i * step)] for i in range(n)]

    # ---- writing through the services ----------------------------------------------------------------

    def create_interactions(self) -> None:
        self.plans.sort(key=lambda p: (p.when, p.liaison.pk))
        for plan in self.plans:
            try:
                plan.interaction = interaction_create(
                    author=plan.liaison,
                    kind=plan.kind,
                    organization=plan.partner.org,
                    occurred_at=plan.when,
                    summary=plan.summary,
                    clinicians=plan.clinicians,
                    transfers=plan.transfers,
                    **plan.details,
                )
            except ValidationError as error:
                message = f"{plan.partner.org.name} {plan.when:%Y-%m-%d %H:%M} {plan.kind}: {error.messages}"
                self.skipped.append(message)
                self.say(_("Skipped an interaction the service refused: %(message)s") % {"message": message})
        self.plans = [p for p in self.plans if p.interaction is not None]

    def decide_reviews(self) -> None:
        reviewer = self.users["compliance.sun"]
        pending = [p for p in self.plans if p.interaction.review_status == ReviewStatus.PENDING]
        findings = defaultdict(list)
        for finding in Finding.objects.filter(interaction__in=[p.interaction for p in pending]):
            findings[finding.interaction_id].append(finding)
        # The queue keeps the most recent unscripted ones, plus the scripted "pending" stories.
        unscripted = sorted((p for p in pending if not p.script), key=lambda p: p.when, reverse=True)
        keep_scripted = sum(1 for p in pending if p.decision == "pending" or (p.amend and p.after_amend == "pending"))
        keep = {id(p) for p in unscripted[: max(0, TARGET_PENDING - keep_scripted)]}
        meal_returns = 0
        for plan in sorted(pending, key=lambda p: p.when):
            if id(plan) in keep or plan.decision == "pending":
                continue
            found = findings[plan.interaction.pk]
            decision, comment = self.decision_for(plan, found)
            if not plan.script and decision == "approve" and meal_returns < 1 and self.is_shared_meal(plan):
                decision, comment = "return", data.RETURN_COMMENTS["receipt"]
                meal_returns += 1
            self.decide(plan, reviewer, decision, comment)
            if decision == "return" and plan.amend:
                plan.interaction = interaction_amend(interaction=plan.interaction, author=plan.liaison, **plan.amend)
                if plan.after_amend == "approve":
                    self.decide(plan, reviewer, "approve", data.APPROVE_COMMENTS["amended"])

    @staticmethod
    def is_shared_meal(plan: Plan) -> bool:
        return any(line.nature == Nature.FOOD and len(line.attendees) > 1 for line in plan.transfers)

    def decision_for(self, plan: Plan, found: list[Finding]) -> tuple[str, str]:
        rules = {f.rule for f in found}
        if any(f.severity == Severity.PROHIBITED for f in found):
            return "reject", plan.comment or self.reject_comment(plan)
        if plan.decision in ("approve", "reject", "return"):
            return plan.decision, plan.comment or self.approve_comment(plan)
        if "undeclared_text" in rules:
            if plan.lookalike:
                return "approve", data.FALSE_ALARM_COMMENT
            return "return", data.RETURN_COMMENTS["undeclared_text"]
        if "annual_cap" in rules and any(f.evidence.get("level") == "over_cap" for f in found):
            return "reject", data.REJECT_COMMENTS["over_cap"]
        if "meal_frequency" in rules:
            return "reject", data.REJECT_COMMENTS["meal_frequency"]
        if "annual_cap" in rules:
            return "approve", data.APPROVE_COMMENTS["near_cap"]
        return "approve", self.approve_comment(plan)

    def approve_comment(self, plan: Plan) -> str:
        if not plan.transfers or self.rng.random() < 0.35:
            return ""
        line = plan.transfers[0]
        if line.patient_education:
            return data.APPROVE_COMMENTS["patient_education"]
        return data.APPROVE_COMMENTS.get(line.nature, "")

    @staticmethod
    def reject_comment(plan: Plan) -> str:
        natures = {line.nature for line in plan.transfers}
        if Nature.REFERRAL_FEE in natures:
            return data.REJECT_COMMENTS["referral_fee"]
        if Nature.SPONSORSHIP in natures:
            return data.REJECT_COMMENTS["donation_to_person"]
        return data.REJECT_COMMENTS["cash"]

    def decide(self, plan: Plan, reviewer: User, decision: str, comment: str) -> None:
        interaction = plan.interaction
        # The reviewer's verdict on flagged notes: look-alike wordings were false alarms, the rest real.
        verdict = ""
        if needs_screening_verdict(interaction):
            verdict = ScreeningVerdict.FALSE_ALARM if plan.lookalike else ScreeningVerdict.CONFIRMED
        try:
            review_decide(
                interaction=interaction,
                reviewer=reviewer,
                decision=decision,
                comment=comment,
                screening_verdict=verdict,
            )
        except ValidationError as error:
            # Expected only for an approval refused because of a prohibited finding: reject instead.
            if getattr(error, "code", "") != "prohibited":
                raise
            review_decide(
                interaction=interaction,
                reviewer=reviewer,
                decision="reject",
                comment=self.reject_comment_for(interaction),
                screening_verdict=verdict,
            )

    @staticmethod
    def reject_comment_for(interaction: Interaction) -> str:
        natures = set(interaction.transfers.values_list("nature", flat=True))
        if Nature.REFERRAL_FEE in natures:
            return data.REJECT_COMMENTS["referral_fee"]
        return data.REJECT_COMMENTS["cash"]

    # ---- history touches ---------------------------------------------------------------------------------

    def backdate(self) -> None:
        """Make logged-at times read like history (see the module docstring)."""
        for plan in self.plans:
            interaction = plan.interaction
            logged = min(plan.when + timedelta(minutes=self.rng.randint(20, 300)), self.cutoff - timedelta(minutes=5))
            fields = {"created_at": logged}
            if interaction.version == 1 and not interaction.decisions.exists():
                fields["updated_at"] = logged
            Interaction.objects.filter(pk=interaction.pk).update(**fields)
            Finding.objects.filter(interaction=interaction, interaction_version=1).update(created_at=logged)

    def close_follow_ups(self) -> None:
        rng = self.rng
        when = {p.interaction.pk: p.when for p in self.plans}
        done = []
        for follow_up in FollowUp.objects.filter(liaison__in=self.users.values(), due_on__lt=self.today):
            age = (self.today - follow_up.due_on).days
            if rng.random() > (0.88 if age > 14 else 0.6):
                continue
            day = follow_up.due_on - timedelta(days=rng.choice([0, 0, 1, 2]))
            if rng.random() < 0.15:
                day = follow_up.due_on + timedelta(days=rng.randint(1, 3))  # done, a little late
            while day.weekday() >= 5:
                day -= timedelta(days=1)
            done_at = self.at(day, rng.randint(9, 17), rng.randint(0, 59))
            done_at = max(done_at, when.get(follow_up.interaction_id, done_at) + timedelta(hours=2))
            if done_at >= self.cutoff:
                continue
            follow_up.done_at = done_at
            follow_up.outcome = rng.choice(data.FOLLOW_UP_OUTCOMES)
            done.append(follow_up)
        FollowUp.objects.bulk_update(done, ["done_at", "outcome"])

    # ---- summaries -----------------------------------------------------------------------------------------

    def create_summaries(self) -> None:
        rng = self.rng
        rows: list[Summary] = []
        by_liaison = defaultdict(list)
        for plan in self.plans:
            by_liaison[plan.liaison.pk].append(plan)
        monday = self.today - timedelta(days=self.today.weekday())
        month_start = self.today.replace(day=1)
        for liaison in (u for u in self.users.values() if u.role == Role.LIAISON):
            plans = by_liaison[liaison.pk]
            # Daily: the last ten working days; one missed.
            days = [d for d in self.workdays if d < self.today][-10:]
            missed = rng.choice(days[:-1])
            for day in days:
                todays = [p for p in plans if p.day == day]
                due = self.at(day, 17)
                submitted = None if day == missed else self.submitted(due, late_chance=0.15)
                body, plan_text = self.daily_text(todays, plans, day) if submitted else ("", "")
                rows.append(
                    Summary(
                        liaison=liaison,
                        period=Period.DAILY,
                        period_start=day,
                        body=body,
                        plan=plan_text,
                        due_at=due,
                        submitted_at=submitted,
                    )
                )
            # Weekly: six complete weeks, and the current one not yet submitted.
            for weeks_back in range(6, -1, -1):
                start = monday - timedelta(weeks=weeks_back)
                end = start + timedelta(days=7)
                due = self.at(start + timedelta(days=6), 17)
                week = [p for p in plans if start <= p.day < end]
                current = weeks_back == 0
                body, plan_text = self.period_text(week, plans, "本周", end)
                rows.append(
                    Summary(
                        liaison=liaison,
                        period=Period.WEEKLY,
                        period_start=start,
                        body=body if week or not current else "",
                        plan="" if current else plan_text,
                        due_at=due,
                        submitted_at=None if current else self.submitted(due, 0.2, on_workday=True),
                    )
                )
            # Monthly: the last two months, and the current one not yet submitted.
            for months_back in (2, 1, 0):
                start = self.add_months(month_start, -months_back)
                end = self.add_months(start, 1)
                due = self.at(end - timedelta(days=1), 17)
                month = [p for p in plans if start <= p.day < end]
                current = months_back == 0
                body, plan_text = self.period_text(month, plans, "本月", end, monthly=True)
                rows.append(
                    Summary(
                        liaison=liaison,
                        period=Period.MONTHLY,
                        period_start=start,
                        body=body if month or not current else "",
                        plan="" if current else plan_text,
                        due_at=due,
                        submitted_at=None if current else self.submitted(due, 0.25, on_workday=True),
                    )
                )
        Summary.objects.bulk_create(rows)

    @staticmethod
    def add_months(day: date, months: int) -> date:
        month = day.month - 1 + months
        return date(day.year + month // 12, month % 12 + 1, 1)

    def submitted(self, due: datetime, late_chance: float, on_workday: bool = False) -> datetime | None:
        """When a summary was handed in: mostly before the deadline, sometimes late (the next morning).

        With ``on_workday`` an on-time submission is made on the last working day before the
        deadline (weekly reports are written on Friday afternoon, not on Sunday).
        """
        rng = self.rng
        if rng.random() < late_chance:
            late_day = self.next_workday(timezone.localdate(due, self.tz) + timedelta(days=1))
            at = self.at(late_day, 8, 30 + rng.randint(0, 150))
        else:
            day = timezone.localdate(due, self.tz)
            if on_workday:
                while day.weekday() >= 5 or (day.month, day.day) in HOLIDAYS:
                    day -= timedelta(days=1)
            at = self.at(day, 17) - timedelta(minutes=rng.randint(5, 150))
        return at if at < self.cutoff else None

    @staticmethod
    def counts(plans: list[Plan]) -> Counter:
        return Counter(p.kind for p in plans)

    def daily_text(self, todays: list[Plan], plans: list[Plan], day: date) -> tuple[str, str]:
        rng = self.rng
        if not todays:
            body = "今天在院内整理转诊登记和随访表，参加科室例会，未外出走访。"
        else:
            count = self.counts(todays)
            orgs = "、".join(dict.fromkeys(p.partner.short for p in todays))
            parts = [
                f"{label}{count[k]}次"
                for k, label in ((Kind.VISIT, "拜访"), (Kind.TRAINING, "培训沟通"), (Kind.CASE, "病例沟通"))
                if count[k]
            ]
            first = todays[0].summary.split("。")[0]
            body = f"今天共记录{len(todays)}条：{'、'.join(parts)}，涉及{orgs}。{first}。"
        upcoming = [p for p in plans if p.details.get("follow_up_on") and p.details["follow_up_on"] > day]
        upcoming.sort(key=lambda p: p.details["follow_up_on"])
        if upcoming:
            target = upcoming[0]
            task = target.details["next_step"].rstrip("。")
            plan_text = rng.choice(data.DAILY_PLAN).format(org=target.partner.short, task=task)
        else:
            plan_text = "明天上午整理转诊登记，下午电话回访本周下转的患者。"
        return body, plan_text

    def period_text(
        self, period: list[Plan], plans: list[Plan], label: str, end: date, monthly: bool = False
    ) -> tuple[str, str]:
        rng = self.rng
        if not period:
            return f"{label}暂无外出记录。", ""
        count = self.counts(period)
        orgs = dict.fromkeys(p.partner.short for p in period)
        cases = [p for p in period if p.kind == Kind.CASE and p.details.get("feedback_due_at")]
        late = sum(
            1
            for p in cases
            if p.details.get("feedback_given_at") is None
            or p.details["feedback_given_at"] > p.details["feedback_due_at"]
        )
        valued = sum(1 for p in period if p.transfers)
        kinds = "、".join(
            f"{word}{count[kind]}次"
            for kind, word in ((Kind.VISIT, "拜访"), (Kind.TRAINING, "培训"), (Kind.CASE, "病例沟通"))
            if count[kind]
        )
        body = f"{label}共记录互动{len(period)}次（{kinds}），覆盖机构{len(orgs)}家。"
        if cases:
            body += f"病例沟通{len(cases)}例，" + (
                f"其中{late}例未在24小时内反馈。" if late else "均在24小时内完成反馈。"
            )
        body += f"申报价值转移{valued}笔，均已提交合规审核。" if valued else f"{label}无价值转移申报。"
        if monthly:
            tier_a = sum(1 for p in {p.partner.org.pk: p for p in period}.values() if p.partner.spec["tier"] == "A")
            body += f"走访A类机构{tier_a}家。"
        body += "存在问题：" + rng.choice(data.WEEKLY_ISSUES)
        coming = [
            p
            for p in plans
            if p.details.get("follow_up_on") and end <= p.details["follow_up_on"] < end + timedelta(days=14)
        ]
        tasks = "；".join(
            f"{p.partner.short}：{p.details['next_step'].rstrip('。').replace(p.partner.short, '对方')}"
            for p in coming[:3]
        )
        if monthly:
            expiring = [
                p.short
                for p in self.partners.values()
                if p.org.agreement_expires_on
                and 0 <= (p.org.agreement_expires_on - end).days <= 60
                and p.spec["territory"] == period[0].partner.spec["territory"]
            ]
            focus = rng.choice(data.MONTHLY_FOCUS).format(orgs="、".join(expiring) or "各机构")
            plan_text = f"下月重点：{focus}" + (f"待办：{tasks}。" if tasks else "")
        else:
            plan_text = f"下周重点：{tasks}。" if tasks else "下周按片区计划走访A、B类机构，跟进未完成的随访。"
        return body, plan_text


# ------------------------------------------------------------------------------------------------
# Describing a result (used by ``crm quickstart`` and ``crm load_demo``)
# ------------------------------------------------------------------------------------------------


def summary_lines(result: DemoResult) -> list[str]:
    """A few lines saying what the demo holds, in the active language."""
    kinds = result.interactions_by_kind
    return [
        _(
            "%(territories)s territories, %(organizations)s partner organizations (%(kinds)s kinds), "
            "%(clinicians)s clinicians."
        )
        % {
            "territories": result.territories,
            "organizations": result.organizations,
            "kinds": len(result.organizations_by_kind),
            "clinicians": result.clinicians,
        },
        _(
            "%(interactions)s interactions in the last %(days)s days: %(visits)s visits, "
            "%(training)s training offers, %(cases)s case discussions."
        )
        % {
            "interactions": result.interactions,
            "days": WINDOW_DAYS,
            "visits": kinds.get(Kind.VISIT, 0),
            "training": kinds.get(Kind.TRAINING, 0),
            "cases": kinds.get(Kind.CASE, 0),
        },
        _(
            "%(transfers)s transfer-of-value lines on %(valued)s interactions; review queue: %(pending)s pending, "
            "%(prohibited)s interactions with prohibited items (never approved)."
        )
        % {
            "transfers": result.transfers,
            "valued": result.interactions_with_transfers,
            "pending": result.pending,
            "prohibited": result.prohibited,
        },
        _("Follow-ups: %(open)s open, %(overdue)s overdue, %(done)s done. Summaries: %(summaries)s.")
        % {
            "open": result.follow_ups_open,
            "overdue": result.follow_ups_overdue,
            "done": result.follow_ups_done,
            "summaries": result.summaries,
        },
    ]


def login_lines(result: DemoResult) -> list[str]:
    """The demo accounts as an aligned table (the password is demo-only and the same for all)."""
    rows = [(_("Username"), _("Password"), _("Role"), _("Name"))]
    rows += [(login.username, login.password, str(Role(login.role).label), login.full_name) for login in result.logins]
    widths = [max(_display_width(row[i]) for row in rows) for i in range(3)]

    def pad(cell: str, width: int) -> str:
        return cell + " " * (width - _display_width(cell))

    return ["  " + "  ".join([*(pad(row[i], widths[i]) for i in range(3)), row[3]]) for row in rows]


def _display_width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
