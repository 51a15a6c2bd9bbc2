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

from bot.ask import Candidate, NotMeant
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
from bot.browse import Topic, View
from bot.directory import ASK_DELETE, ASKING, DELETE, EDIT, NEW, VIEW, Export, Step
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
from bot.inbox import HandOver, SaveSuggestion, ShareName
from bot.navigator import ASKING as FIT_ASKING
from bot.navigator import Fit
from bot.privacy import Erase
from bot.roles import Grant
from bot.survey import LAUNCH, RESULTS, SurveyAnswer
from bot.survey import TEXT as SURVEY_TEXT


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
            entry=[command("broadcast", broadcast.start_broadcast)],
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
    app.add_handler(button(Candidate, ask.pick_candidate))
    app.add_handler(button(NotMeant, ask.not_what_i_meant))
    # Hand-over: ho: asks whether to share the name, hn: passes the question on.
    app.add_handler(button(HandOver, inbox.offer_hand_over))
    app.add_handler(button(ShareName, inbox.hand_over))
    app.add_handler(button(Stop, broadcast.stop_broadcast, coordinators=True))
    app.add_handler(button(SaveSuggestion, inbox.save_suggestion, coordinators=True))
    # bc: outside a running /broadcast: forged (refused and logged) or stale.
    app.add_handler(stale("bc", coordinators=True))
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
