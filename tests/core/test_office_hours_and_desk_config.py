"""The coordinator desk's configuration: BROADCAST_RATE, OFFICE_HOURS, REVIEW_DIR."""

from pathlib import Path

import pytest

from bot.config import REPO_ROOT, Config, ConfigError


def test_defaults():
    c = Config.from_env({}, env_file=None)
    assert c.broadcast_rate == 30.0
    assert c.office_hours.days == {0, 1, 2, 3, 4}
    assert (c.office_hours.start.hour, c.office_hours.end.hour) == (9, 16)
    assert c.review_dir == REPO_ROOT / "knowledge" / "review"


def test_values():
    c = Config.from_env(
        {"BROADCAST_RATE": "12.5", "OFFICE_HOURS": "Tue,Thu 10:00-14:30", "REVIEW_DIR": "/x"},
        env_file=None,
    )
    assert c.broadcast_rate == 12.5 and c.office_hours.days == {1, 3}
    assert c.review_dir == Path("/x")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BROADCAST_RATE", "fast"),
        ("BROADCAST_RATE", "0"),
        ("BROADCAST_RATE", "-3"),
        ("OFFICE_HOURS", "weekdays"),
        ("OFFICE_HOURS", "Mon-Fri 9-16"),
        ("OFFICE_HOURS", "Fri-Mon 09:00-16:00"),
        ("OFFICE_HOURS", "Mon-Fri 16:00-09:00"),
        ("OFFICE_HOURS", "Mon-Fri 09:00-25:00"),
    ],
)
def test_bad_values_name_the_variable(name, value):
    with pytest.raises(ConfigError) as err:
        Config.from_env({name: value}, env_file=None)
    assert err.value.variable == name and name in str(err.value)


def test_broadcast_in_flight_defaults_to_one_and_is_validated():
    import pytest

    from bot.config import Config, ConfigError

    assert Config.from_env({}, env_file=None).broadcast_in_flight == 1
    assert Config.from_env({"BROADCAST_IN_FLIGHT": "8"}, env_file=None).broadcast_in_flight == 8
    for bad in ("0", "33", "x", "-1"):
        with pytest.raises(ConfigError) as err:
            Config.from_env({"BROADCAST_IN_FLIGHT": bad}, env_file=None)
        assert err.value.variable == "BROADCAST_IN_FLIGHT"
