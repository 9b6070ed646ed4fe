"""
Build docs/reference/settings.md from the settings' annotations.

    python conf/settings_reference.py           # rewrite the reference
    python conf/settings_reference.py --check   # exit 1 if it is out of date (make quality)

The annotations (``vetnet_plugin/settings/common.py``, the platform's setting
annotation format) are read with code-annotations' static search, configured
by ``.setting_annotations.yml``, which also lints them.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from code_annotations.base import AnnotationConfig
from code_annotations.find_static import StaticSearch

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".setting_annotations.yml"
REFERENCE = ROOT / "docs" / "reference" / "settings.md"

HEADER = """# Settings reference

Every VETNet setting, its default and what it does. Set them in the LMS and
Studio settings (with Tutor, through the plugin's config keys or an
`openedx-common-settings` patch; without Tutor, in the YAML configuration read
as `ENV_TOKENS`, or a settings module).

This page is generated from the annotations in `vetnet_plugin/settings/common.py`
by `make settings-reference`; `make quality` fails when it is out of date.
"""


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def read_settings() -> list[dict]:
    """The annotated settings, in file order: dicts with name, default, description and warning."""
    config = AnnotationConfig(str(CONFIG), None, 0, str(ROOT / "vetnet_plugin" / "settings"))
    searcher = StaticSearch(config)
    results = searcher.search()
    searcher.check_results(results)
    if searcher.errors:
        raise SystemExit("Setting annotations are incomplete:\n" + "\n".join(searcher.errors))
    groups: dict[tuple[str, int], dict] = {}
    for filename, found in results.items():
        for annotation in found:
            group = groups.setdefault((filename, annotation["line_number"]), {"warning": ""})
            field = annotation["annotation_token"].strip(". :").replace("setting_", "")
            group[field] = _clean(str(annotation["annotation_data"]))
    return [groups[key] for key in sorted(groups)]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def build() -> str:
    """The reference page's Markdown."""
    lines = [HEADER, "| Setting | Default | Description |", "|---|---|---|"]
    for entry in read_settings():
        description = entry["description"]
        if entry["warning"]:
            description += f" **Warning:** {entry['warning']}"
        lines.append(f"| `{entry['name']}` | `{_cell(entry['default'])}` | {_cell(description)} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = build()
    if "--check" in argv:
        if not REFERENCE.exists() or REFERENCE.read_text(encoding="utf-8") != text:
            sys.stderr.write(f"{REFERENCE.relative_to(ROOT)} is out of date: run make settings-reference\n")
            return 1
        return 0
    REFERENCE.parent.mkdir(parents=True, exist_ok=True)
    REFERENCE.write_text(text, encoding="utf-8")
    sys.stdout.write(f"Wrote {REFERENCE.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
