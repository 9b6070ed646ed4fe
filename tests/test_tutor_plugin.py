"""
The Tutor plugin (``conf/tutor``), rendered by the real ``tutor`` in a temporary
project root: what an operator gets in the image, in the LMS and Studio
settings, in the compose services and in the init job. No Docker is needed to render.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vetnet_plugin.settings.common import DEFAULTS

TUTOR = Path(sys.executable).with_name("tutor")


def _tutor(root, *args):
    environment = {**os.environ, "TUTOR_ROOT": str(root), "TUTOR_PLUGINS_ROOT": str(root / "plugins")}
    result = subprocess.run([str(TUTOR), *args], env=environment, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _render(root, *settings):
    _tutor(root, "plugins", "enable", "vetnet")
    _tutor(root, "config", "save", *[part for setting in settings for part in ("--set", setting)])
    return root / "env"


def _init_tasks(root):
    script = (
        "import sys\n"
        "from tutor import config, env, hooks\n"
        "hooks.Actions.CORE_READY.do()\n"
        "hooks.Actions.PROJECT_ROOT_READY.do(sys.argv[1])\n"
        "values = config.load(sys.argv[1])\n"
        "for service, task in hooks.Filters.CLI_DO_INIT_TASKS.iterate_from_context(hooks.Contexts.app('vetnet').name):\n"
        "    print(service + ': ' + env.render_str(values, task))\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(root)], capture_output=True, text=True, timeout=180,
                            env={**os.environ, "TUTOR_ROOT": str(root)})
    assert result.returncode == 0, result.stderr
    return result.stdout


def _vetnet_settings(settings_file: Path) -> dict:
    """The VETNET_* names a rendered settings module assigns, with their values, evaluated."""
    text = settings_file.read_text()
    block = text[text.index("# VETNet\n"):text.index("# end of VETNet")]
    namespace: dict = {}
    exec(block, namespace)  # noqa: S102 - our own rendered settings lines
    return {name: value for name, value in namespace.items() if name.startswith("VETNET_")}


@pytest.fixture
def root(tmp_path):
    return tmp_path / "tutor"


def test_defaults_install_the_release_and_configure_both_services(root):
    env = _render(root)

    dockerfile = (env / "build" / "openedx" / "Dockerfile").read_text()
    assert "pip install 'vetnet==0.1.0'" in dockerfile
    for service in ("lms", "cms"):
        settings_file = env / "apps" / "openedx" / "settings" / service / "production.py"
        compile(settings_file.read_text(), str(settings_file), "exec")  # the patched settings are valid Python
        values = _vetnet_settings(settings_file)
        assert values == {
            "VETNET_TOOLBOX_MAX_UPLOAD_BYTES": 50 * 1024 * 1024,
            "VETNET_DIGEST_INTERVAL_HOURS": 24,
            "VETNET_CELERY_QUEUE": "edx.lms.core.default",
            "VETNET_PUBLIC_REPOSITORY": False,
        }
        # Every name the plugin sets is a real VETNet setting.
        assert set(values) <= set(DEFAULTS)
    compose = (env / "local" / "docker-compose.prod.yml").read_text()
    assert "vetnet-beat:" in compose
    assert "celery --app=lms.celery beat" in compose
    tasks = _init_tasks(root)
    assert "./manage.py lms migrate vetnet" in tasks
    assert "./manage.py lms vetnet_backfill_memberships --no-progress" in tasks
    assert tasks.startswith("lms: ")


def test_operator_choices_reach_the_image_and_the_settings(root):
    env = _render(
        root,
        "VETNET_PIP_SPEC=git+https://github.com/example/vetnet@main",
        "VETNET_MAX_UPLOAD_MB=20",
        'VETNET_ALLOWED_EXTENSIONS=["pdf", "docx"]',
        "VETNET_STORAGE=vetnet_s3",
        "VETNET_DIGEST_INTERVAL_HOURS=0",
        "VETNET_MACHINE_TRANSLATION_URL=https://translate.example.org/translate",
        "VETNET_MACHINE_TRANSLATION_API_KEY=k3y",
        "VETNET_CELERY_QUEUE=edx.lms.core.high",
        "VETNET_RUN_BEAT=false",
        "VETNET_BACKFILL_ON_INIT=false",
        "VETNET_PUBLIC_REPOSITORY=true",
    )

    assert "pip install 'git+https://github.com/example/vetnet@main'" in (
        env / "build" / "openedx" / "Dockerfile").read_text()
    values = _vetnet_settings(env / "apps" / "openedx" / "settings" / "lms" / "production.py")
    assert values == {
        "VETNET_TOOLBOX_MAX_UPLOAD_BYTES": 20 * 1024 * 1024,
        "VETNET_TOOLBOX_ALLOWED_EXTENSIONS": ["pdf", "docx"],
        "VETNET_TOOLBOX_STORAGE": "vetnet_s3",
        "VETNET_DIGEST_INTERVAL_HOURS": 0,
        "VETNET_MACHINE_TRANSLATION": {
            "URL": "https://translate.example.org/translate", "API_KEY": "k3y", "NAME": "LibreTranslate",
        },
        "VETNET_CELERY_QUEUE": "edx.lms.core.high",
        "VETNET_PUBLIC_REPOSITORY": True,
    }
    assert values == _vetnet_settings(env / "apps" / "openedx" / "settings" / "cms" / "production.py")
    assert "vetnet-beat" not in (env / "local" / "docker-compose.prod.yml").read_text()
    tasks = _init_tasks(root)
    assert "migrate vetnet" in tasks
    assert "vetnet_backfill_memberships" not in tasks
