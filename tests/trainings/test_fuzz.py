"""Forged, stale and malformed buttons of trainings and introductions: answered or refused,
never a crash, never a coordinator's action for a member."""

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.db.trainings import NewTraining
from tests.conftest import COORDINATOR_ID

MEMBER = 515151
PREFIXES = ["trn", "trs", "trw", "trd", "trc", "trm", "tra", "trb", "trl", "evd:t.", "evi:t.",
            "itm", "itp", "itq", "ita", "itf", "itc"]  # fmt: skip
WORDS = ["1", "2", "0", "-", "x", "new", "save", "back", "att", "cnt", "cancel", "cancelyes",
         "kind", "topic", "lang", "training", "tr", "culture", "any", "same", "telegram",
         "name", "no", "y", "n", "go", "pair", "om", "oo", "ma", "mb", "o.kulturamt",
         "99999999999999999999", "ü"]  # fmt: skip
buttons = st.builds(
    lambda prefix, parts: (prefix + (":" if not prefix.endswith(".") else "") + ":".join(parts))[
        :64
    ],
    st.sampled_from(PREFIXES),
    st.lists(st.sampled_from(WORDS), max_size=4),
)
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def apologies(harness) -> int:
    sorry = {
        harness.services.catalogs.get(lang).gettext(
            "Sorry, something went wrong on my side. Please try again in a moment."
        )
        for lang in harness.services.catalogs.languages
    }
    return sum(1 for c in harness.api.calls if c.params.get("text") in sorry)


async def state(harness):
    db = harness.services.db
    return [
        await db.fetch_all(f"SELECT * FROM {table} ORDER BY rowid")
        for table in ("trainings", "introductions")
    ]


ORG = {
    "name": "Verein",
    "legal_form": "ev",
    "district": "mitte",
    "topics": ("culture",),
    "languages": ("de",),
    "size": "s",
    "own_rooms": "no",
    "needs": (),
    "networking": "yes",
}


async def seed(harness) -> None:
    """Once per test: a training, two organisations and an open introduction."""
    db = harness.services.db
    if await db.fetch_all("SELECT id FROM trainings"):
        return
    day = datetime.now(UTC) + timedelta(days=3)
    await db.trainings.create_training(
        NewTraining(
            "workshop",
            "culture",
            day.date().isoformat(),
            "18:00",
            day.isoformat(timespec="seconds"),
            "Rathaus",
            None,
            1,
            day.date().isoformat(),
            {"": "Workshop"},
        ),
        COORDINATOR_ID,
    )
    for owner in (MEMBER + 1, MEMBER + 2):
        await db.users.touch_user(owner)
        await db.directory.save_organisation(owner, ORG)
    other = (await db.directory.organisation_of(MEMBER + 2)).id
    await harness.services.cooperations.request(MEMBER + 1, other, "name", "X")


@FUZZ
@given(data=buttons, coordinator=st.booleans())
async def test_any_training_or_introduction_button_is_handled(harness, data, coordinator):
    await seed(harness)
    user = COORDINATOR_ID if coordinator else MEMBER
    before = await state(harness)
    await harness.chat(user, language_code="ar").press(data)
    assert apologies(harness) == 0
    if not coordinator:
        assert await state(harness) == before
