"""Which fact a question asks for: a deadline, an amount, or who may apply.

"Bis wann muss der WIR-Antrag eingereicht werden?" asks for the deadline of WIR, "wie viel
zahlt der Ausländerbeirat?" for an amount, "dürfen auch Initiativen …?" for eligibility. The
facet tells the matcher to prefer entries that state such a fact and the answer to state it
first. Cues are written as people write them, in the nine languages; a cue is one normalised
token or a run of them ("bis wann", "how much", "ne kadar", "до какого").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal

from bot.normalize import tokens

Facet = Literal["deadline", "amount", "eligibility"]
FACETS: Final[tuple[Facet, ...]] = ("deadline", "amount", "eligibility")

_CUES: Final[dict[Facet, str]] = {
    "deadline": """
        frist | fristen | antragsfrist | bewerbungsfrist | einsendeschluss | stichtag |
        bis wann | ab wann | wann einreichen | wann abgeben | wann muss | wann müssen |
        spätestens | deadline | deadlines | due date | closing date | by when | until when |
        when is the deadline | when do we have to | last day | son tarih | son başvuru |
        ne zamana kadar | ne zaman son | kaça kadar | hangi tarihe kadar | آخر موعد |
        الموعد النهائي | حتى متى | لحد امتى | لغاية متى | موعد التقديم | آخر يوم | срок |
        сроки | дедлайн | до какого | до какого числа | крайний срок | когда подавать |
        когда нужно подать | до коли | до якого | до якого числа | кінцевий термін |
        строк | строки | коли подавати | termin składania | do kiedy | ostateczny termin |
        kiedy trzeba złożyć | scadenza | scadenze | entro quando | fino a quando |
        termine ultimo | quando scade | مهلت | ضرب‌الاجل | ضرب الاجل | تا کی | تا چه تاریخی |
        آخرین مهلت | کی تموم | کی تمام""",
    "amount": """
        wie viel | wieviel | wie hoch | höhe | betrag | summe | maximal | höchstens |
        höchstbetrag | euro | eur | how much | how many euros | amount | maximum | max |
        up to how much | ne kadar | kaç euro | kaç avro | miktar | tutar | en fazla |
        azami | kaç para | كم | كم المبلغ | المبلغ | قيمة الدعم | الحد الأقصى | أقصى مبلغ |
        يورو | сколько | какая сумма | сумма | максимум | максимально | евро | скільки |
        яка сума | сума | максимально | євро | ile pieniędzy | ile euro | ile kasy |
        ile maksymalnie | ile dostaniemy | jaka kwota | kwota |
        maksymalnie | do jakiej kwoty | quanto | quanti soldi | quanti euro | importo |
        somma | massimo | al massimo | fino a quanto | چقدر | چه مقدار | مبلغ | حداکثر |
        سقف | یورو""",
    "eligibility": """
        wer darf | dürfen wir | duerfen wir | darf unser | dürfen auch |
        voraussetzung | voraussetzungen | bedingungen | berechtigt | antragsberechtigt |
        wer wird gefördert | who can apply | who may apply | who is eligible | eligible |
        eligibility | requirements | conditions | are we allowed | can we apply |
        kimler başvurabilir |
        kim başvurabilir | başvurabilir miyiz | şartlar | şartları | koşullar | koşulları |
        uygun muyuz | من يحق | يحق لنا | هل يحق | الشروط | شروط | من يستطيع التقديم |
        кто может подать | можем ли мы подать | условия | требования | имеем ли |
        хто може подати | чи можемо ми подати | умови | вимоги | kto może złożyć |
        czy możemy złożyć | warunki | wymagania | uprawniony | chi può fare domanda |
        possiamo fare domanda | requisiti | condizioni | ammessi | چه کسی می‌تواند درخواست |
        چه کسانی | شرایط | واجد شرایط | می‌توانیم درخواست""",
}


def _compile() -> dict[Facet, tuple[tuple[str, ...], ...]]:
    out: dict[Facet, tuple[tuple[str, ...], ...]] = {}
    for facet, text in _CUES.items():
        cues = {tuple(tokens(c)) for c in text.split("|")}
        out[facet] = tuple(sorted((c for c in cues if c), key=len, reverse=True))
    return out


CUES: Final = _compile()
# single-word cues say which fact, not which entry: the matcher weighs them like frames
CUE_TOKENS: Final[frozenset[str]] = frozenset(
    c[0] for cs in CUES.values() for c in cs if len(c) == 1
)


def detect_facet(words: Sequence[str]) -> Facet | None:
    """The facet whose cue comes first in the normalised words, or None."""
    best: tuple[int, Facet] | None = None
    for facet, cues in CUES.items():
        for cue in cues:
            at = _find(words, cue)
            if at is not None and (best is None or at < best[0]):
                best = (at, facet)
    return best[1] if best else None


def _find(words: Sequence[str], cue: tuple[str, ...]) -> int | None:
    n = len(cue)
    for i in range(len(words) - n + 1):
        if tuple(words[i : i + n]) == cue:
            return i
    return None
