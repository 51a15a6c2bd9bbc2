"""Which fact a question asks for, and the words that are only its frame."""

import pytest

from bot.matching.facets import detect_facet
from bot.matching.frames import FRAME_TOKENS
from bot.matching.normalize import tokens


@pytest.mark.parametrize(
    ("text", "facet"),
    [
        ("Bis wann muss der WIR-Antrag eingereicht werden?", "deadline"),
        ("When is the deadline for Integration durch Kultur?", "deadline"),
        ("Ausländerbeirat proje desteği için son başvuru tarihi ne?", "deadline"),
        ("متى آخر موعد للتقديم على برنامج WIR؟", "deadline"),
        ("До какого числа подавать заявку?", "deadline"),
        ("Do kiedy trzeba złożyć wniosek?", "deadline"),
        ("Qual è la scadenza per la domanda?", "deadline"),
        ("آخرین مهلت درخواست WIR کیه؟", "deadline"),
        ("Hallo, wie viel zahlt der Ausländerbeirat?", "amount"),
        ("How much does the Ausländerbeirat give per project?", "amount"),
        ("Ausländerbeirat ne kadar destek veriyor?", "amount"),
        ("كم يعطي مجلس الأجانب للجمعية؟", "amount"),
        ("Сколько денег даёт Ausländerbeirat?", "amount"),
        ("Скільки максимум дає Рада іноземців?", "amount"),
        ("Do jakiej kwoty dofinansowanie projektu?", "amount"),
        ("Quanto dà il consiglio degli stranieri?", "amount"),
        ("Ausländerbeirat چقدر پول می‌دهد؟", "amount"),
        ("Wer darf den Antrag stellen?", "eligibility"),
        ("Who can apply for WIR?", "eligibility"),
        ("WIR'e kimler başvurabilir?", "eligibility"),
        ("Кто может подать заявку на WIR?", "eligibility"),
        ("Можно ли получить от Kulturamt деньги, если мы не e.V.?", "eligibility"),
        ("Кому положена поддержка на помещение?", "eligibility"),
        ("Чи можна отримати гроші на проєкт без реєстрації?", "eligibility"),
        ("Bu destekten kimler yararlanabilir?", "eligibility"),
        ("Küçük bir grup olarak biz de alabilir miyiz?", "eligibility"),
        ("Wer ist beim Sportamt mein Ansprechpartner?", "contact"),
        ("К кому обращаться по спортивным вопросам?", "contact"),
        ("Kulturamt ile nasıl iletişime geçebiliriz?", "contact"),
        ("Freiwilligenzentrum'a nasıl ulaşırız?", "contact"),
        ("Как связаться с Grünflächenamt?", "contact"),
        ("Кто консультирует ферайны по вопросам финансирования?", "contact"),
        ("Derneklere kim danışmanlık veriyor?", "contact"),
        ("Wo bekommen wir Geld für unser Sommerfest?", None),
        ("ACK Termine", None),  # meetings, not a deadline
    ],
)
def test_the_facet_of_a_question(text, facet):
    assert detect_facet(tokens(text)) == facet


@pytest.mark.parametrize(
    "frame",
    [
        "wo bekommen wir",
        "how can we",
        "nasıl",
        "كيف يمكننا",
        "как нам",
        "як нам",
        "jak możemy",
        "come possiamo",
        "چطور می‌توانیم",
        "bize veren",  # "veren" (giving) is not "Verein"
        "nasıl olunur",
        "как стать",  # "стать" (to become) is not "статут"
        "böyle bir",  # "such a" points back, it names nothing
        "для этого есть такие",
    ],
)
def test_question_frames_are_frames(frame):
    assert set(tokens(frame)) <= FRAME_TOKENS


@pytest.mark.parametrize(
    "word", ["Geld", "Raum", "Verein", "festival", "para", "dernek", "деньги", "soldi", "پول"]
)
def test_content_words_are_not_frames(word):
    assert not set(tokens(word)) & FRAME_TOKENS
