"""The settings reference is generated from annotations that match the real defaults."""
import settings_reference

from vetnet_plugin.settings.common import DEFAULTS


def test_every_setting_is_annotated_once_with_its_real_default():
    entries = settings_reference.read_settings()

    names = [entry["name"] for entry in entries]
    assert sorted(names) == sorted(DEFAULTS)
    assert len(names) == len(set(names))
    for entry in entries:
        assert entry["description"], entry["name"]
        # The documented default is the value an installation really gets.
        assert eval(entry["default"], {"__builtins__": {}}) == DEFAULTS[entry["name"]], entry["name"]  # noqa: S307


def test_the_committed_reference_is_up_to_date():
    assert settings_reference.REFERENCE.read_text(encoding="utf-8") == settings_reference.build(), (
        "docs/reference/settings.md is out of date: run make settings-reference"
    )
