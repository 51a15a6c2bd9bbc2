"""Words that say a question is a matter or about something else entirely.

The bot serves migrant organisations. "Förderunterricht für meinen Sohn", "meine
Steuererklärung", "die Kultursendung im ZDF", "wer hat die Bundesliga gewonnen" share words
with the knowledge base (Förderung, Kultur, Verein) but are not its business. A question with
such a word is not answered confidently (the matcher lowers its scores); it may still get
suggestions, so "eine TV-Sendung über unseren Verein, gibt es Förderung?" is not lost.
"""

from __future__ import annotations

from typing import Final

from bot.matching.normalize import tokens

_WORDS: Final = {
    "de": """
        sohn sohnes tochter mutter mama vater papa ehemann ehefrau oma opa bruder schwester
        steuererklärung visum einbürgerung
        führerschein arzt krankenkasse rente nachhilfe förderunterricht schulnoten sendung
        fernsehen tv zdf ard arte 3sat fernsehsendung serie bundesliga spielstand
        bürgeramt reisepass personalausweis ausweis
        aufenthaltstitel aufenthaltserlaubnis
    """,
    "en": """
        son daughter mother mom mum father dad wife husband grandma grandpa brother sister
        visa citizenship driving licence license doctor pension tutoring
        tutor grades tv television channel episode series broadcast football match score
        passport
        myself residence exam
        bundesliga
    """,
    "tr": """
        oğlum oğluma oğlumun kızım kızıma annem anneme babam eşim kardeşim vize
        oturum vatandaşlık ehliyet doktor emeklilik dershane dizi televizyon kanal maç maçı
        pasaport kimlik
        kendim kendime sınav sınavı
    """,
    "ar": """
        ابني لابني بنتي لبنتي ابنتي أمي لأمي امي أبي ابي زوجي زوجتي اخي أختي
        فيزا تأشيرة إقامة جنسية رخصة طبيب تقاعد خصوصية تلفزيون مسلسل قناة مباراة
        جواز
        لنفسي امتحان
    """,
    "ru": """
        сына сыну сын дочери дочь маме мамы мать отца мужа жены брата сестры
        декларация виза визу гражданство врач пенсия репетитор передача канал сериал
        телевизор матч паспорт бюргерамт
        внж жительство экзамен
    """,
    "uk": """
        сина сину син доньки донька мами мама батька чоловіка дружини брата сестри
        декларація віза візу громадянство лікар пенсія репетитор передача канал
        серіал телевізор матч паспорт бюргерамт
        посвідка посвідку іспит
    """,
    "pl": """
        syna synowi córki córka mamy mama ojca męża żony brata siostry
        zeznanie pit wiza wizę obywatelstwo lekarz emerytura korepetycje telewizja
        telewizyjny serial kanał mecz paszport dowód
        pobytu egzamin
    """,
    "it": """
        figlio figlia madre mamma padre papà marito moglie fratello sorella
        redditi soggiorno cittadinanza patente medico pensione ripetizioni televisione canale
        trasmissione puntata partita passaporto
        esame privato
    """,
    "fa": """
        پسرم دخترم مادرم پدرم همسرم برادرم خواهرم ویزا اقامت تابعیت گواهینامه
        دکتر بازنشستگی خصوصی تلویزیون سریال کانال مسابقه
        پاسپورت
        خودم امتحان
    """,
}

OFF_TOPIC_TOKENS: Final[frozenset[str]] = frozenset(
    tok for text in _WORDS.values() for word in text.split() for tok in tokens(word)
)


# A person's own benefits are a private matter whatever else the message says (no association
# receives them): they lower the scores twice. People name them in German in every language.
_BENEFITS: Final = """
    bürgergeld burgergeld buergergeld arbeitslosengeld kindergeld wohngeld elterngeld
    hartz бюргергельд
"""
BENEFIT_TOKENS: Final[frozenset[str]] = frozenset(tokens(_BENEFITS))


def off_topic_signals(words: list[str]) -> int:
    """How strongly the words mark a private matter or another topic: 0, 1 or 2."""
    if not BENEFIT_TOKENS.isdisjoint(words):
        return 2
    return 1 if not OFF_TOPIC_TOKENS.isdisjoint(words) else 0
