"""Progress arithmetic for plans, computed from already-fetched items (no extra queries)."""

from dataclasses import dataclass, field

from .choices import ItemStatus


def mean_progress(items):
    """Weighted mean progress (0-100, rounded) of the items that are not cancelled; None if
    none count. Each item counts with its ``weight`` (1 unless the editor set another)."""
    counted = [item for item in items if item.status != ItemStatus.CANCELLED]
    total_weight = sum(getattr(item, "weight", 1) or 1 for item in counted)
    if not total_weight:
        return None
    weighted = sum(item.progress * (getattr(item, "weight", 1) or 1) for item in counted)
    return round(weighted / total_weight)


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


@dataclass
class PlanSummary:
    """The plan at a glance, from already-fetched items (milestones prefetched)."""

    items: list

    @property
    def status_counts(self):
        """(value, label, count) for every status that has items, in the statuses' order."""
        counts = {}
        for item in self.items:
            counts[item.status] = counts.get(item.status, 0) + 1
        return [
            (value, label, counts[value]) for value, label in ItemStatus.choices if value in counts
        ]

    @property
    def overdue(self):
        return [item for item in self.items if item.is_overdue]

    @property
    def quick_wins(self):
        return [item for item in self.items if item.is_quick_win]
