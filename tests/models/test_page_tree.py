"""Where each page type may be created (parents and children)."""

from wagtail.models import Page

from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    MeetingProtocolPage,
    NetworkPage,
    OpenGovernmentPage,
)


def allowed_children(model):
    return set(model.allowed_subpage_models())


def test_programme_page_can_sit_under_any_page_of_the_host_site(home):
    assert Page in OpenGovernmentPage.allowed_parent_page_models()
    assert OpenGovernmentPage.can_exist_under(home)  # the host's own HomePage type


def test_programme_children_are_call_plan_meeting_and_network_page():
    assert allowed_children(OpenGovernmentPage) == {
        CallToParticipatePage,
        ActionPlanPage,
        MeetingProtocolPage,
        NetworkPage,
    }


def test_plan_children_are_action_items_only():
    assert allowed_children(ActionPlanPage) == {ActionItemPage}


def test_leaf_pages_have_no_children():
    for model in (CallToParticipatePage, ActionItemPage, MeetingProtocolPage, NetworkPage):
        assert allowed_children(model) == set()


def test_call_plan_and_meeting_only_under_programme():
    for model in (CallToParticipatePage, ActionPlanPage, MeetingProtocolPage):
        assert model.allowed_parent_page_models() == [OpenGovernmentPage]


def test_action_item_only_under_plan():
    assert ActionItemPage.allowed_parent_page_models() == [ActionPlanPage]
