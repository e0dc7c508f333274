#!/usr/bin/env python3
"""Reference: what an engineer would write — stream an evidence XML file with iterparse and build one
record per evidence item, observation and characterization.

    reference_xml.py FILE [etree|lxml]    (default etree: xml.etree.ElementTree; lxml: lxml.etree)
"""
import sys

if len(sys.argv) > 2 and sys.argv[2] == "lxml":
    from lxml import etree as ET
else:
    import xml.etree.ElementTree as ET

items, observations, characterizations = [], [], []
current = None
for event, element in ET.iterparse(sys.argv[1], events=("start", "end")):
    tag = element.tag
    if event == "start":
        if tag == "item":
            a = element.attrib
            current = [a.get("id"), a.get("practice"), a.get("instantiation"), a.get("indicator")]
        elif tag == "locator" and current is not None:
            a = element.attrib
            current += [a.get("document"), a.get("section"), a.get("version"), a.get("date"), a.get("url")]
        continue
    if tag == "item":
        items.append(tuple(current))
        current = None
    elif tag in ("weakness", "strength"):
        a = element.attrib
        observations.append((tag, a.get("practice"), a.get("instantiation"), a.get("impact"), element.text))
    elif tag == "characterization":
        a = element.attrib
        characterizations.append((a.get("practice"), a.get("instantiation"), a.get("value")))
    element.clear()
print(len(items), len(observations), len(characterizations))
