"""POST data for the Wagtail page editor of each AVP page type (every formset included)."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def programme_data(**overrides):
    data = {
        "title": "Open government in Testvald",
        "slug": "open-government",
        "intro": rich_text("<p>Intro</p>"),
        "common_goal": "Make local life more open together.",
        "current_phase": "contact",
        "principles": rich_text(""),
        "benefits": rich_text(""),
        "network_url": "",
        "contact_people": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def call_data(**overrides):
    data = {
        "title": "Join us",
        "slug": "join-us",
        "what_is_avp": rich_text(""),
        "why_cooperate": rich_text("<p>We need you.</p>"),
        "contribution_expected": rich_text(""),
        "steps": streamfield([("step", {"title": "Fill in the form", "description": ""})]),
        "long_term_goal": rich_text(""),
        "benefits": rich_text(""),
        "target_groups": rich_text(""),
        "deadline": "",
        "thank_you_text": rich_text(""),
        "contact_people": inline_formset([]),
        "interest_themes": inline_formset([{"title": "Open budget"}]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def plan_data(**overrides):
    data = {
        "title": "Action plan 2026-2028",
        "slug": "plan",
        "summary": "What we will do.",
        "start_date": "2026-01-01",
        "end_date": "2028-12-31",
        "status": "draft",
        "common_goal": "",
        "themes": inline_formset(
            [{"title": "Open budget", "description": ""}, {"title": "Youth", "description": ""}],
            min=1,
        ),
        "initiating_politician": "",
        "coordinating_official": "",
        "community_representatives": inline_formset([]),
        "monitoring_frequency": "every three months",
        "monitoring_every": "3",
        "monitoring_unit": "months",
        "monitoring_start": "",
        "change_procedure": rich_text(""),
        "adoption_date": "",
        "adopted_document": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def item_data(**overrides):
    data = {
        "title": "Participatory budget",
        "slug": "participatory-budget",
        "summary": "Residents decide on part of the budget.",
        "problem": rich_text(""),
        "activities": rich_text(""),
        "expected_result": rich_text(""),
        "theme": "",
        "lead_implementer": "",
        "lead_implementer_role": "",
        "partners": inline_formset([]),
        "contact_person": "",
        "budget": "15000.00",
        "funding_source": "municipal budget",
        "people_and_time": "",
        "other_resources": "",
        "planned_start": "2026-02-01",
        "planned_end": "2026-12-31",
        "status": "in_progress",
        "progress": "40",
        "is_quick_win": "on",
        "ogp_civic_participation": "on",
        "weight": "1",
        "milestones": inline_formset([]),
        "progress_updates": inline_formset([]),
        "tags": "budget, participation",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def meeting_data(**overrides):
    data = {
        "title": "Open meeting",
        "slug": "open-meeting",
        "start": "2026-03-01 18:00",
        "end": "2026-03-01 20:00",
        "location": "Community hall",
        "online_url": "",
        "kind": "open",
        "organiser": "",
        "facilitator": "A neutral mediator",
        "outside_speakers": "",
        "attending_organisations": inline_formset([]),
        "attendee_count": "25",
        "summary": "We agreed on three themes.",
        "agenda_items": inline_formset(
            [
                {
                    "title": "Start a participatory budget?",
                    "discussion": rich_text("<p>Long debate.</p>"),
                    "arguments_for": rich_text("<p>Residents decide.</p>"),
                    "arguments_against": rich_text("<p>Little time.</p>"),
                    "decision": rich_text("<p>Start small.</p>"),
                    "responsible": "Kaja",
                    "deadline": "2026-04-01",
                }
            ]
        ),
        "discussed_items": inline_formset([]),
        "attachments": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)
