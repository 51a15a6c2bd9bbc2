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

from bot.matching.normalize import tokens

Facet = Literal["deadline", "amount", "eligibility", "contact"]
FACETS: Final[tuple[Facet, ...]] = ("deadline", "amount", "eligibility", "contact")

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
        somma | massimo | al massimo | fino a quanto | wysokość | ile wynosi | چقدر |
        چه مقدار | مبلغ | حداکثر |
        سقف | یورو""",
    "eligibility": """
        wer darf | anspruch | antragsberechtigt | entitled | имеет право | имеют право |
        право на поддержку | мають право | має право | ma prawo | mają prawo | hakkı var |
        hakkımız var | يحق | ha diritto | hanno diritto | حق دارند | dürfen wir | duerfen wir |
        darf unser | dürfen auch | kann beantragen | können beantragen | kann sich bewerben |
        başvurabilir mi | может получить | может подать | можем получить |
        може отримати | може подати | можемо отримати | może dostać | może złożyć |
        può chiedere | possono chiedere | può ricevere | می‌تواند درخواست | میتونه درخواست |
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
        چه کسانی | شرایط | واجد شرایط | می‌توانیم درخواست |
        in frage kommen | kommen wir in frage | kämen wir in frage | gilt das auch für |
        nur für eingetragene | trotzdem beantragen | ohne eingetragenen verein |
        do we qualify | qualify for | are we eligible | does it also apply to |
        only for registered | even if we are not | open to groups | can an initiative apply |
        biz de alabilir miyiz | bizim için de geçerli mi | sadece kayıtlı | yararlanabilir miyiz |
        هل نستطيع التقديم | هل يمكننا التقديم | مؤهلين | مؤهلون | فقط للجمعيات المسجلة |
        подходим ли мы | можем ли мы участвовать | только для зарегистрированных |
        даже если мы не | распространяется ли | чи підходимо | чи можемо ми брати участь |
        лише для зареєстрованих | навіть якщо ми не | чи маємо ми право |
        czy się kwalifikujemy | czy możemy wziąć udział | czy nam przysługuje |
        tylko dla zarejestrowanych | nawet jeśli nie jesteśmy | czy możemy skorzystać |
        possiamo partecipare | rientriamo | siamo idonei | vale anche per |
        solo per associazioni iscritte | anche se non siamo | ما هم می‌توانیم |
        مناسب هستیم | فقط برای انجمن‌های ثبت‌شده | حتی اگر ثبت نشده |
        можно получить | можно ли получить | можно ли нам | кому положена | кому положен |
        кому положено | кому полагается | кому дают | получим ли |
        кто может получить | подходит ли | могут ли | можна отримати | чи можна отримати |
        кому належить | чи дадуть | хто може отримати | kimler yararlanabilir |
        kim yararlanabilir | kimler alabilir | kim alabilir | alabilir miyiz |
        kimlere verilir | kimlere veriliyor | uygun mu | şartı var mı | hakkımız var mı""",
    "contact": """
        ansprechpartner | ansprechpartnerin | ansprechperson | zuständig | zustaendig |
        an wen wenden | an wen können wir uns wenden | adresse | telefonnummer |
        öffnungszeiten | sprechzeiten | who is responsible | responsible office |
        contact person | whom do we contact | who do we contact | who should we contact |
        address | phone number | opening hours | kime başvur | kime başvurmalıyız |
        kimle görüş | sorumlu | iletişime geçe | iletişime geçm | iletişim bilgileri |
        nasıl ulaşa | nasıl ulaşı | ulaşabiliriz | kim danışmanlık |
        adresi | telefon numarası | çalışma saatleri | مين المسؤول |
        من المسؤول | الجهة المسؤولة | لمين نروح | إلى من نتوجه | العنوان | عنوانه | رقم الهاتف |
        مواعيد الدوام | к кому обращаться | к кому обратиться |
        как связаться | как с ними связаться | контакты | кто консультирует |
        куда обращаться | кто отвечает |
        ответственный | адрес | телефон | часы работы | до кого звертатися |
        до кого звернутися | куди звертатися | хто відповідає | відповідальний | адреса |
        години роботи | do kogo się zwrócić | do kogo zwrócić | kto odpowiada |
        odpowiedzialny | adres | numer telefonu | godziny otwarcia | a chi rivolgersi |
        a chi ci rivolgiamo | chi è responsabile | responsabile | indirizzo |
        numero di telefono | orari di apertura | به کی مراجعه | به چه کسی مراجعه | مسئول |
        مسئولش کیه | آدرس | شماره تلفن | ساعت کاری""",
}


PREFIX_MIN: Final = 4  # a cue word this long also matches its inflections ("tarih" ~ "tarihi")
MAX_GAP: Final = 2  # other words allowed between the words of a cue


def _compile() -> dict[str, list[tuple[tuple[str, ...], Facet]]]:
    """Cues indexed by their first word, longest first."""
    index: dict[str, list[tuple[tuple[str, ...], Facet]]] = {}
    for facet, text in _CUES.items():
        for cue in dict.fromkeys(tuple(tokens(c)) for c in text.split("|")):
            if cue:
                index.setdefault(cue[0], []).append((cue, facet))
    for cues in index.values():
        cues.sort(key=lambda c: -len(c[0]))
    return index


CUES: Final = _compile()
# single-word cues say which fact, not which entry: the matcher weighs them like frames
CUE_TOKENS: Final[frozenset[str]] = frozenset(
    first for first, cues in CUES.items() if any(len(c) == 1 for c, _ in cues)
)


def detect_facet(words: Sequence[str]) -> Facet | None:
    """The facet whose cue comes first in the normalised words, or None."""
    found = facet_span(words)
    return found[0] if found else None


def facet_span(words: Sequence[str]) -> tuple[Facet, int, int] | None:
    """The first cue in the words: its facet, and where it starts and ends."""
    found = facet_cue(words)
    return (found[0], found[1][0], found[1][-1] + 1) if found else None


def facet_cue(words: Sequence[str]) -> tuple[Facet, tuple[int, ...]] | None:
    """The first cue in the words: its facet, and the positions of the words that say it
    (not the words between them: in "kimler Ausländerbeirat desteğine başvurabilir" the
    name is what the question is about)."""
    for i, word in enumerate(words):
        firsts = [word[:n] for n in range(len(word), PREFIX_MIN - 1, -1)]
        if len(word) < PREFIX_MIN:
            firsts = [word]
        for first in firsts:
            for cue, facet in CUES.get(first, ()):
                said = _matches(words, i, cue)
                if said is not None:
                    return facet, said
    return None


def _matches(words: Sequence[str], i: int, cue: tuple[str, ...]) -> tuple[int, ...] | None:
    """The positions of the cue's words when the cue starts at word i, allowing up to
    MAX_GAP other words between them ("к кому в мэрии обращаться"), or None."""
    at = i
    said: list[int] = []
    for n, c in enumerate(cue):
        if n:
            window = range(at, min(at + MAX_GAP + 1, len(words)))
            at = next((j for j in window if _same(words[j], c)), -1)
            if at < 0:
                return None
        elif not _same(words[at], c):
            return None
        said.append(at)
        at += 1
    return tuple(said)


def _same(word: str, cue_word: str) -> bool:
    return word == cue_word or (len(cue_word) >= PREFIX_MIN and word.startswith(cue_word))
