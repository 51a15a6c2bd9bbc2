"""The intent detector: small talk alone, the bot's own features anywhere, questions left alone."""

from pathlib import Path

import pytest

from bot.ask.intents import IntentDetector, default_detector
from bot.config import REPO_ROOT
from bot.knowledge.intents import load_intents
from bot.matching.matcher import Matcher


@pytest.fixture(scope="module")
def detector(knowledge) -> IntentDetector:
    matcher = Matcher.from_knowledge(knowledge)
    return IntentDetector(load_intents(REPO_ROOT / "knowledge"), matcher.answers)


def _id(detector: IntentDetector, text: str) -> str | None:
    found = detector.detect(text)
    return found.id if found else None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Hallo", "greeting"),
        ("hallo zusammen 👋", "greeting"),
        ("Hi there!", "greeting"),
        ("Merhabalar", "greeting"),
        ("سلام", "greeting"),
        ("السلام عليكم", "greeting"),
        ("Здравствуйте!", "greeting"),
        ("Привіт", "greeting"),
        ("Dzień dobry", "greeting"),
        ("Buongiorno a tutti", "greeting"),
        ("سلام وقت بخیر", "greeting"),
        ("Danke!", "thanks"),
        ("Dankeschön, hat mir echt weitergeholfen", "thanks"),
        ("thx a lot", "thanks"),
        ("Çok teşekkür ederim", "thanks"),
        ("شكراً جزيلاً", "thanks"),
        ("Спасибо большое!", "thanks"),
        ("Дякую", "thanks"),
        ("Dzięki!", "thanks"),
        ("Grazie mille", "thanks"),
        ("خیلی ممنون", "thanks"),
        ("Tschüss, schönen Abend noch", "goodbye"),
        ("ok bye", "goodbye"),
        ("Görüşürüz", "goodbye"),
        ("مع السلامة", "goodbye"),
        ("До свидания", "goodbye"),
        ("Do zobaczenia", "goodbye"),
        ("Arrivederci", "goodbye"),
        ("خداحافظ", "goodbye"),
        ("Wer bist du und was kannst du?", "about_bot"),
        ("what can you do?", "about_bot"),
        ("Sen kimsin?", "about_bot"),
        ("Что ты умеешь?", "about_bot"),
        ("Du bist ein dummer Bot", "insult"),
        ("you are useless", "insult"),
        ("Sei un bot inutile", "insult"),
    ],
)
def test_small_talk_alone_is_an_intent(detector, text, intent):
    assert _id(detector, text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "Hallo, wie viel zahlt der Ausländerbeirat?",
        "Danke! Und bis wann läuft die WIR-Frist?",
        "Hi, where can we find a room for our association's meetings?",
        "Merhaba, Ausländerbeirat'tan dernek için ne kadar destek alabiliriz?",
        "مرحبا، كيف نؤسس جمعية مسجلة e.V.؟",
        "Привет, где найти помещение для ферайна?",
        "Дякую! А який строк подачі заявки WIR?",
        "Cześć, ile daje Ausländerbeirat na projekt?",
        "Grazie! E chi finanzia una festa interculturale?",
        "سلام، برای جشن انجمن از کجا پول بگیریم؟",
    ],
)
def test_a_greeting_or_thanks_with_a_question_is_a_question(detector, text):
    assert detector.detect(text) is None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Wir möchten unseren Verein in euer Verzeichnis aufnehmen lassen", "register_org"),
        ("How do we get our association listed in your directory?", "register_org"),
        ("Derneğimizi listenize eklemek istiyoruz", "register_org"),
        ("Хотим внести наше объединение в ваш справочник", "register_org"),
        ("Ich muss die Kontaktperson in unserem Eintrag ändern", "update_org"),
        ("can I update our club's listing?", "update_org"),
        ("Erinnere mich bitte an die Frist", "reminders"),
        ("Hallo, könnt ihr mich an das nächste ACK-Treffen erinnern?", "reminders"),
        ("Напомните мне о встрече", "reminders"),
        ("ricordami la scadenza", "reminders"),
        ("Was habt ihr über mich gespeichert?", "my_data"),
        ("what data do you store about me?", "my_data"),
        ("Bitte löscht meine Daten", "delete_data"),
        ("delete my data please", "delete_data"),
        ("Видаліть мої персональні дані", "delete_data"),
        ("لطفاً همه اطلاعات من رو پاک کنید", "delete_data"),
        ("Kannst du auf Türkisch weiterschreiben?", "language"),
        ("Can we switch to English please?", "language"),
        ("Zmienić język", "language"),
        ("Ich möchte mit einem Menschen von der Koordinierungsstelle sprechen", "contact_office"),
        ("Is there a real person I could talk to?", "contact_office"),
        ("Wie ist der Stand unseres Antrags beim Ausländerbeirat?", "application_status"),
        ("Any news on our application? We sent it two months ago.", "application_status"),
        ("Başvurumuzun durumu nedir?", "application_status"),
        ("Что с нашей заявкой? Ответа до сих пор нет", "application_status"),
    ],
)
def test_the_bots_own_features_are_intents_wherever_they_stand(detector, text, intent):
    assert _id(detector, text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "Wie gründen wir einen eingetragenen Verein?",
        "how do we register an e.V.?",
        "Dernek nasıl kurulur, Vereinsregister'e kayıt nasıl olur?",
        "Wie viel Geld gibt der Ausländerbeirat für Projekte?",
        "Was muss im WIR-Antrag stehen?",
        "Wo bekommen wir Geld für unser Sommerfest?",
        "Курсы немецкого для тех, у кого нет права на интеграционный курс",
        "Ми проводимо уроки німецької мови для дітей, хто підтримує?",
        "Welche Sprachkurse fördert die Stadt?",
    ],
)
def test_questions_about_the_knowledge_base_are_not_features(detector, text):
    assert detector.detect(text) is None


