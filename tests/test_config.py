"""Settings: defaults, parsing, and one clear line for every bad value."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, load_settings, parse_admins


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "BOT_TOKEN",
        "BOT_API_URL",
        "DATABASE_URL",
        "ADMINS",
        "SECRET_KEY",
        "LOG_LEVEL",
        "DEFAULT_LOCALE",
        "OPERATOR_NAME",
        "APPROVALS",
        "APPROVAL_THRESHOLD",
    ):
        monkeypatch.delenv(name, raising=False)


def test_defaults() -> None:
    settings = load_settings(env_file=None)
    assert settings.database_url == "sqlite+aiosqlite:///data/elchi.db"
    assert settings.bot_api_url == "https://api.telegram.org"
    assert settings.admins == {}
    assert settings.default_locale == "ru"
    assert (settings.approvals, settings.approval_threshold) == (2, 1000)  # four-eyes by default


def test_four_eyes_is_set_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APPROVALS", "1")
    monkeypatch.setenv("APPROVAL_THRESHOLD", "50")
    settings = load_settings(env_file=None)
    assert (settings.approvals, settings.approval_threshold) == (1, 50)


def test_admins_parse_with_super_admin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMINS", "123456789:UZ, 987654321:kg,555:*")
    assert load_settings(env_file=None).admins == {123456789: "UZ", 987654321: "KG", 555: "*"}


def test_channels_parse_as_id_country_and_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHANNELS", "-1001234567890:UZ:uz_Cyrl, -1009876543210:KG:ky")
    assert load_settings(env_file=None).channels == {
        "-1001234567890": ("UZ", "uz_Cyrl"),
        "-1009876543210": ("KG", "ky"),
    }


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DATABASE_URL", "mysql://db/x", "DATABASE_URL: unsupported driver 'mysql'"),
        ("DATABASE_URL", "not a url", "DATABASE_URL: not a database URL"),
        ("DATABASE_URL", "postgresql:///elchi", "DATABASE_URL: a PostgreSQL URL needs a host"),
        ("ADMINS", "123:RU", "ADMINS: bad entry '123:RU'"),
        ("ADMINS", "abc:UZ", "ADMINS: bad entry 'abc:UZ'"),
        ("CHANNELS", "@elchi_uz:UZ:uz", "CHANNELS: bad entry '@elchi_uz:UZ:uz'"),
        ("CHANNELS", "-1001234567:UZ:en", "CHANNELS: bad entry '-1001234567:UZ:en': the language"),
        ("CHANNELS", "-1001234567:UZ:uz:x", "CHANNELS: bad entry '-1001234567:UZ:uz:x'"),
        ("CHANNELS", "-10012345678901234567:UZ:uz", "CHANNELS: bad entry '-100123456789012"),
        ("CHANNELS", "-100١٢٣٤٥٦٧:UZ:uz", "CHANNELS: bad entry '-100١٢٣٤٥٦٧:UZ:uz'"),
        (
            "CHANNELS",
            "-1001234567:UZ:uz,-1001234567:KG:ky",
            "CHANNELS: -1001234567 is given twice; give each channel once",
        ),
        (
            "ADMINS",
            "123:UZ,123:KG",
            "ADMINS: 123 is given twice (UZ and KG); give each admin once",
        ),
        ("BOT_API_URL", "api.telegram.org", "BOT_API_URL: must start with http"),
        ("LOG_LEVEL", "loud", "LOG_LEVEL: Input should be"),
        ("DEFAULT_LOCALE", "en", "DEFAULT_LOCALE: Input should be"),
        ("APPROVALS", "3", "APPROVALS: Input should be less than or equal to 2"),
        (
            "APPROVAL_THRESHOLD",
            "-5",
            "APPROVAL_THRESHOLD: Input should be greater than or equal to 0",
        ),
    ],
)
def test_bad_values_name_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, message: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError) as caught:
        load_settings(env_file=None)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_postgres_scheme_gets_the_async_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://elchi:pw@db:5432/elchi")
    assert (
        load_settings(env_file=None).database_url == "postgresql+asyncpg://elchi:pw@db:5432/elchi"
    )


def test_token_and_key_are_demanded_only_when_used(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load_settings(env_file=None)
    with pytest.raises(ConfigError, match=r"^BOT_TOKEN: missing"):
        settings.token()
    with pytest.raises(ConfigError, match=r"^SECRET_KEY: missing"):
        settings.key()
    monkeypatch.setenv("SECRET_KEY", "changeme")
    with pytest.raises(ConfigError, match=r"^SECRET_KEY: too short"):
        load_settings(env_file=None).key()


def test_dotenv_file_is_read(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    env = Path(str(tmp_path)) / ".env"
    env.write_text("BOT_TOKEN=123:abc\nLOG_LEVEL=debug\n")
    settings = load_settings(env_file=env)
    assert settings.token() == "123:abc"
    assert settings.log_level == "DEBUG"


def test_parse_admins_empty() -> None:
    assert parse_admins("") == {}


def test_the_operator_is_named_in_each_readers_language(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().operator_in("ky") == "Elchi ыктыярчылары"  # the default
    assert load_settings().operator_in("tg") == "Ихтиёриёни Elchi"
    monkeypatch.setenv("OPERATOR_NAME", '{"ru": "Фонд «Мост»", "uz": "«Koʻprik» jamgʻarmasi"}')
    settings = load_settings()
    assert settings.operator_in("uz") == "«Koʻprik» jamgʻarmasi"
    assert settings.operator_in("ky") == "Фонд «Мост»"  # Russian where none is given
    monkeypatch.setenv("OPERATOR_NAME", "Most")
    assert load_settings().operator_in("tg") == "Most"
