"""Normalisation per script: the traps of ../shared/design.md, each tested."""

import pytest

from bot.matching.normalize import german_reading, normalize, tokens


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("İSTANBUL", "istanbul"),  # casefold alone leaves a combining dot after the i
        ("ışık", "isik"),  # Turkish dotless i and cedilla
        ("Förderung", "forderung"),  # umlauts, as OCR and hurried typists drop them
        ("Straße", "strasse"),
        ("مُسَاعَدَة", "مساعده"),  # Arabic vowel marks stripped, teh marbuta folded
        ("أحمد إلى آخر", "احمد الي اخر"),  # alef with hamza/madda, alef maksura
        ("کمک یک", "كمك يك"),  # Persian kaf and yeh equal the Arabic letters
        ("می‌خواهیم", "میخواهیم"),  # ZWNJ, a space or nothing: the same word
        ("سنة ٢٠٢٥ و ۲۰۲۶", "سنه 2025 و 2026"),  # Eastern Arabic and Persian digits
        ("Ёлка й", "елка и"),  # Cyrillic breve and diaeresis
        ("Wie?! 🙂 Geld…", "wie geld"),  # punctuation and emoji are separators
        ("ـجمعـية", "جمعيه"),  # tatweel
    ],
)
def test_variants_normalise_alike(a, b):
    assert normalize(a) == normalize(b)


def test_rapidfuzz_default_processor_would_break_arabic_marks():
    """Why we normalise ourselves: rapidfuzz's default_process turns marks into spaces."""
    from rapidfuzz.utils import default_process

    assert " " in default_process("مُسَاعَدَة")
    assert " " not in normalize("مُسَاعَدَة")


def test_arabic_article_is_split_off():
    assert tokens("الجمعية") == tokens("جمعية")
    assert tokens("والجمعية") == tokens("جمعية")


def test_empty_and_symbol_only_input_gives_no_tokens():
    assert tokens("") == []
    assert tokens("🙂🎉 ??? ...") == []
    assert tokens("\u200f\u2068\u2069\u200e") == []


def test_very_long_input_is_cut():
    assert len(normalize("Verein " * 5000)) < 700


def test_german_reading_of_cyrillic():
    assert german_reading(normalize("Амт цувандерунг")) == "amt zuwanderung"
    assert german_reading(normalize("Бюргерколлег")) == "burgerkolleg"
    assert german_reading("verein") is None


def test_a_short_word_in_another_case_is_the_same_word():
    from bot.matching.vocabulary import Vocabulary

    vocab = Vocabulary({"rada": 2.0, "kasa": 2.0, "rent": 2.0})
    assert dict(vocab.similar("rady")).get("rada", 0) >= 0.8  # Polish genitive
    assert "kasa" in dict(vocab.similar("kasy"))
    assert "rent" not in dict(vocab.similar("rend"))  # only a vowel ending changes


def test_a_cyrillic_word_is_not_read_as_a_short_latin_word_it_begins_with():
    from bot.matching.vocabulary import Vocabulary

    vocab = Vocabulary({"dopo": 2.0, "burgerkolleg": 2.0})
    assert "dopo" not in dict(vocab.similar("допомога"))  # Ukrainian "help"
    assert "burgerkolleg" in dict(vocab.similar("бюргерколлег"))  # a German name


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Ausländerbeirat'tan para", ["auslanderbeirat", "para"]),  # ablative
        ("Verein’imiz için", ["verein", "icin"]),  # possessive, typographic apostrophe
        ("Antrag'ımızı", ["antrag"]),  # possessive and accusative
        ("WIR'e başvuru", ["wirprogramm", "basvuru"]),
        ("Wiesbaden'deki", ["wiesbaden"]),  # locative and -ki
        ("dell'ente quest'anno", ["dell", "ente", "quest", "anno"]),  # Italian: not endings
    ],
)
def test_a_turkish_ending_after_an_apostrophe_is_dropped(text, words):
    assert tokens(text) == words


def test_a_ukrainian_apostrophe_keeps_the_word_whole():
    assert tokens("об'єднання") == tokens("обʼєднання") == tokens("обєднання") == ["обєднання"]


def test_persian_affixes_written_apart_are_joined():
    assert tokens("می خواهیم") == tokens("می‌خواهیم") == tokens("میخواهیم")
    assert tokens("انجمن های ما") == tokens("انجمن‌های ما")
    assert tokens("نمی دانم") == tokens("نمی‌دانم")
    assert tokens("هل هذا أم ذاك") == ["هل", "هذا", "ام", "ذاك"]  # Arabic "or" stays a word


def test_german_readings_spell_german_sounds_back():
    from bot.matching.normalize import german_readings

    assert "verein" in german_readings(normalize("ферайн"))
    assert "stiftung" in german_readings(normalize("штифтунг"))
    assert german_readings("verein") == ()


def test_a_cyrillic_word_is_not_read_as_a_longer_latin_word_it_begins_like():
    from bot.matching.vocabulary import Vocabulary

    vocab = Vocabulary({"podatkowego": 2.0, "verein": 2.0})
    assert "podatkowego" not in dict(vocab.similar("подать"))  # Russian "to submit"
    assert "verein" in dict(vocab.similar(normalize("ферайна")))  # Verein, read with German sounds


def test_a_hyphenated_mini_or_micro_is_one_word():
    assert tokens("мини-джоб и микро-проект") == ["миниджоб", "и", "микропроект"]
    assert tokens("ein Mini-Job") == ["ein", "minijob"]
    assert tokens("Sozialleistungs- und Jobcenter") == ["sozialleistungs", "und", "jobcenter"]
