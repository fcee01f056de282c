"""``crm quickstart`` and ``crm load_demo`` as a new user runs them."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from crm.demo import data
from crm.demo.loader import DemoResult, demo_logins
from crm.demo.management.commands import quickstart
from crm.interactions.models import Interaction

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    with translation.override("en"):
        call_command(*args, stdout=out)
    return out.getvalue()


def test_quickstart_without_serving_migrates_loads_and_prints_the_logins():
    output = run("quickstart", "--no-serve")
    for spec in data.STAFF:
        assert spec["username"] in output
        assert spec["full_name"] in output
    assert data.DEMO_PASSWORD in output
    loaded = Interaction.objects.count()
    assert loaded >= 250

    again = run("load_demo")  # idempotent: the second load creates nothing and says so
    assert "nothing was created" in again
    assert data.DEMO_PASSWORD in again
    assert Interaction.objects.count() == loaded


def test_quickstart_serves_on_localhost_without_the_reloader(monkeypatch):
    calls = []
    monkeypatch.setattr(quickstart, "call_command", lambda *args, **kwargs: calls.append((args, kwargs)))
    monkeypatch.setattr(
        quickstart,
        "load_demo_data",
        lambda **kwargs: DemoResult(created=False, today=timezone.localdate(), logins=demo_logins()),
    )
    output = run("quickstart")
    assert [args[0] for args, _kwargs in calls] == ["migrate", "runserver"]
    assert calls[1] == (("runserver", "127.0.0.1:8000"), {"use_reloader": False})
    assert "http://127.0.0.1:8000/" in output

    calls.clear()
    run("quickstart", "--addrport", "127.0.0.1:8123")
    assert calls[1][0] == ("runserver", "127.0.0.1:8123")


def test_load_demo_refuses_a_malformed_date():
    with pytest.raises(CommandError):
        run("load_demo", "--today", "31/03/2026")
