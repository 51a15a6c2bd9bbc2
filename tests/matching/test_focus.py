"""A long message is read as a story: its question sentences say what is wanted."""

from bot.matching.focus import ASKING, read
from bot.matching.matcher import Matcher
from bot.matching.normalize import tokens


def test_a_short_message_is_read_whole():
    story = read("Wie viel zahlt der Ausländerbeirat?")
    assert story.asked == ""
    assert story.weights == {}


def test_the_question_sentences_of_a_story_weigh_more():
    text = (
        "Wir sind ein kleiner Verein aus Biebrich und machen seit Jahren Hausaufgabenhilfe. "
        "Jetzt wollen wir ein Sommerfest für die Familien machen. "
        "Wer gibt uns Geld für das Fest im Park?"
    )
    story = read(text)
    assert story.asked == "Wer gibt uns Geld für das Fest im Park?"
    assert story.weights["fest"] == ASKING
    assert "hausaufgabenhilfe" not in story.weights


def test_a_vague_question_lets_the_sentence_before_it_speak():
    text = (
        "Unser Verein ist klein, wir sind seit zehn Jahren in Wiesbaden und alle arbeiten "
        "ehrenamtlich. "
        "Wir brauchen zweimal pro Woche einen Raum für die Theatergruppe. "
        "Wo finden wir so was?"
    )
    story = read(text)
    assert story.asked.startswith("Wir brauchen zweimal pro Woche einen Raum")
    assert story.weights["raum"] == ASKING


def test_a_text_too_long_to_read_whole_puts_its_question_first():
    filler = "Wir machen vieles gemeinsam und treffen uns oft. " * 14
    story = read(filler + "Welche Frist gilt für den WIR-Antrag?")
    assert story.text.startswith("Welche Frist gilt")
    assert "frist" in tokens(story.text)[:3]


def test_the_fact_asked_for_comes_from_the_question_not_the_story(knowledge):
    matcher = Matcher.from_knowledge(knowledge)
    text = (
        "Wir haben vom Ausländerbeirat 2.000 Euro für ein Nähprojekt bekommen, das Projekt "
        "ist vorbei. Jetzt sollen wir nachweisen, wofür das Geld ausgegeben wurde. "
        "Was muss in so einen Nachweis rein und was ist, wenn Belege fehlen?"
    )
    result = matcher.match(text)
    assert result.facet is None  # "2.000 Euro" is the story, not the question
    assert result.best is not None and result.best.entry_id == "verwendungsnachweis"
