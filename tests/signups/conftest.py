import pytest

from tests.builders import make_meeting, make_programme


@pytest.fixture
def programme(home):
    return make_programme(home)


@pytest.fixture
def meeting(programme):
    """An open meeting in a week, two places, every question asked."""
    return make_meeting(
        programme,
        1,
        7,
        title="Avatud koosolek",
        location="Rahvamaja saal",
        signup_open=True,
        signup_capacity=2,
        signup_ask_interpretation=True,
    )
