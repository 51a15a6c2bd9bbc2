"""Answer in the language of the question: switch only when the message is clearly in it."""

import pytest

from bot.matching.language import detect


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Yaz şenliğimiz için nereden para bulabiliriz?", "tr"),
        ("Where can we get money for our summer party?", "en"),
        ("Skąd możemy dostać pieniądze na nasz letni festyn?", "pl"),
        ("Dove possiamo trovare i soldi per la nostra festa d'estate?", "it"),
        ("من أين نحصل على مال لحفلتنا الصيفية؟", "ar"),
        ("از کجا می‌توانیم برای جشن تابستانی‌مان پول بگیریم؟", "fa"),
        ("Где нам взять деньги на наш летний праздник?", "ru"),
        ("Де нам взяти гроші на наше літнє свято?", "uk"),
        # Farsi typed on an Arabic keyboard (ي ك) is still Farsi by its words
        ("يه جايي تو شهر هست كه مخصوص انجمن‌هاي مهاجر مشاوره بده؟", "fa"),
        # German names inside another language say nothing about its language
        ("Regierungspräsidium Darmstadt – co ma wspólnego z programem WIR?", "pl"),
        ("Ausländerbeirat'tan Verein için Förderung nasıl alırım, Antrag nereye?", "tr"),
    ],
)
def test_a_clear_question_in_another_language_switches(text, lang):
    assert detect(text, "de") == lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Wo bekommen wir Geld für unser Sommerfest?", "de"),
        ("Yaz şenliğimiz için nereden para bulabiliriz?", "tr"),
        ("Где нам взять деньги на наш летний праздник?", "ru"),
        ("از کجا می‌توانیم برای جشن تابستانی‌مان پول بگیریم؟", "fa"),
    ],
)
def test_no_switch_to_the_language_already_spoken(text, lang):
    assert detect(text, lang) is None


@pytest.mark.parametrize(
    "text",
    [
        "WIR Frist",  # German terms only
        "Bürgerkolleg nedir",  # too little Turkish left after the German name
        "Zuwanderungsamt adresi",
        "Freiwilligenzentrum kontakt",
        "ok",
        "👍",
        "",
        "سلام",  # Arabic or Farsi: the same word
        "privet, gde mozhno najti pomeshhenie dlja ferajna?",  # Russian in Latin letters
        "whats the Buergerkolleg",
    ],
)
def test_short_or_mixed_messages_keep_the_current_language(text):
    assert detect(text, "de") is None


def test_german_with_names_stays_german_for_a_german_user():
    assert detect("Wie beantragen wir Geld beim Ausländerbeirat Wiesbaden?", "de") is None
    assert detect("Wie beantragen wir Geld beim Ausländerbeirat Wiesbaden?", "tr") == "de"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # German phrases inside a message in the member's own script
        ("Wir haben keinen Raum für unseren Verein — поможет ли нам Ausländerbeirat?", "ru"),
        ("Wir brauchen eine Förderung für unser Projekt, هل يمكن للبلدية أن تساعدنا؟", "ar"),
        # a German official name, its joiners and domain words inside Turkish
        ("Amt für Zuwanderung und Integration Beratung saatleri ne?", "tr"),
        # Russian typed in Latin letters
        ("skol'ko deneg dayut na proekt, nado zayavku pisat?", "ru"),
    ],
)
def test_a_mixed_message_keeps_the_members_language(text, lang):
    assert detect(text, lang) is None
