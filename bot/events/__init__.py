"""Events: network meetings, program deadlines, reminders and calendar files.

catalog.py, loader.py   knowledge/events/: load and validate (raises KnowledgeError)
occurrences.py          catalog rules and coordinators' dates as dated occurrences (pure)
desk.py                 the capability's shared state: catalog, clock, delivery lock
service.py              what a member follows and sees; the coordinators' dates
reminders.py            due reminders and change notices, sent at most once (via a Sender)
drafts.py               the coordinator's date draft: steps and typed input (pure)
pages.py, menus.py,     what the bot says: reminders and notices; the members' pages;
admin_pages.py          the coordinators' date desk (Reply builders)
ics.py, cli.py          calendar files; `python -m bot events` and `ics`
"""

from bot.core.callbacks import CallbackData


class Reminders(CallbackData, prefix="rm"):
    """The member's reminder pages: home, leads (reminder times), ics (calendar file)."""

    page: str


class FollowTarget(CallbackData, prefix="rm:t"):
    """Follow or stop following a network, a program, or everything ("*")."""

    target: str


class Lead(CallbackData, prefix="rm:l"):
    """Add or remove a reminder time."""

    lead: str


class Remind(CallbackData, prefix="remind"):
    """A program page's "remind me of the deadline"."""

    entry: str


class Unremind(CallbackData, prefix="unremind"):
    entry: str


class EventPage(CallbackData, prefix="evd"):
    event: str


class EventCalendar(CallbackData, prefix="evi"):
    event: str


class Desk(CallbackData, prefix="eva"):
    """The coordinators' date desk: menu, add, allday, skip, back, x, save, cancel, yes."""

    action: str


class DeskEvent(CallbackData, prefix="eva:e"):
    """One of the coordinators' dates, to change or cancel."""

    event: int


class DeskSeries(CallbackData, prefix="eva:s"):
    """The series of a new date ("-": a date with its own title)."""

    series: str


class DeskField(CallbackData, prefix="eva:f"):
    """Change the day, time, place or note."""

    field: str


REMINDERS_HOME, LEAD_TIMES, MY_CALENDAR = (Reminders(p) for p in ("home", "leads", "ics"))
