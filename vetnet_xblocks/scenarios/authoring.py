"""
How trainers write a scenario forum: plain-text formats in the Studio editor
and readable elements in OLX, both turned into the block's list fields.

Drivers, one per line::

    Skills shortages in SMEs: craft firms cannot find skilled staff

Seed scenarios, each starting with a ``## Title`` line, optional ``id:``,
``language:``, ``drivers:`` and ``policy choices:`` lines, then the narrative::

    ## Labour-market-driven VET
    id: labour-market
    drivers: Skills shortages in SMEs; Digital transition
    policy choices: Regional skills councils

    By 2035 regional skills councils...

The ``id`` keeps a seed's ratings and discussion when its title changes; the
editor fills it in for every seed it has seen.
"""
from __future__ import annotations

import re
import unicodedata

from lxml import etree

from vetnet_plugin.exceptions import InvalidInput

MAX_DRIVERS = 30
MAX_SEEDS = 30
_META = re.compile(r"^(id|language|drivers|policy choices)\s*:\s*(.*)$", re.IGNORECASE)


def slug(text: str) -> str:
    """A stable ASCII id made from a title."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return value[:60] or "scenario"


def format_drivers(drivers) -> str:
    return "\n".join(f"{d['name']}: {d['description']}" if d.get("description") else d["name"] for d in drivers)


def format_lines(values) -> str:
    return "\n".join(values)


def format_seeds(seeds) -> str:
    blocks = []
    for seed in seeds:
        lines = [f"## {seed['title']}", f"id: {seed['key']}"]
        if seed.get("language"):
            lines.append(f"language: {seed['language']}")
        if seed.get("drivers"):
            lines.append("drivers: " + "; ".join(seed["drivers"]))
        if seed.get("policy_choices"):
            lines.append("policy choices: " + "; ".join(seed["policy_choices"]))
        blocks.append("\n".join(lines) + "\n\n" + seed.get("narrative", "").strip())
    return "\n\n".join(blocks)


def parse_drivers(text: str, gettext) -> list[dict]:
    _ = gettext
    drivers, seen = [], set()
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        name, _sep, description = line.partition(":")
        name = name.strip()[:200]
        if name.lower() in seen:
            raise InvalidInput(_("Some fields need your attention."),
                               errors={"drivers_text": [_("“{name}” is listed twice.").format(name=name)]})
        seen.add(name.lower())
        drivers.append({"name": name, "description": description.strip()[:2000]})
    if len(drivers) > MAX_DRIVERS:
        raise InvalidInput(_("Some fields need your attention."),
                           errors={"drivers_text": [_("At most {count} drivers.").format(count=MAX_DRIVERS)]})
    return drivers


def parse_lines(text: str) -> list[str]:
    values = []
    for line in (text or "").splitlines():
        value = line.strip()[:200]
        if value and value not in values:
            values.append(value)
    return values


def _split_names(value: str) -> list[str]:
    return [name.strip() for name in value.split(";") if name.strip()]


def parse_seeds(text: str, *, drivers: list[dict], policy_choices: list[str], languages, gettext) -> list[dict]:
    """Read the seed-scenario text; raise ``InvalidInput`` naming what is wrong, seed by seed."""
    _ = gettext
    problems: list[str] = []
    seeds: list[dict] = []
    driver_names = {d["name"] for d in drivers}
    sections = re.split(r"^##(?!#)\s*", "\n" + (text or ""), flags=re.MULTILINE)
    if sections and sections[0].strip():
        problems.append(_("Start each seed scenario with a line “## Title”."))
    for section in sections[1:]:
        lines = section.splitlines()
        title = lines[0].strip()[:200]
        seed = {"key": "", "title": title, "narrative": "", "language": "", "drivers": [], "policy_choices": []}
        body_start = 1
        for index, line in enumerate(lines[1:], start=1):
            match = _META.match(line.strip())
            if not match:
                if line.strip():
                    break
                continue
            body_start = index + 1
            name, value = match.group(1).lower(), match.group(2).strip()
            if name == "id":
                seed["key"] = slug(value)
            elif name == "language":
                seed["language"] = value.lower()
            elif name == "drivers":
                seed["drivers"] = _split_names(value)
            else:
                seed["policy_choices"] = _split_names(value)
        seed["narrative"] = "\n".join(lines[body_start:]).strip()
        seed["key"] = seed["key"] or slug(title)
        if not title:
            problems.append(_("A seed scenario has no title."))
            continue
        if not seed["narrative"]:
            problems.append(_("“{title}” needs a narrative.").format(title=title))
        if seed["language"] and seed["language"] not in languages:
            problems.append(_("“{title}”: unknown language “{code}”.").format(title=title, code=seed["language"]))
        for unknown in [d for d in seed["drivers"] if d not in driver_names]:
            problems.append(_("“{title}”: “{name}” is not one of the drivers of change.").format(
                title=title, name=unknown))
        for unknown in [c for c in seed["policy_choices"] if c not in policy_choices]:
            problems.append(_("“{title}”: “{name}” is not one of the policy choices.").format(
                title=title, name=unknown))
        if any(other["key"] == seed["key"] for other in seeds):
            problems.append(_("Two seed scenarios have the id “{key}”.").format(key=seed["key"]))
        seeds.append(seed)
    if len(seeds) > MAX_SEEDS:
        problems.append(_("At most {count} seed scenarios.").format(count=MAX_SEEDS))
    if problems:
        raise InvalidInput(_("Some fields need your attention."), errors={"seeds_text": problems})
    return seeds


# -- OLX ------------------------------------------------------------------------

STRUCTURED_TAGS = ("strategic_question", "driver", "policy_choice", "scenario")


def read_olx_children(node) -> dict:
    """The structured fields from a ``<vetnet_scenarios>`` node's children (and remove those children)."""
    found = {"drivers": [], "policy_choices": [], "seed_scenarios": []}
    for child in list(node):
        if not isinstance(child.tag, str) or child.tag not in STRUCTURED_TAGS:
            continue
        if child.tag == "strategic_question":
            found["strategic_question"] = (child.text or "").strip()
        elif child.tag == "driver":
            found["drivers"].append({"name": child.get("name", "").strip(), "description": (child.text or "").strip()})
        elif child.tag == "policy_choice":
            found["policy_choices"].append((child.text or "").strip())
        else:
            title = child.findtext("title", "").strip()
            found["seed_scenarios"].append({
                "key": slug(child.get("id") or title),
                "title": title,
                "language": child.get("language", ""),
                "narrative": (child.findtext("narrative") or "").strip(),
                "drivers": [(e.text or "").strip() for e in child.findall("assumes")],
                "policy_choices": [(e.text or "").strip() for e in child.findall("chooses")],
            })
        node.remove(child)
    return found


def write_olx_children(node, block) -> None:
    """Write the block's structured fields as readable child elements."""
    if block.strategic_question:
        etree.SubElement(node, "strategic_question").text = block.strategic_question
    for driver in block.drivers:
        etree.SubElement(node, "driver", name=driver["name"]).text = driver.get("description", "")
    for choice in block.policy_choices:
        etree.SubElement(node, "policy_choice").text = choice
    for seed in block.seed_scenarios:
        attributes = {"id": seed["key"]}
        if seed.get("language"):
            attributes["language"] = seed["language"]
        element = etree.SubElement(node, "scenario", **attributes)
        etree.SubElement(element, "title").text = seed["title"]
        etree.SubElement(element, "narrative").text = seed.get("narrative", "")
        for name in seed.get("drivers", []):
            etree.SubElement(element, "assumes").text = name
        for name in seed.get("policy_choices", []):
            etree.SubElement(element, "chooses").text = name
