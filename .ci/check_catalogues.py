"""Fail when a user-facing string is missing from the Chinese or English catalogue.

Runs makemessages into a scratch copy of the locale folder and compares msgids with the
committed catalogues; then checks that every zh-hans entry is translated and not fuzzy and that
the committed .mo files are up to date with their .po files.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "crm" / "locale"


def entries(po: Path) -> dict[str, tuple[str, bool]]:
    """msgid -> (msgstr, fuzzy), parsed with msgcat's help to normalise wrapping."""
    text = subprocess.run(
        ["msgcat", "--no-wrap", "--sort-output", str(po)], check=True, capture_output=True, text=True
    ).stdout
    result: dict[str, tuple[str, bool]] = {}
    for block in text.split("\n\n"):
        lines = block.strip().splitlines()
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        msgctxt = next((line[8:] for line in lines if line.startswith("msgctxt ")), "")
        msgid = next((line[6:] for line in lines if line.startswith("msgid ")), None)
        strs = [line.split(" ", 1)[1] for line in lines if line.startswith("msgstr")]
        if msgid is None or msgid == '""':
            continue
        result[msgctxt + msgid] = (" ".join(strs), fuzzy)
    return result


def main() -> int:
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "crm"
        shutil.copytree(ROOT / "crm", scratch, ignore=shutil.ignore_patterns("__pycache__"))
        subprocess.run(
            [
                sys.executable,
                "-m",
                "django",
                "makemessages",
                "-l",
                "zh_Hans",
                "-l",
                "en",
                "--no-obsolete",
                "--ignore",
                "migrations/*",
            ],
            cwd=scratch,
            check=True,
            capture_output=True,
            env={**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "crm.settings", "PYTHONPATH": tmp},
        )
        for lang in ("zh_Hans", "en"):
            fresh = entries(scratch / "locale" / lang / "LC_MESSAGES" / "django.po")
            committed_po = LOCALE / lang / "LC_MESSAGES" / "django.po"
            committed = entries(committed_po) if committed_po.exists() else {}
            missing = sorted(set(fresh) - set(committed))
            if missing:
                problems.append(f"{lang}: {len(missing)} strings not in the committed catalogue, e.g. {missing[:5]}")
            if lang == "zh_Hans":
                untranslated = [k for k, (s, fuzzy) in committed.items() if s in ('""', "") or fuzzy]
                if untranslated:
                    problems.append(f"{lang}: {len(untranslated)} untranslated or fuzzy, e.g. {untranslated[:5]}")
            mo = committed_po.with_suffix(".mo")
            compiled = Path(tmp) / f"{lang}.mo"
            subprocess.run(["msgfmt", "-o", str(compiled), str(committed_po)], check=True)
            if not mo.exists() or compiled.read_bytes() != mo.read_bytes():
                problems.append(f"{lang}: django.mo is stale; run `crm compilemessages`")
    for problem in problems:
        print(problem)
    print("catalogues complete" if not problems else "catalogues incomplete")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
