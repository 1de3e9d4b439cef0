"""OASIS CAP 1.2 export: one <alert> an advisory, one <info> a locale."""

from __future__ import annotations

from datetime import datetime
from xml.etree import ElementTree as ET

from bot.advisories.model import Advisory, xml_text
from bot.texts.telegram_html import parse_html
from bot.world import CAP_LANGUAGE, NATION

NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2"
STATUS = {"actual": "Actual", "test": "Test", "draft": "Draft"}
MSG_TYPE = {
    "alert": "Alert",
    "update": "Update",
    "rumour_correction": "Update",
    "cancel": "Cancel",
}
CATEGORY = {
    "safety": "Safety",
    "security": "Security",
    "rescue": "Rescue",
    "health": "Health",
    "other": "Other",
}


def cap_time(value: datetime) -> str:
    """CAP's dateTime: seconds and an explicit offset, never "Z"."""
    return value.isoformat(timespec="seconds")


def identifier(advisory: Advisory, sender: str) -> str:
    """A CAP identifier unique for this sender (no spaces, commas or markup); a corrected
    advisory is a new message: its revision is part of the identifier."""
    first = f"{sender}.{advisory.id}"
    return f"{first}.r{advisory.revision}" if advisory.revision else first


def _plain(markup: str) -> str:
    return parse_html(markup).text


def export_cap(advisory: Advisory, *, sender: str, references: str | None = None) -> str:
    """The advisory as a CAP 1.2 XML document (UTF-8 string)."""
    ET.register_namespace("", NAMESPACE)
    alert = ET.Element(f"{{{NAMESPACE}}}alert")

    def add(parent: ET.Element, tag: str, text: str) -> ET.Element:
        child = ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}")
        child.text = xml_text(text)
        return child

    sent, corrected = advisory.effective, False
    if advisory.revision and advisory.corrected_at is not None:  # a correction: a CAP Update
        sent, corrected = advisory.corrected_at, True
    add(alert, "identifier", identifier(advisory, sender))
    add(alert, "sender", sender)
    add(alert, "sent", cap_time(sent))
    add(alert, "status", STATUS[advisory.status])
    add(alert, "msgType", "Update" if corrected else MSG_TYPE[advisory.kind])
    add(alert, "scope", "Public")
    if corrected and references is None:  # CAP: sender,identifier,sent of the message updated
        references = f"{sender},{sender}.{advisory.id},{cap_time(advisory.effective)}"
    if references:
        add(alert, "references", references)
    for locale, text in advisory.text.items():
        info = ET.SubElement(alert, f"{{{NAMESPACE}}}info")
        add(info, "language", CAP_LANGUAGE[locale])
        add(info, "category", CATEGORY[advisory.category])
        add(info, "event", text.headline)
        add(info, "urgency", advisory.urgency.capitalize())
        add(info, "severity", advisory.severity.capitalize())
        add(info, "certainty", advisory.certainty.capitalize())
        add(info, "effective", cap_time(advisory.effective))
        if advisory.expires is not None:
            add(info, "expires", cap_time(advisory.expires))
        add(info, "senderName", NATION[advisory.country].sender)
        add(info, "headline", text.headline)
        description = _plain(text.body)
        if text.claim:
            description = f"{text.claim}\n\n{description}"
        add(info, "description", description)
        if text.instruction:
            add(info, "instruction", _plain(text.instruction))
        add(info, "web", advisory.sources[0].url)
        area = ET.SubElement(info, f"{{{NAMESPACE}}}area")
        add(area, "areaDesc", "Russian Federation")
        for region in advisory.targeting.regions:
            geocode = ET.SubElement(area, f"{{{NAMESPACE}}}geocode")
            add(geocode, "valueName", "ISO 3166-2")
            add(geocode, "value", region)
    return ET.tostring(alert, encoding="unicode", xml_declaration=True)
