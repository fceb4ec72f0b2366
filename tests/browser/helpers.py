from wagtail.models import Site

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def axe_violations(page):
    """Run axe-core (shipped inside axe-playwright-python) and describe each violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS)
    problems = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            problems.append(
                f"{page.url}: {violation['id']} ({violation['impact']}) on {node['target']}: "
                f"{violation['help']} — {violation['helpUrl']}"
            )
    return problems


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific
