"""No secret in any output: every configuration error names the variable, never its value."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.sandbox import Sandbox
from tests.support.cli import elchi_process as elchi

TOKEN = "5000000001:AAWrongTokenNobodyIssued_0123456789"
KEY = "a-secret-key-of-forty-characters-0123456789"
PASSWORD = "s3cret-db-password"


def cases(sandbox: Sandbox) -> list[tuple[dict[str, str], str]]:
    base = {
        "BOT_TOKEN": TOKEN,
        "SECRET_KEY": KEY,
        "BOT_API_URL": sandbox.url,
        # Off: six processes side by side on the fixed default ports raced each other for them.
        "METRICS_LISTEN": "",
        "PAGE_LISTEN": "",
    }
    return [
        (base, "elchi: BOT_TOKEN: the Bot API server rejected it"),
        (
            {**base, "BOT_TOKEN": sandbox.token, "BOT_API_URL": sandbox.url + "/bot"},
            "elchi: BOT_API",
        ),
        ({**base, "BOT_API_URL": "http://127.0.0.1:1"}, "elchi: BOT_API_URL: cannot reach"),
        ({**base, "SECRET_KEY": "short-but-secret"}, "elchi: SECRET_KEY: too short"),
        (
            {**base, "DATABASE_URL": f"postgresql://elchi:{PASSWORD}@127.0.0.1:1/x"},
            "elchi: DATABASE_URL: cannot use the database",
        ),
        ({**base, "WEBHOOK_URL": "http://example.org/hook"}, "elchi: WEBHOOK_URL"),
    ]


def test_configuration_errors_print_one_line_and_no_secret(tmp_path: Path) -> None:
    async def scenario() -> None:
        sandbox = await Sandbox().start()
        try:
            runs = []
            for n, (env, _) in enumerate(cases(sandbox)):
                folder = tmp_path / str(n)  # each its own default database
                folder.mkdir()
                runs.append(asyncio.to_thread(elchi, "run", env=env, cwd=folder))
            results = await asyncio.gather(*runs)  # side by side: each mostly waits
            for (_, expected), result in zip(cases(sandbox), results, strict=True):
                output = result.stdout + result.stderr
                assert result.returncode == 2, output
                errors = [line for line in result.stderr.splitlines() if "elchi:" in line]
                assert len(errors) == 1, output  # start-up logs may come before it
                assert errors[0].startswith(expected), output
                assert "Traceback" not in output
                for secret in (TOKEN, sandbox.token, KEY, "short-but-secret", PASSWORD):
                    assert secret not in output, (expected, output)
        finally:
            await sandbox.stop()

    asyncio.run(scenario())


@pytest.mark.parametrize("url", ["https://api.telegram.org/bot", "http://127.0.0.1:8081/bot123:x"])
def test_an_api_url_with_bot_at_the_end_is_refused_in_one_clear_line(
    tmp_path: Path, url: str
) -> None:
    result = elchi("run", env={"BOT_TOKEN": TOKEN, "BOT_API_URL": url}, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "elchi: BOT_API_URL: give the server root without /bot at the end, "
        "e.g. https://api.telegram.org\n"
    )
