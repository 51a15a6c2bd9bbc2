"""register(app): THE routing table — every command, button, conversation (with all its steps),
group and the error handler, in the order PTB tries them. No other module adds handlers.

`coordinators=True` declares the coordinator check of a route; routing.py enforces it on
every update (a /revoke takes effect at once, even inside a running conversation) and
refuses button data that does not parse as the route's kind. The /help text and Telegram's
command menu are derived from the commands declared here (`help=`, `menu=`).
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import TypeHandler

import bot.trainings as tk  # the trainings' button kinds and conversation states
from bot.ask import Candidate, Feature, KeepLanguage, NotMeant
from bot.broadcast import (
    AUDIENCE,
    AUDIENCE_BUTTON,
    CANCEL,
    CONFIRM,
    LATER,
    MENU,
    SEND_NOW,
    TEXT,
    WHEN,
    AudienceKind,
    DistrictMOs,
    LanguageToggle,
    Stop,
    Subscribers,
    TopicMOs,
    Version,
)
from bot.browse import More, Page, Topic, View, ViewIn
from bot.cooperations import CooperationAnswer, IntroAnswer, IntroDesk, Propose, ProposeShare
from bot.directory import ASK_DELETE, ASKING, DELETE, EDIT, NEW, VIEW, Export, FindPartner, Step
from bot.events import (
    LEAD_TIMES,
    MY_CALENDAR,
    REMINDERS_HOME,
    Desk,
    DeskEvent,
    DeskField,
    DeskSeries,
    EventCalendar,
    EventPage,
    FollowTarget,
    Lead,
    Remind,
    Unremind,
    drafts,
)
from bot.figures import FollowUp
from bot.handlers import (
    ask,
    broadcast,
    browse,
    cooperations,
    directory,
    errors,
    events,
    events_desk,
    figures,
    home,
    inbox,
    navigator,
    privacy,
    roles,
    session,
    survey,
    trainings,
    upkeep,
)
from bot.handlers.jobs import App
from bot.handlers.routing import (
    button,
    command,
    commands_of,
    flow,
    replied,
    stale,
    typed,
    unknown_command,
)
from bot.home import Language, Menu
from bot.i18n import N_, NC_
from bot.inbox import HandOver, SaveSuggestion, SendAnswer, ShareName
from bot.navigator import ASKING as FIT_ASKING
from bot.navigator import Fit, RuledOut
from bot.privacy import Erase
from bot.roles import Grant
from bot.survey import LAUNCH, RESULTS, SurveyAnswer
from bot.survey import TEXT as SURVEY_TEXT
from bot.upkeep import CANCEL as FIX_CANCEL
from bot.upkeep import CHOOSE as FIX_CHOOSE
from bot.upkeep import CONFIRM as FIX_CONFIRM
from bot.upkeep import SAVE as FIX_SAVE
from bot.upkeep import VALUE as FIX_VALUE
from bot.upkeep import YEAR as FIX_YEAR
from bot.upkeep import Fix, FixField, FixYear


def register(app: App) -> None:
    # Group -1 sees every update first: remember the user and decide the locale once.
    app.add_handler(TypeHandler(Update, session.prepare_update), group=-1)

    app.add_handler(
        command("start", home.start, help=NC_("command", "Start and main menu"), menu=True)
    )
    # "Which programs fit us?" (issue 4): its conversation owns menu:fit and the fit: buttons.
    app.add_handler(
        flow(
            "fit",
            entry=[
                command(
                    "fit",
                    navigator.start_check,
                    help=NC_("command", "Which programs fit us?"),
                    menu=True,
                ),
                button(Menu("fit"), navigator.start_check),
            ],
            steps={FIT_ASKING: [button(Fit, navigator.take_answer)]},
            cancel=[command("fit", navigator.start_check)],
            timeout_seconds=navigator.TIMEOUT_SECONDS,
            on_timeout=navigator.end_politely,
        )
    )
    app.add_handler(
        command("next", events.show_next, help=NC_("command", "My next dates"), menu=True)
    )
    app.add_handler(
        command(
            "reminders",
            events.show_reminders,
            help=NC_("command", "Reminders of dates"),
            menu=True,
        )
    )
    # The MO directory (issue 7): the conversation takes the og: buttons and the typed name
    # before the catch-alls.
    app.add_handler(
        flow(
            "register",
            entry=[
                command(
                    "register",
                    directory.start_registration,
                    help=NC_("command", "Register our organisation"),
                    menu=True,
                ),
                button(NEW, directory.start_registration),
                button(EDIT, directory.start_registration),
            ],
            steps={
                ASKING: [
                    button(Step, directory.take_button),
                    typed(directory.take_text),
                    typed(directory.take_other, text=False),
                ]
            },
            cancel=[command("cancel", directory.cancel)],
            timeout_seconds=directory.TIMEOUT_SECONDS,
            on_timeout=directory.end_politely,
        )
    )
    app.add_handler(
        command("myorg", directory.show_entry, help=NC_("command", "Our organisation's entry"))
    )
    app.add_handler(
        command("language", home.show_languages, help=NC_("command", "Change language"), menu=True)
    )
    app.add_handler(
        command(
            "privacy",
            privacy.show_privacy,
            help=NC_("command", "What is stored about you"),
            menu=True,
        )
    )
    # Privacy rights and follow-ups come before the other conversations' catch-alls so that
    # an erasure or a follow-up answer works even in the middle of one.
    app.add_handler(
        command(
            "mydata", privacy.send_my_data, help=NC_("command", "Get my stored data"), menu=True
        )
    )
    app.add_handler(
        command("deletemydata", privacy.ask_delete, help=NC_("command", "Delete my stored data"))
    )
    app.add_handler(
        command("help", home.show_help, help=NC_("command", "What I can do"), menu=True)
    )
    app.add_handler(button(Erase, privacy.confirm_delete))
    app.add_handler(button(FollowUp, figures.answer_followup))

    # The coordinator desk (issue 6). The /broadcast conversation comes before the free-text
    # and button catch-alls so that its steps see the coordinator's texts and bc: buttons.
    app.add_handler(
        flow(
            "broadcast",
            coordinators=True,
            entry=[
                command("broadcast", broadcast.start_broadcast),
                button(tk.Announce, broadcast.start_announcement),
            ],
            steps={
                TEXT: [typed(broadcast.take_text)],
                MENU: [
                    button(Version, broadcast.pick_version),
                    button(AUDIENCE_BUTTON, broadcast.ask_audience),
                ],
                AUDIENCE: [
                    button(AudienceKind, broadcast.pick_kind),
                    button(LanguageToggle, broadcast.toggle_language),
                    button(Subscribers, broadcast.pick_subscribers),
                    button(TopicMOs, broadcast.pick_mos),
                    button(DistrictMOs, broadcast.pick_mos),
                ],
                CONFIRM: [button(SEND_NOW, broadcast.send_now), button(LATER, broadcast.ask_time)],
                WHEN: [typed(broadcast.take_time)],
            },
            cancel=[
                button(CANCEL, broadcast.cancel_draft),
                command("cancel", broadcast.cancel_draft),
            ],
            timeout_seconds=broadcast.TIMEOUT_SECONDS,
        )
    )
    # Quick fixes (issue 15): the ✏️ button on an entry's page opens a guided correction of
    # an amount, a date or a German text; its typed values come before the catch-alls.
    fix_field = button(FixField, upkeep.pick_field)
    app.add_handler(
        flow(
            "fix",
            coordinators=True,
            entry=[button(Fix, upkeep.open_fixes), fix_field],  # a field of an older menu too
            steps={
                FIX_CHOOSE: [fix_field],
                FIX_VALUE: [typed(upkeep.take_value), fix_field],
                FIX_YEAR: [button(FixYear, upkeep.take_year), fix_field],
                FIX_CONFIRM: [button(FIX_SAVE, upkeep.save_fix), fix_field],
            },
            cancel=[button(FIX_CANCEL, upkeep.cancel), command("cancel", upkeep.cancel)],
            timeout_seconds=upkeep.TIMEOUT_SECONDS,
            on_timeout=upkeep.timed_out,
        )
    )
    app.add_handler(command("grant", roles.grant_role, coordinators=True))
    app.add_handler(button(Grant, roles.confirm_grant_role, coordinators=True))
    app.add_handler(command("revoke", roles.revoke_role, coordinators=True))
    app.add_handler(command("inbox", inbox.show_inbox, coordinators=True))
    app.add_handler(command("answer", inbox.answer_command, coordinators=True))
    app.add_handler(command("stats", figures.show_stats, coordinators=True))
    app.add_handler(command("gaps", figures.show_gaps, coordinators=True))
    app.add_handler(command("directory", directory.show_directory, coordinators=True))
    app.add_handler(button(Export, directory.export_directory, coordinators=True))
    app.add_handler(command("survey", survey.show_survey, coordinators=True))
    app.add_handler(button(RESULTS, survey.show_results, coordinators=True))
    app.add_handler(button(LAUNCH, survey.launch, coordinators=True))

    # Meetings and deadlines (issue 5). The coordinators' /events conversation comes before
    # the free-text and catch-all routes so that its steps see their typed dates.
    nav = [button(Desk("back"), events_desk.go_back), button(Desk("x"), events_desk.close)]
    desk_steps = {
        drafts.MENU: [
            button(Desk("add"), events_desk.start_add),
            button(DeskEvent, events_desk.pick_event),
        ],
        drafts.SERIES: [button(DeskSeries, events_desk.pick_series)],
        drafts.TITLE: [typed(events_desk.type_title)],
        drafts.DAY: [typed(events_desk.type_day)],
        drafts.TIME: [
            typed(events_desk.type_time),
            button(Desk("allday"), events_desk.leave_empty),
        ],
        drafts.PLACE: [
            typed(events_desk.type_place),
            button(Desk("skip"), events_desk.leave_empty),
        ],
        drafts.NOTE: [typed(events_desk.type_note), button(Desk("skip"), events_desk.leave_empty)],
        drafts.CONFIRM: [button(Desk("save"), events_desk.save_draft)],
        drafts.EVENT: [
            button(DeskField, events_desk.edit_field),
            button(Desk("cancel"), events_desk.ask_cancel),
        ],
        drafts.CANCEL: [button(Desk("yes"), events_desk.confirm_cancel)],
    }
    app.add_handler(
        flow(
            "event_desk",
            coordinators=True,
            refusal=N_("This is for the coordination office only."),
            entry=[
                command("events", events_desk.open_desk),
                button(Desk("menu"), events_desk.open_desk),
            ],
            steps={state: [*routes, *nav] for state, routes in desk_steps.items()},
            cancel=[command("cancel", events_desk.close), button(Desk("x"), events_desk.close)],
            timeout_seconds=events_desk.TIMEOUT_MINUTES * 60,
            on_timeout=events_desk.timed_out,
        )
    )
    # Trainings (issue 16): the coordinators' draft and the typed participant count come
    # before the free-text catch-all so that their steps see the typed values.
    app.add_handler(
        command(
            "trainings",
            trainings.show_trainings,
            help=NC_("command", "Trainings and workshops"),
            menu=True,
        )
    )
    draft_steps = {
        tk.KIND: [button(tk.DraftChoice, trainings.take_choice)],
        tk.TITLE: [typed(trainings.take_text), button(tk.DraftChoice, trainings.take_choice)],
        tk.DAY: [typed(trainings.take_text)],
        tk.TIME: [typed(trainings.take_text)],
        tk.PLACE: [typed(trainings.take_text)],
        tk.TOPIC: [button(tk.DraftChoice, trainings.take_choice)],
        tk.CAPACITY: [typed(trainings.take_text)],
        tk.DEADLINE: [typed(trainings.take_text)],
        tk.CONFIRM: [],
    }
    app.add_handler(
        flow(
            "training_draft",
            coordinators=True,
            entry=[button(tk.NEW, trainings.start_draft)],
            steps={
                state: [*routes, button(tk.DeskStep, trainings.take_step)]
                for state, routes in draft_steps.items()
            },
            cancel=[command("cancel", trainings.cancel_draft)],
            timeout_seconds=trainings.TIMEOUT_SECONDS,
            on_timeout=trainings.end_politely,
        )
    )
    # trm: is the coordinators' desk of one training; "enter a count" waits for a number.
    app.add_handler(
        flow(
            "training_count",
            coordinators=True,
            entry=[button(tk.Manage, trainings.manage)],
            steps={tk.COUNT: [typed(trainings.take_count)]},
            cancel=[
                button(tk.DeskStep("x"), trainings.cancel_draft),
                command("cancel", trainings.cancel_draft),
            ],
            timeout_seconds=trainings.TIMEOUT_SECONDS,
        )
    )
    app.add_handler(button(tk.TrainingList, trainings.show_trainings))
    app.add_handler(button(tk.TrainingPage, trainings.show_training))
    app.add_handler(button(tk.SignUp, trainings.sign_up))
    app.add_handler(button(tk.Withdraw, trainings.withdraw))
    app.add_handler(button(tk.Attend, trainings.toggle_attendance, coordinators=True))

    # Introductions between organisations (issue 16): double opt-in, then the follow-up.
    app.add_handler(button(FindPartner, cooperations.find_partners))
    app.add_handler(button(Propose, cooperations.pick_partner))
    app.add_handler(button(ProposeShare, cooperations.request_introduction))
    app.add_handler(button(IntroAnswer, cooperations.answer_introduction))
    app.add_handler(button(CooperationAnswer, cooperations.answer_cooperation))
    app.add_handler(command("introduce", cooperations.show_desk, coordinators=True))
    app.add_handler(button(IntroDesk, cooperations.desk_step, coordinators=True))

    # menu:dates lists upcoming dates from the database, so it is answered here, before menu:.
    app.add_handler(button(Menu("dates"), events.show_dates))
    app.add_handler(button(REMINDERS_HOME, events.show_reminders))
    app.add_handler(button(FollowTarget, events.toggle_target))
    app.add_handler(button(LEAD_TIMES, events.show_leads))
    app.add_handler(button(Lead, events.toggle_lead))
    app.add_handler(button(MY_CALENDAR, events.send_my_calendar))
    # remind:<entry> is the "remind me of the deadline" button of the program pages.
    app.add_handler(button(Remind, events.remind_entry))
    app.add_handler(button(Unremind, events.unremind_entry))
    app.add_handler(button(EventPage, events.show_event))
    app.add_handler(button(EventCalendar, events.send_event_calendar))

    # The satisfaction survey (issue 7): its conversation takes the sv: answers and the typed
    # suggestion before the catch-alls.
    app.add_handler(
        flow(
            "survey",
            entry=[button(SurveyAnswer, survey.take_scale)],
            steps={
                SURVEY_TEXT: [typed(survey.take_text), button(SurveyAnswer, survey.take_scale)]
            },
            timeout_seconds=survey.TIMEOUT_SECONDS,
            on_timeout=survey.end_politely,
        )
    )
    app.add_handler(button(VIEW, directory.show_entry))
    app.add_handler(button(ASK_DELETE, directory.ask_delete))
    app.add_handler(button(DELETE, directory.delete_entry))
    app.add_handler(button(Menu, home.open_menu))
    app.add_handler(button(Language, home.choose_language))
    app.add_handler(button(Topic, browse.show_topic))
    app.add_handler(button(View, browse.show_entry))
    # An office or glossary word named on a page opens in the page's language (vl:); v: from
    # older messages keeps working.
    app.add_handler(button(ViewIn, browse.show_entry_in))
    app.add_handler(button(Candidate, ask.pick_candidate))
    app.add_handler(button(NotMeant, ask.not_what_i_meant))
    # Under a page or an answer: its rest (mo:), another language's text (pg:); under a reply
    # in the question's language: keep that language (kl:); a feature offered to free text (ft:).
    app.add_handler(button(More, browse.show_more))
    app.add_handler(button(Page, browse.show_page))
    app.add_handler(button(KeepLanguage, ask.keep_language))
    app.add_handler(button(Feature, ask.run_feature))
    # Under a /fit result: the programs the answers rule out (fo:), after the check has ended.
    app.add_handler(button(RuledOut, navigator.show_ruled_out))
    # Hand-over: ho: asks whether to share the name, hn: passes the question on.
    app.add_handler(button(HandOver, inbox.offer_hand_over))
    app.add_handler(button(ShareName, inbox.hand_over))
    app.add_handler(button(Stop, broadcast.stop_broadcast, coordinators=True))
    app.add_handler(button(SaveSuggestion, inbox.save_suggestion, coordinators=True))
    # ax: an answer previewed with its machine translation: sent with or without it.
    app.add_handler(button(SendAnswer, inbox.send_answer, coordinators=True))
    # bc: outside a running /broadcast: forged (refused and logged) or stale.
    app.add_handler(stale("bc", coordinators=True))
    # The steps of a quick fix outside it (issue 15), likewise.
    app.add_handler(stale("fxy", coordinators=True))
    app.add_handler(stale("fxd", coordinators=True))
    # Any other callback data is stale or forged: refuse it politely.
    app.add_handler(stale(""))

    # A reply to a question card is a coordinator's answer; any other reply is a question.
    app.add_handler(replied(inbox.answer_reply))
    # Free text in a private chat is a question; commands were tried above.
    app.add_handler(typed(ask.answer_question))
    app.add_handler(unknown_command(home.unknown_command))
    app.add_handler(typed(home.not_text, text=False))

    # Group 1, after the answer: whoever wrote is reachable again (a 403 left them out) and
    # their Telegram language is noted so broadcasts address them in it.
    app.add_handler(TypeHandler(Update, session.note_reach), group=1)
    # Group 2: a new user's first update is followed by the short privacy notice (DSGVO
    # Art. 13), once; after the answer, so what they asked for comes first.
    app.add_handler(TypeHandler(Update, privacy.notice_first_contact), group=2)

    app.add_error_handler(errors.on_error)
    app.bot_data.commands = commands_of(app.handlers[0])
