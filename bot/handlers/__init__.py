"""register(app): the single routing table, in the order updates are tried."""

from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

PRIVATE = filters.ChatType.PRIVATE
NEW_MESSAGE = filters.UpdateType.MESSAGE  # edits of old messages are not new questions


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    from bot.handlers import (
        ask,
        broadcast,
        browse,
        coordinator,
        directory,
        directory_desk,
        errors,
        events_admin,
        fallback,
        inbox,
        language,
        menu,
        navigator,
        prepare,
        privacy,
        reminders,
        start,
        stats,
        survey,
    )

    # Group -1 sees every update first: remember the user and decide the locale once.
    app.add_handler(TypeHandler(Update, prepare.prepare_update), group=-1)

    app.add_handler(CommandHandler("start", start.start))
    app.add_handler(CommandHandler("help", start.show_help))
    app.add_handler(CommandHandler("language", language.show_languages))
    app.add_handler(CommandHandler("privacy", privacy.show_privacy))
    # Privacy and figures (issue 7). Their buttons come before any conversation so that a
    # follow-up or an erasure is answered even while the user is in the middle of one.
    app.add_handler(CommandHandler("mydata", privacy.send_my_data))
    app.add_handler(CommandHandler("deletemydata", privacy.ask_delete))
    app.add_handler(CallbackQueryHandler(privacy.confirm_delete, pattern=r"^del:"))
    app.add_handler(CallbackQueryHandler(stats.answer_followup, pattern=r"^fu:"))
    app.add_handler(CommandHandler("stats", stats.show_stats))
    app.add_handler(CommandHandler("gaps", stats.show_gaps))

    # Coordinator desk (issue 6); every handler re-checks the role. The /broadcast
    # conversation comes before the generic text and button handlers so its steps see the
    # coordinator's texts and bc: buttons first.
    app.add_handler(broadcast.conversation())
    app.add_handler(CommandHandler("grant", coordinator.grant_role))
    app.add_handler(CommandHandler("revoke", coordinator.revoke_role))
    app.add_handler(CommandHandler("inbox", coordinator.show_inbox))
    app.add_handler(CommandHandler("answer", coordinator.answer_command))

    # Meetings and deadlines (issue 5). The coordinators' /events conversation comes before the
    # free-text and catch-all handlers so its steps see their typed dates and eva: buttons.
    app.add_handler(events_admin.conversation())
    app.add_handler(CommandHandler("next", reminders.show_next))
    app.add_handler(CommandHandler("reminders", reminders.show_reminders))
    # menu:dates lists upcoming dates from the database, so it is answered here, before menu:.
    app.add_handler(CallbackQueryHandler(reminders.show_dates, pattern=r"^menu:dates$"))
    app.add_handler(CallbackQueryHandler(reminders.show_reminders, pattern=r"^rm:home$"))
    app.add_handler(CallbackQueryHandler(reminders.toggle_target, pattern=r"^rm:t:"))
    app.add_handler(CallbackQueryHandler(reminders.show_leads, pattern=r"^rm:leads$"))
    app.add_handler(CallbackQueryHandler(reminders.toggle_lead, pattern=r"^rm:l:"))
    app.add_handler(CallbackQueryHandler(reminders.send_my_calendar, pattern=r"^rm:ics$"))
    # remind:<entry_id> is the "remind me of the deadline" button of the program pages.
    app.add_handler(CallbackQueryHandler(reminders.remind_entry, pattern=r"^remind:"))
    app.add_handler(CallbackQueryHandler(reminders.unremind_entry, pattern=r"^unremind:"))
    app.add_handler(CallbackQueryHandler(reminders.show_event, pattern=r"^evd:"))
    app.add_handler(CallbackQueryHandler(reminders.send_event_calendar, pattern=r"^evi:"))

    # "Which programs fit us?" (issue 4): its conversation owns menu:fit and fit: buttons.
    app.add_handler(navigator.conversation())
    # The MO directory and the satisfaction survey (issue 7): their conversations take the
    # og: buttons and typed names, sv: answers and the typed suggestion before the catch-alls.
    app.add_handler(directory.conversation())
    app.add_handler(CommandHandler("myorg", directory.show_entry))
    app.add_handler(CallbackQueryHandler(directory.show_entry, pattern=r"^org:view$"))
    app.add_handler(CallbackQueryHandler(directory.ask_delete, pattern=r"^org:del$"))
    app.add_handler(CallbackQueryHandler(directory.delete_entry, pattern=r"^org:delyes$"))
    app.add_handler(CommandHandler("directory", directory_desk.show_directory))
    app.add_handler(CallbackQueryHandler(directory_desk.export_directory, pattern=r"^dir:"))
    app.add_handler(survey.conversation())
    app.add_handler(CommandHandler("survey", survey.show_survey))
    app.add_handler(CallbackQueryHandler(survey.show_results, pattern=r"^sq:res$"))
    app.add_handler(CallbackQueryHandler(survey.launch, pattern=r"^sq:go$"))
    app.add_handler(CallbackQueryHandler(menu.open_menu, pattern=r"^menu:"))
    app.add_handler(CallbackQueryHandler(language.choose_language, pattern=r"^lang:"))
    app.add_handler(CallbackQueryHandler(browse.show_topic, pattern=r"^t:"))
    app.add_handler(CallbackQueryHandler(browse.show_entry, pattern=r"^v:"))
    app.add_handler(CallbackQueryHandler(ask.pick_candidate, pattern=r"^c:"))
    app.add_handler(CallbackQueryHandler(ask.not_what_i_meant, pattern=r"^nm:"))
    # Hand-over: ho: asks whether to share the name, hn: passes the question on.
    app.add_handler(CallbackQueryHandler(inbox.offer_hand_over, pattern=r"^ho:"))
    app.add_handler(CallbackQueryHandler(inbox.hand_over, pattern=r"^hn:"))
    app.add_handler(CallbackQueryHandler(coordinator.cancel_broadcast, pattern=r"^bx:"))
    app.add_handler(CallbackQueryHandler(coordinator.save_suggestion, pattern=r"^kb:"))
    # bc: outside a running /broadcast: forged (refused and logged) or stale.
    app.add_handler(CallbackQueryHandler(coordinator.refuse_desk_button, pattern=r"^bc:"))
    # Any other callback data is stale or forged: refuse it politely.
    app.add_handler(CallbackQueryHandler(fallback.stale_button))

    # A reply to a question card is a coordinator's answer; any other reply is a question.
    app.add_handler(
        MessageHandler(
            PRIVATE & NEW_MESSAGE & filters.TEXT & ~filters.COMMAND & filters.REPLY,
            inbox.answer_reply,
        )
    )
    # Free text in a private chat is a question; commands were tried above.
    app.add_handler(
        MessageHandler(
            PRIVATE & NEW_MESSAGE & filters.TEXT & ~filters.COMMAND, ask.answer_question
        )
    )
    app.add_handler(
        MessageHandler(PRIVATE & NEW_MESSAGE & filters.COMMAND, fallback.unknown_command)
    )
    app.add_handler(MessageHandler(PRIVATE & NEW_MESSAGE & ~filters.TEXT, fallback.not_text))

    # Group 1, after the answer: whoever wrote is reachable again (a 403 in a broadcast left
    # them out) and their Telegram language is noted so broadcasts address them in it.
    app.add_handler(TypeHandler(Update, coordinator.note_reach), group=1)
    # Group 2: a new user's first update is followed by the short privacy notice (DSGVO
    # Art. 13), once; after the answer, so what they asked for comes first.
    app.add_handler(TypeHandler(Update, privacy.notice_first_contact), group=2)

    app.add_error_handler(errors.on_error)
