"""Question frames: the words that shape a question but do not say what it is about.

"Wo bekommen wir …", "how can we …", "nasıl …", "كيف يمكننا …", "как нам …": interrogatives,
pronouns, auxiliaries and modal verbs, the all-purpose verbs (get, find, give, need), articles,
prepositions, politeness and greetings, in the nine languages. The matcher gives them no weight,
so the content words decide. Written as people write them; `FRAME_TOKENS` is their normalised
form (the matcher's tokens). A content word never belongs here ("Geld", "Raum", "Frist").
"""

from __future__ import annotations

from typing import Final

from bot.matching.normalize import tokens

_WORDS: Final = {
    "de": """
        nur kein keine keinen keiner keines nicht trotzdem einfach immer wieder erst
        bereits sondern etwa überhaupt ganz wirklich leider bisher jedoch eben halt sogar
        dann also
        wo wohin woher wie wer wen wem wessen was wann warum wieso weshalb welche welcher
        welches welchen welchem ob gibt gibts gibt's es ich du er sie wir ihr uns unser unsere
        unseren unserem unserer unseres mein meine meinen meinem meiner man mir mich dich dir
        euch euer eure der die das den dem des ein eine einen einem einer eines und oder aber
        auch noch schon mal denn doch bitte danke hallo hi hey moin servus guten tag morgen abend
        grüß gott liebe lieber kann können könnt könnte könnten konnen kannst darf dürfen
        durfen muss müssen mussen soll sollen sollte will wollen möchte möchten mochten
        würde würden hätte hätten habe haben hat hast bin bist ist sind seid war waren
        wird werden bekommen bekommt kriegen kriegt erhalten gehen geht machen
        macht tun brauchen brauche braucht für fur mit
        von vom zu zum zur bei beim im in an am auf aus nach über um so sehr gerne gern etwas
        jemand jemanden irgendwo irgendwie hier da dort dafür dazu damit mehr viele alle
        eigentlich genau kurz alles nichts irgendein irgendeine irgendwelche frage fragen
        weiß wissen gerade jetzt""",
    "en": """
        only not no even yet though anyway actually already too simply still ever never
        where who whom whose what when why how which whether is are am was were be been being
        there here it its i me my mine we us our ours you your he she they them their a an the
        and or but also still already please thanks thank hello hi hey dear good morning evening
        can could may might must shall should will would do does did have has had get gets
        got getting give gives go need needs want wants wanted
        anyone anybody someone somebody something any some for with from to of in on at by
        about into as so very just really much many more this that these those if then
        know tell question questions ok okay everything anything nothing exactly""",
    "tr": """
        bulunur uygun
        sadece yalnızca bile yine hala hâlâ değil hiç artık zaten sadece ama fakat ancak
        nerede nereden nereye nasıl nasil ne neden niye kim kime kimden kimin hangi hangisi
        mi mı mu mü misin miyiz midir var yok mı? ben sen o biz siz onlar bizim sizin benim
        bize bana bizi için icin ile ve veya ya da de da ki bu şu bir çok daha en lütfen
        lutfen teşekkürler tesekkurler teşekkür sağol sagol merhaba selam selamlar iyi günler
        abi hocam olabilir olur alabiliriz alabilir alırım alirim
        yapabiliriz yapabilir yapmamız gerek gerekiyor lazım lazim istiyoruz istiyorum
        ihtiyacımız ihtiyacimiz almak vermek verir veriyor
        mısınız misiniz acaba hakkında hakkinda bilgi soru
        olmak olunur veren verenler verecek verebilir verebilecek neresi
        böyle öyle şöyle bunu buna bunun bunlar bunları şu""",
    "ar": """
        فقط حتى لا ليس كمان أيضا ايضا أيضاً لسا لسه بعد كذلك
        أين وين فين من مين ماذا ما شو ايش إيش متى امتى لماذا ليش كيف كيفية كيفاش هل أي
        أنا انا نحن احنا إحنا نحنا أنت انت أنتم انتم هو هي هم لنا لي لكم نا في على إلى الى
        عن مع و أو او أم ثم لكن بس هذا هذه ذلك تلك هناك هنا يوجد فيه في؟ لو إذا اذا
        يمكن يمكننا ممكن نقدر بنقدر نستطيع أستطيع استطيع نحتاج بحاجة نريد بدنا بدي أريد
        اريد عايزين نبغى نحصل أحصل احصل الحصول نعمل نسوي يعطي يعطينا
        شكرا شكراً مرحبا مرحباً أهلا اهلا السلام عليكم صباح الخير مساء لو سمحت من فضلك
        رجاء أرجو سؤال عندي عندنا لدينا ماهو ماهي الخاص الخاصة""",
    "ru": """
        только не даже всё все просто вообще всё-таки все-таки ведь тогда ни никак ли
        где куда откуда как кто кого кому что чем когда почему зачем какой какая какое
        какие каких ли можно нельзя есть нет я ты он она мы вы они нам нас наш наша наше
        наши нашего нашей нашему нашим мне меня мой моя моё мои вам вас ваш и или а но
        тоже уже ещё еще в во на с со к ко по о об от до для за из у при про это этот эта
        эти тот та то такой пожалуйста спасибо привет здравствуйте добрый день вечер утро
        могу можем может могут мог могли нужно нужен нужна нужны надо хотим хочу хотели
        бы получить получать взять брать дать даёт дает
        сделать делать будет быть был была подскажите скажите вопрос кто-нибудь где-то
        какой-то какая-то какие-то что-то
        стать станем стали
        каким какому какую каком какого какими каков какова каково который которая
        которое которые которых которым которому которую котором кем ком чего чему чём
        такая такое такие такого таких такую этого этому этой этих эту""",
    "uk": """
        тільки лише не навіть все просто взагалі ж адже тоді ні
        де куди звідки як хто кого кому що чим коли чому навіщо який яка яке які яких чи
        можна не є немає я ти він вона ми ви вони нам нас наш наша наше наші нашого нашої
        нашому нашим мені мене мій моя моє мої вам вас ваш і й або а але теж вже ще в у
        на з із зі к до по про від для за при це цей ця ці той та то такий будь ласка
        дякую привіт вітаю добрий день вечір ранок можу можемо може можуть міг могли
        потрібно потрібен потрібна треба хочемо хочу хотіли б отримати взяти брати
        дати дає зробити робити буде бути був була
        підкажіть скажіть питання хтось десь якийсь якась якесь якісь щось
        яким якому яку якій якого якими котрий котра котре котрі ким чого чому
        таке така такі такого таких цього цієї цю""",
    "pl": """
        tylko nawet jednak po prostu w ogóle właśnie przecież wtedy ani
        gdzie skąd dokąd jak kto kogo komu co czym kiedy dlaczego czemu jaki jaka jakie
        jakich który która które czy można nie jest są ja ty on ona my wy oni nam nas nasz
        nasza nasze naszego naszej naszemu naszym mi mnie mój moja moje wam was wasz i lub
        albo a ale też także już jeszcze w we na z ze do po o od dla za przy u to ten ta te
        tego taki proszę dziękuję dzięki cześć dzień dobry witam mogę możemy może mogą
        moglibyśmy można potrzebujemy potrzebuję trzeba chcemy chcę chcielibyśmy dostać
        otrzymać wziąć dać daje zrobić robić będzie być był
        była pytanie ktoś gdzieś się sie jakiś jakieś jakaś jakichś coś cos
        chodzi tym""",
    "it": """
        solo soltanto non pure comunque proprio mai già ma però
        dove dov da chi cosa che cos quando perché perche come quale quali quanto se è e ed
        o oppure ma anche già ancora io tu lui lei noi voi loro ci ce ne mi ti vi nostro
        nostra nostri nostre mio mia miei vostro il lo la i gli le un uno una un' di del
        dello della dei degli delle a al allo alla ai agli alle da dal dalla in nel nella
        nei su sul sulla per con tra fra questo questa quello quella c c'è ce sono siamo
        per favore grazie ciao buongiorno buonasera salve posso possiamo può puo possono
        potremmo potrei dobbiamo devo deve vogliamo voglio vorremmo serve servono abbiamo
        bisogno ottenere avere prendere dare dà fare qualcuno
        qualcosa domanda sapere qualche""",
    "fa": """
        فقط حتی نه اصلا اصلاً هنوز دیگه دیگر ولی پس
        کجا از کجا چطور چطوری چگونه کی چه چی چرا کدام کدوم آیا ایا من تو او ما شما آنها
        اونا ما را مان مون ماست برای برا با به در از و یا یا اینکه اما ولی هم هنوز این
        آن اون این‌ها یک یه است هست هستند هستیم بود می‌توانیم میتونیم می‌تونیم میشه
        می‌شود میشود می‌خواهیم میخوایم لازم داریم نیاز بگیریم بگیرم گرفتن کنیم کنیم
        کرد کنم بدهد میده میدن سلام درود ممنون مرسی متشکرم لطفا لطفاً خسته نباشید
        صبح بخیر سوال سؤال دارم داریم انجام بدی بدید بده بدین""",
}

FRAME_TOKENS: Final[frozenset[str]] = frozenset(
    tok for text in _WORDS.values() for word in text.split() for tok in tokens(word)
)
