"""Network meetings and program deadlines: catalog, occurrences, reminders, calendar export.

catalog.py      load + validate knowledge/events/ (raises bot.knowledge.KnowledgeError)
occurrences.py  expand catalog rules and coordinator dates into dated occurrences (pure)
clock.py        the injectable clock and wall-clock arithmetic across DST changes
reminders.py    JobQueue scheduling and delivery, the database as the source of truth
ics.py          iCalendar export (icalendar), with RRULE and VTIMEZONE
pages.py        what the bot says about dates and reminders (Reply builders, no I/O)
drafts.py       the coordinator's event draft: parsing and checking typed input (pure)
"""
