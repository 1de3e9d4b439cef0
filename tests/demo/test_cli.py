"""`elchi demo`: the tour without a terminal, scripts, and failing when the bot fails."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def demo(*args: str, stdin: str = "", cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "demo", *args],
        input=stdin,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_tour_without_a_terminal_exits_zero_and_uses_no_real_database(tmp_path: Path) -> None:
    result = demo(cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "the built-in tour" in result.stdout
    assert result.stdout.count("--- a new user") == 7  # five locales, then two people in trouble
    for greeting in ("Tayyor!", "Тайёр!", "Даяр!", "Тайёр! Шумо", "Готово! Вы подписаны"):
        assert greeting in result.stdout
    assert not (tmp_path / "data").exists()


def test_script_from_stdin_prints_the_transcript(tmp_path: Path) -> None:
    result = demo("--script", "-", stdin="# a comment\n/start\n", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "you> /start"
    assert lines[1].startswith("🤖 ")


def test_missing_script_file_is_one_line(tmp_path: Path) -> None:
    result = demo("--script", "nope.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "elchi: --script: cannot read nope.txt: No such file or directory\n"


def test_a_button_number_that_is_not_on_screen_is_explained(tmp_path: Path) -> None:
    result = demo("--script", "-", stdin="/start\n9\n", cwd=tmp_path)
    assert "(no button 9 on the screen)" in result.stdout


def test_the_admin_demo_composes_sends_and_the_admin_receives_it(tmp_path: Path) -> None:
    script = Path(__file__).resolve().parents[2] / "docs" / "demo-admin.txt"
    result = demo("--admin", "UZ", "--script", str(script), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "🤖 *Действует до " in out  # a typed end date, shown back to confirm
    assert " по Москве. Верно?*" in out
    assert "🤖 *Предпросмотр: так его увидят подписчики.*" in out
    assert "🤖 🔊 (voice message)" in out
    assert "🚀 Отправляем. Подписчиков: 1." in out
    # Every admin of the country is told, by the headline (never an id or a code).
    assert "📣 Рассылка началась: «Вербовщики у миграционного центра» (🇺🇿 Узбекистан)." in out
    assert "uz-20" not in out
    # The admin is also a subscriber of Uzbekistan: once sent, it reached them as a reader.
    # From "sending" on: under load the delivery may print before the script's /wait does.
    delivered = out.split("🚀 Отправляем")[1].split("you> /advisories")[0]
    assert "🤖 🟠 *Вербовщики у миграционного центра*" in delivered
    assert "buttons: [1] ✅ Понятно  [2] 📎 Источники  [3] 🏛 Контакты посольства" in delivered
    # The country's public channel got it too, and its correction edited the post.
    assert "📣 channel “Elchi · UZ · ru”: 🟠 *Вербовщики у миграционного центра*" in delivered
    corrected = out.split("you> /wait")[2]
    assert (
        "📣 channel “Elchi · UZ · ru” (edited): 🟠 *Вербовщики у миграционного центра: будьте"
        in corrected
    )
    assert "Звоните в посольство." in corrected.split("📣 channel")[1]


def test_the_fast_admin_demo_sends_two_languages_in_at_most_eight_inputs(tmp_path: Path) -> None:
    script = Path(__file__).resolve().parents[2] / "docs" / "demo-admin-fast.txt"
    lines = [line.strip() for line in script.read_text().splitlines()]
    inputs = [line for line in lines if line and not line.startswith(("#", "/wait"))]
    inputs = inputs[inputs.index("/new") :]  # from /new to the press on "Send now"
    assert len(inputs) <= 8
    result = demo("--admin", "UZ", "--script", str(script), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "🤖 *Предпросмотр: так его увидят подписчики.*" in out
    assert "• Oʻzbekcha (lotin) (0): Migratsiya markazi oldida yollovchilar" in out
    assert "🚀 Отправляем. Подписчиков: 1." in out
    delivered = out.split("🚀 Отправляем")[1]  # not after /wait: under load it may come first
    assert "🤖 🟠 *Вербовщики у миграционного центра*" in delivered
    assert "👉 *Не подписывайте никаких бумаг.*" in delivered


def test_the_reach_demo_shares_a_warning_and_the_friend_subscribes(tmp_path: Path) -> None:
    script = Path(__file__).resolve().parents[2] / "docs" / "demo-reach.txt"
    result = demo("--script", str(script), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    shared, friend = result.stdout.split("--- a new user")
    assert "(Telegram asks whom to send it to: “Чет өлкөнүн согушуна" in shared
    assert "https://t.me/elchi_sandbox_bot?start=ky-KG-share" in shared
    assert "🤖 ✅ *Даяр! Сиз жазылдыңыз. Жарандыгыңыз: Кыргызстан.*" in friend
    assert "(@bot offers 3 texts to paste:)" in friend
    assert "• Мыйзам боюнча эскертүү · 🇰🇬 Кыргызстан" in friend
