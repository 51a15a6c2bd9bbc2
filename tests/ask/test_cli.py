"""`python -m bot ask`: one question or JSON Lines in, JSON out, order kept."""

import json
import os
import subprocess
import sys

from bot.config import REPO_ROOT


def _ask(*args, stdin=""):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    return subprocess.run(
        [sys.executable, "-m", "bot", "ask", *args],
        input=stdin,
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_json_answer_has_the_documented_shape():
    result = _ask("Wo finden wir einen Raum für unseren Deutschkurs?", "--lang", "tr", "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) == {
        *("text", "user_lang", "lang", "kind", "intent", "matched", "answer"),
        *("buttons", "referrals", "matches"),
    }
    assert out["user_lang"] == "tr" and isinstance(out["matched"], bool)
    assert out["lang"] == "de"  # a German question is answered in German
    assert out["kind"] in {"answer", "unsure"} and out["intent"] is None
    assert 1 <= len(out["matches"]) <= 5
    for m in out["matches"]:
        assert set(m) == {"id", "kind", "name", "score"}
        assert 0 <= m["score"] <= 100
    scores = [m["score"] for m in out["matches"]]
    assert scores == sorted(scores, reverse=True)
    assert "<b>" not in out["answer"]  # plain text, as the user sees it


def test_out_of_scope_is_not_matched():
    out = json.loads(_ask("Wer gewinnt heute das Fußballspiel?", "--json").stdout)
    assert out["matched"] is False


def test_batch_keeps_order_and_reports_bad_lines():
    lines = [
        json.dumps({"text": "Ausländerbeirat Förderung Vereinsraum", "lang": "de"}),
        "this is not json",
        json.dumps({"lang": "en"}),
        json.dumps({"text": "حمایت مالی برای انجمن", "lang": "fa"}),
        json.dumps({"text": "x", "lang": "pt"}),
        json.dumps({"text": "kültür festivali için nereden para bulabiliriz?", "lang": "tr"}),
    ]
    result = _ask("--json", "--batch", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 6
    assert out[0]["text"] == "Ausländerbeirat Förderung Vereinsraum"
    assert "error" in out[1] and "error" in out[2] and "error" in out[4]
    assert out[3]["lang"] == "fa" and out[5]["lang"] == "tr"


def test_unknown_language_is_an_error():
    result = _ask("Hallo", "--lang", "xx")
    assert result.returncode == 2
    assert "unknown language" in result.stdout


def test_plain_output_lists_the_matches():
    result = _ask("Integration durch Kultur Antrag", "--lang", "de")
    assert result.returncode == 0
    assert "integration-durch-kultur" in result.stdout


def test_json_shows_what_the_chat_shows_for_every_kind():
    lines = [
        {"text": "Hallo", "lang": "de"},
        {"text": "Erinnere mich bitte an die Frist", "lang": "de"},
        {"text": "Wie ist der Stand unseres Antrags beim Ausländerbeirat?", "lang": "de"},
        {
            "text": "Ausländerbeirat institutionelle Förderung für Vereine mit Vereinsraum",
            "lang": "de",
        },
        {"text": "Wer gewinnt heute das Fußballspiel?", "lang": "de"},
        {
            "text": "Derneğimiz için Ausländerbeirat'tan proje desteği alabilir miyiz?",
            "lang": "de",
        },
    ]
    result = _ask("--batch", stdin="".join(json.dumps(x) + "\n" for x in lines))
    greeting, feature, status, answer, outside, turkish = (
        json.loads(line) for line in result.stdout.splitlines()
    )
    assert (greeting["kind"], greeting["intent"], greeting["referrals"]) == (
        "smalltalk",
        "greeting",
        [],
    )
    assert {"label": "Frage stellen", "data": "menu:ask"} in greeting["buttons"]
    assert feature["kind"] == "feature" and [b["data"] for b in feature["buttons"]] == ["rm:home"]
    assert status["kind"] == "handover" and status["buttons"][0]["data"] == "ho:0"
    assert [r["id"] for r in status["referrals"]] == ["koordinierungsstelle-mo"]
    assert answer["kind"] == "answer" and answer["matched"] is True
    assert answer["buttons"][0]["data"] == "mo:auslaenderbeirat-institutionell:de:x"
    assert {
        "id": "geschaeftsstelle-auslaenderbeirat",
        "name": "Geschäftsstelle des Ausländerbeirats",
    } in answer["referrals"]
    assert len(answer["answer"]) <= 700 and "<b>" not in answer["answer"]
    assert (outside["kind"], outside["referrals"]) == ("out_of_scope", [])
    assert (turkish["user_lang"], turkish["lang"]) == ("de", "tr")
    assert turkish["buttons"][-1]["data"] == "kl:tr"