def test_an_intent_carries_what_the_reply_needs(detector):
    register = detector.detect("Tragt uns bitte in euer Verzeichnis ein")
    assert register is not None
    assert (register.kind, register.command, register.handover) == ("feature", "register", False)
    status = detector.detect("What is the status of our application?")
    assert status is not None
    assert (status.kind, status.handover) == ("handover", True)
    hello = detector.detect("Hallo!")
    assert hello is not None
    assert (hello.kind, hello.command) == ("smalltalk", "start")


def test_features_come_first_in_file_order(detector):
    # "meine Daten" (my_data) and "Daten löschen" (delete_data): deleting is what is asked
    assert _id(detector, "Bitte lösch alles, was du über mich hast.") == "delete_data"


def test_nothing_to_detect():
    detector = default_detector()
    for text in ("", "   ", "🙂", "???", "12345"):
        assert detector.detect(text) is None


def test_without_a_matcher_small_talk_is_still_recognised():
    assert default_detector().detect("Guten Morgen!").id == "greeting"  # type: ignore[union-attr]
    assert Path(REPO_ROOT / "knowledge" / "intents.toml").is_file()


@pytest.mark.parametrize(
    "text",
    [
        "Ist unser Förderantrag eigentlich schon bearbeitet worden?",
        "Seit sechs Wochen keine Rückmeldung zu unserem Antrag beim Kulturamt.",
        "Has our application to the Kulturamt been processed yet?",
        "Did you get the forms we emailed last week?",
        "Gönderdiğimiz evraklar elinize ulaştı mı?",
        "قدمنا الطلب من ثلاث أشهر ولسا ما وصلنا رد",
        "Деньги так и не пришли, хотя проект одобрили",
        "Ми надіслали заявку, досі тиша",
        "Wysłaliśmy wniosek miesiąc temu i nadal nic",
        "Avete ricevuto la nostra domanda di contributo?",
        "درخواست ما در چه مرحله‌ای است؟",
        "Есть какие-нибудь новости по нашей заявке в Kulturamt?",
        "Одобрили нашу заявку на WIR?",
        "Когда нам наконец перечислят деньги по проекту?",
        "درخواستمون برای WIR به کجا رسید؟",
        "طرح ما تایید شد یا نه؟",
        "سه هفته‌ست منتظر جوابیم",
        # a request to the office itself, unanswered
        "Писала вам на прошлой неделе насчёт зала, ответа так и нет",
        "Bürodan oda için yardım istemiştim, yazdım ama dönüş olmadı",
        "We emailed the office about a room and never heard back",
        "برای سالن به دفتر پیام دادیم ولی جوابی نگرفتیم",
        "راسلت المكتب عن قاعة وما جاني رد",
        "Коли нарешті прийдуть гроші за наш проєкт?",
    ],
)
def test_status_questions_are_said_in_many_ways(detector, text):
    # a meaning (our application + arrived / decided / still nothing), not one wording
    assert _id(detector, text) == "application_status"


