"""Signing up as a resident does: the form's fields (the test client skips the CSRF check)."""


def signup_data(**fields):
    data = {
        "name": "Mari Maasikas",
        "email": "mari@example.ee",
        "organisation": "",
        "accessibility_needs": "",
        "interpretation": "",
        "consent": "on",
        "website": "",
    }
    data.update(fields)
    return data


def sign_up(client, meeting, **fields):
    return client.post(f"{meeting.url}signup/", signup_data(**fields))
