"""
The blocks have one door to the plugin: only ``vetnet_xblocks.backend`` imports ``vetnet_plugin.api``.

Checked twice: by reading every block module's imports, and by import-linter's
own contract in ``.importlinter`` (what ``make quality`` runs), which must also
catch a block module that reaches for the API itself.
"""
import ast
import configparser
from pathlib import Path

import grimp
import pytest
from importlinter import configuration
from importlinter.contracts.forbidden import ForbiddenContract

import vetnet_xblocks

ROOT = Path(vetnet_xblocks.__file__).parent
CONTRACT = "importlinter:contract:xblocks_use_the_public_api"
BLOCK_SURFACE = {"vetnet_plugin.data", "vetnet_plugin.exceptions"}


@pytest.fixture(autouse=True, scope="module")
def _import_linter_settings():
    # What the lint-imports command sets up before checking contracts.
    configuration.configure()


def _module_name(path: Path) -> str:
    parts = ("vetnet_xblocks",) + path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _plugin_imports(path: Path):
    """The ``vetnet_plugin`` modules a file imports, as dotted names."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.startswith("vetnet_plugin"))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("vetnet_plugin"):
            if node.module == "vetnet_plugin":
                yield from (f"vetnet_plugin.{alias.name}" for alias in node.names)
            else:
                yield node.module


def test_only_the_backend_imports_the_public_api_and_blocks_see_only_data_and_exceptions():
    through_the_door, elsewhere = set(), {}
    for path in sorted(ROOT.rglob("*.py")):
        module = _module_name(path)
        for imported in _plugin_imports(path):
            if module.startswith("vetnet_xblocks.backend") and imported == "vetnet_plugin.api":
                through_the_door.add(module)
            elif imported not in BLOCK_SURFACE:
                elsewhere.setdefault(module, []).append(imported)
    assert elsewhere == {}
    assert {"vetnet_xblocks.backend.members", "vetnet_xblocks.backend.scenarios",
            "vetnet_xblocks.backend.toolbox"} <= through_the_door


def _contract() -> ForbiddenContract:
    config = configparser.ConfigParser()
    config.read(ROOT.parent / ".importlinter")
    section = config[CONTRACT]
    options = {key: [line.strip() for line in value.splitlines() if line.strip()] if "\n" in value else value
               for key, value in section.items() if key not in ("name", "type")}
    for key in ("source_modules", "forbidden_modules", "ignore_imports"):
        if isinstance(options.get(key), str):
            options[key] = [options[key]]
    return ForbiddenContract(name=section["name"], session_options={"root_packages": ["vetnet_xblocks", "vetnet_plugin"]},
                             contract_options=options)


def _graph():
    return grimp.build_graph("vetnet_xblocks", "vetnet_plugin", include_external_packages=True, cache_dir=None)


def test_the_import_linter_contract_holds_for_the_blocks_as_they_are():
    assert _contract().check(_graph(), verbose=False).kept


def test_the_contract_refuses_a_block_module_that_imports_the_api_itself():
    graph = _graph()
    graph.add_import(importer="vetnet_xblocks.toolbox.vocabulary", imported="vetnet_plugin.api",
                     line_number=1, line_contents="from vetnet_plugin import api")

    assert not _contract().check(graph, verbose=False).kept
