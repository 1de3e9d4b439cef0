"""No Docker engine here: validate the compose file and check the Dockerfile against the tree."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib

import yaml

from bot.config import PROJECT_ROOT
from tests.support.postgres import free_port

DOCKERFILE = (PROJECT_ROOT / "Dockerfile").read_text()


def test_compose_file_is_valid_against_the_compose_spec() -> None:
    tool = shutil.which("check-jsonschema", path=str(PROJECT_ROOT / ".venv" / "bin"))
    assert tool is not None
    result = subprocess.run(
        [tool, "--builtin-schema", "vendor.compose-spec", "docker-compose.yml"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_runs_the_bot_on_a_healthy_postgresql() -> None:
    compose = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
    bot, db = compose["services"]["bot"], compose["services"]["db"]
    assert bot["env_file"] == ".env"
    assert bot["depends_on"]["db"]["condition"] == "service_healthy"
    assert "./advisories:/app/advisories:ro" in bot["volumes"]
    assert bot["restart"] == "unless-stopped"
    assert "healthcheck" in db
    assert "db-data:/var/lib/postgresql/data" in db["volumes"]
    assert compose["services"]["telegram-bot-api"]["profiles"] == ["local-api"]


def test_every_path_the_dockerfile_copies_exists() -> None:
    for sources in re.findall(r"^COPY (?!--from)(.+) \S+$", DOCKERFILE, re.MULTILINE):
        for source in sources.split():
            assert (PROJECT_ROOT / source).exists(), source


def test_the_entry_point_and_health_check_exist() -> None:
    scripts = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert 'ENTRYPOINT ["elchi"]' in DOCKERFILE
    assert scripts["elchi"] == "bot.__main__:main"
    assert '"python", "-m", "bot.telegram.health", "check"' in DOCKERFILE
    result = subprocess.run(
        [str(PROJECT_ROOT / ".venv" / "bin" / "python"), "-m", "bot.telegram.health", "check"],
        capture_output=True,
        text=True,
        timeout=30,
        env={"METRICS_LISTEN": f"127.0.0.1:{free_port()}"},  # a port the OS just freed
    )
    assert result.returncode == 1  # nothing listens there: unhealthy, not a crash
    assert result.stderr.startswith("unhealthy:")


def test_env_example_documents_every_setting() -> None:
    from bot.config import Settings

    documented = set(
        re.findall(r"^#? ?([A-Z_]+)=", (PROJECT_ROOT / ".env.example").read_text(), re.MULTILINE)
    )
    assert {name.upper() for name in Settings.model_fields} <= documented


def test_the_image_leaves_out_the_sandbox_the_demo_and_the_tests() -> None:
    ignored = (PROJECT_ROOT / ".dockerignore").read_text().split()
    for tooling in ("bot/sandbox", "bot/demo", "tests", "benchmarks"):
        assert tooling in ignored
        assert (PROJECT_ROOT / tooling).is_dir()  # the rule names a folder that exists


def test_elchi_demo_without_the_demo_says_so_in_one_line() -> None:
    # What `elchi demo` does in the image, where bot/demo is not copied.
    program = (
        "import sys; sys.modules['bot.demo'] = None; "
        "from bot.__main__ import main; sys.exit(main())"
    )
    result = subprocess.run(
        [str(PROJECT_ROOT / ".venv" / "bin" / "python"), "-c", program, "demo"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=PROJECT_ROOT,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "make demo" in result.stderr
