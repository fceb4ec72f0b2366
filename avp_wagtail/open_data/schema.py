"""What the JSON and CSV formats share: the schema version and the enumerations.

The formats are documented in ``docs/open-data.md``; change that file with this one.
"""

from avp_wagtail.core.choices import ItemStatus, OgpValue

SCHEMA_NAME = "avp-wagtail/action-plan"
# Major.minor: a reader accepts any minor version of the major version it knows.
# 1.1: the features' keys (the ideas app's top-level "ideas" and items' "source_ideas").
SCHEMA_VERSION = "1.1"
SUPPORTED_MAJOR = "1"

# OGP's own English names of its values, as in the OGP commitments dataset.
OGP_NAMES = {
    OgpValue.ACCESS_TO_INFORMATION: "Access to Information",
    OgpValue.CIVIC_PARTICIPATION: "Civic Participation",
    OgpValue.PUBLIC_ACCOUNTABILITY: "Public Accountability",
    OgpValue.TECHNOLOGY_AND_INNOVATION: "Technology and Innovation for Transparency and "
    "Accountability",
}
OGP_BY_NAME = {name.casefold(): value for value, name in OGP_NAMES.items()}
OGP_BY_NAME.update({value.value: value for value in OgpValue})


def completion(status: str | None, progress: int | None) -> str:
    """The OGP Independent Reporting Mechanism's completion level of an action.

    An unknown progress (None: a document whose item has ``"progress": null``) is no
    progress: the status alone decides, never a TypeError in the CSV export."""
    progress = progress or 0
    if status == ItemStatus.CANCELLED:
        return "Withdrawn"
    if status == ItemStatus.COMPLETED or progress >= 100:
        return "Complete"
    if progress >= 50:
        return "Substantial"
    if progress > 0 or status == ItemStatus.IN_PROGRESS:
        return "Limited"
    return "Not Started"


def version_supported(version: object) -> bool:
    """Whether a document of this schema version can be read."""
    return isinstance(version, str) and version.split(".")[0] == SUPPORTED_MAJOR
