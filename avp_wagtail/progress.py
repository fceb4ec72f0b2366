"""Progress arithmetic for plans, computed from already-fetched items (no extra queries)."""

from dataclasses import dataclass, field

from .choices import ItemStatus


def mean_progress(items):
    """Mean progress (0-100, rounded) of the items that are not cancelled; None if none count."""
    values = [item.progress for item in items if item.status != ItemStatus.CANCELLED]
    if not values:
        return None
    return round(sum(values) / len(values))


@dataclass
class ThemeGroup:
    """One theme with its items, for the plan page's grouped listing."""

    theme: object
    items: list = field(default_factory=list)

    @property
    def progress(self):
        return mean_progress(self.items)

    @classmethod
    def group(cls, themes, items):
        """Group items under their themes (in theme order); items without a theme go last."""
        groups = {theme.pk: cls(theme) for theme in themes}
        unthemed = cls(None)
        for item in items:
            groups.get(item.theme_id, unthemed).items.append(item)
        result = list(groups.values())
        if unthemed.items:
            result.append(unthemed)
        return result