@pytest.mark.parametrize(
    "text",
    [
        "Wie lange dauert es, bis über einen Antrag entschieden wird?",
        "Wo bekommen wir die Unterlagen für den Antrag?",
        "Unser Antrag wurde bewilligt – was müssen wir beim Verwendungsnachweis beachten?",
        "What documents do we need to submit with our application?",
        "Can we still apply for this year's funding?",
        "Where can we get money for our summer party?",
        "Karar ne kadar sürede verilir?",
        "Сколько времени рассматривается заявка?",
        "Можно ли получить документы на русском?",
        "Ile trwa rozpatrzenie wniosku?",
        "Quanto tempo ci vuole per avere una risposta alla domanda?",
        "بعد از تأیید پروژه پول کی واریز می‌شود؟",
        "Когда придут деньги, если проект одобрят?",
        "Какие новости в программе WIR?",
        "آیا پروژه ما شرایط دارد یا نه؟",
        "اگر درخواست رد شد چه کار کنیم؟",
        "Как поменять адрес общества в Vereinsregister?",
        "كيف نغير رئيس الجمعية في سجل الجمعيات؟",
        "دفتر هماهنگی کجاست و با کی صحبت کنم؟",
        "Коли прийдуть гроші, якщо нам схвалять проєкт?",
        "Where can I send my request for a room?",
        "انجمن باید مدارک را چند سال نگه دارد و بعد پاک کند؟",
        "هل يتم قبول طلب جمعية غير مسجلة أم لا؟",
        "Нас 40 человек, с чего начать?",
        "Правда ли, что земля даёт деньги на миниджоб, и кто поможет с заявкой?",
        "Hessen'de WIR başvurularını kim inceleyip onaylıyor?",
    ],
)
def test_questions_about_the_procedure_are_not_status_questions(detector, text):
    assert detector.detect(text) is None


def test_a_phrase_is_said_within_one_sentence(detector):
    # "registered … with … you" spread over a story is not "register with you"
    story = (
        "Hi. I'm on the board of an association in Wiesbaden, registered for four years. "
        "We help new arrivals with paperwork. A lady told us the city has an integration "
        "plan that you must fit into. What does it mean for our application?"
    )
    assert detector.detect(story) is None
    assert _id(detector, "Can we register with you?") == "register_org"


def test_a_wish_closes_a_thanks_without_making_it_a_goodbye(detector):
    assert _id(detector, "Дякую, гарного дня!") == "thanks"
    assert _id(detector, "Danke, schönen Tag noch") == "thanks"
    assert _id(detector, "Гарного дня!") == "goodbye"
    assert _id(detector, "Tschüss, schönen Abend noch") == "goodbye"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Bist du ein echter Mensch?", "about_bot"),  # asks about the bot …
        ("Ты живой человек или программа?", "about_bot"),
        ("Sen gerçek bir insan mısın?", "about_bot"),
        ("Can I talk to a real person please?", "contact_office"),  # … or wants one
        ("Хочу поговорить с живым человеком", "contact_office"),
        ("Con chi sto parlando?", "about_bot"),
        ("خیلی ممنونم از راهنمایی‌تون", "thanks"),  # a filler with an ending
        ("Allah razı olsun, çok sağ olun", "thanks"),
        ("Please erase all my information", "delete_data"),
        ("ممكن تجاوبني بالعربي؟", "language"),
        ("Kannst du mir vor der nächsten Frist Bescheid geben?", "reminders"),
    ],
)
def test_what_a_message_means_not_one_of_its_words(detector, text, intent):
    assert _id(detector, text) == intent


def test_a_question_about_whom_to_talk_to_is_not_a_handover(detector):
    text = "Gibt es jemanden bei der Stadt, mit dem wir über Räume sprechen können?"
    assert detector.detect(text) is None
    assert _id(detector, "Kann ich bitte mit jemandem sprechen?") == "contact_office"


@pytest.mark.parametrize(
    "text",
    [
        "Где нам взять деньги на наш летний праздник?",  # "где наши деньги?" is a status
        "Gdzie dostaniemy pieniądze na nasz festyn?",
        "Де знайти гроші на наш проєкт?",
        "Where can our club get money?",
        "We still have no money for our festival, who can help?",  # a need, not a status
        "У нас до сих пор нет денег на праздник, кто поможет?",
        "Ми досі не маємо грошей на свято, хто допоможе?",
        "هنوز برای جشن پول نداریم، چه کسی کمک می‌کند؟",
        "How long do we have to wait for a decision after applying?",
        "Сколько обычно ждать решения по заявке WIR?",
        "Ile trzeba czekać na decyzję w sprawie wniosku?",
        "Quanto tempo bisogna aspettare la decisione sulla domanda?",
        "معمولاً چقدر باید منتظر جواب درخواست بود؟",
    ],
)
def test_asking_for_money_or_about_waiting_times_is_a_question(detector, text):
    assert detector.detect(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Где наши деньги? Проект одобрили ещё летом",
        "Wir warten immer noch auf die Entscheidung zu unserem WIR-Antrag.",
        "We're still waiting for a decision on our WIR application.",
        "ننتظر الرد على طلبنا منذ شهرين",
        "Czekamy na odpowiedź w sprawie naszego wniosku",
        "Quando sapremo se la domanda è stata approvata?",
    ],
)
def test_waiting_for_our_own_application_is_a_status_question(detector, text):
    assert _id(detector, text) == "application_status"


def test_no_trigger_of_the_knowledge_base_is_taken_for_an_intent(detector, knowledge):
    # triggers are how people ask the knowledge base: a phrase of the intents file that
    # claims one of them would swallow such questions ("месса на родном языке" is no
    # request to change the language, "wer bearbeitet WIR-Anträge" no status question)
    claimed = [
        (entry.id, lang, trigger, found.id)
        for entry in knowledge.entries.values()
        for lang, text in entry.texts.items()
        for trigger in text.triggers
        if (found := detector.detect(trigger)) is not None
    ]
    assert claimed == []


def test_a_word_written_exact_matches_no_other_ending(detector):
    assert _id(detector, "Hakkımda ne kaydettiniz?") == "my_data"
    assert detector.detect("Başvuruda entegrasyon hakkında ne yazmalı?") is None
    assert _id(detector, "Verilerimi görebilir miyim?") == "my_data"
    assert detector.detect("Belediyede göçmen dernekleri hakkında veriler var mı?") is None


@pytest.mark.parametrize(
    "text",
    [
        # what happened before is the story, not the request
        "Wir haben letztes Jahr einen Antrag beim Ausländerbeirat gestellt und Geld bekommen. "
        "Jetzt wollen wir ein neues Projekt machen. Wie viel können wir diesmal beantragen?",
        "В прошлом году мы подали заявку и получили деньги от города. Теперь нужно "
        "отчитаться. Что должно быть в отчете?",
        "W zeszłym roku złożyliśmy wniosek i dostaliśmy pieniądze. Teraz chcemy zrobić nowy "
        "projekt. Gdzie jeszcze możemy złożyć wniosek?",
        "پارسال درخواست دادیم و کمک گرفتیم. امسال پروژه جدیدی می‌خواهیم. به کجای دیگر "
        "می‌توانیم درخواست بدهیم؟",
        "Ich erinnere mich, dass es mal ein Treffen der Migrantenvereine gab. Wann ist das "
        "nächste AMIN-Treffen?",
        "We talked to a real person at the Jobcenter but they couldn't help. Who supports "
        "migrant associations with funding?",
        "Mein Deutsch ist nicht so gut, deshalb schreibe ich auf Türkisch. Wir suchen einen "
        "Raum für unsere Treffen. Wo finden wir einen?",
    ],
)
def test_what_a_story_tells_is_not_a_request(detector, text):
    assert detector.detect(text) is None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("این ربات به چه دردی میخوره؟", "about_bot"),
        ("شماره تلفن انجمنمون عوض شده، تو فهرستتون درستش کنید", "update_org"),
        ("دیتامو پاک کنید", "delete_data"),
        ("اطلاعات شخصیمو بهم نشون بده", "my_data"),
        ("می‌خوام با کسی از دفتر هماهنگی صحبت کنم", "contact_office"),
        ("بدي عدل عنوان جمعيتنا بالدليل", "update_org"),
        ("شو مكتوب عن جمعيتنا عندكم؟", "update_org"),
        ("امسحوا معلوماتي", "delete_data"),
        ("في شخص حقيقي بالمكتب احكي معه؟", "contact_office"),
        ("Dernek adresimizi ve telefon numaramızı değiştirmek istiyoruz", "update_org"),
        ("Поменяйте, пожалуйста, телефон нашего общества в вашем справочнике", "update_org"),
    ],
)
def test_spoken_persian_dialect_arabic_and_everyday_requests(detector, text, intent):
    assert _id(detector, text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("چطوری؟", "greeting"), ("سلام چطوری؟", "greeting"), ("چطوری برای جشن پول بگیریم؟", None)],
)
def test_a_question_word_greets_alone_and_asks_before_a_question(detector, text, intent):
    # spoken Persian "چطوری" is "how are you" on its own and "how" in front of a question
    assert _id(detector, text) == intent
