"""bench/RESULTS.md: each bench script owns one section between its own markers and rewrites only that."""
import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_section(begin: str, end: str, body: str) -> None:
    """Put ``body`` between the ``begin`` and ``end`` markers, replacing what stood there (or append it)."""
    section = f"{begin}\n{body}{end}\n"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end) + r"\n?", re.DOTALL)
    text = pattern.sub(lambda _match: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")
