#!/usr/bin/env python3
"""ITSM reference for bench/run.py: the ServiceNow extraction appraise's import does, written as one
lxml iterparse pass over an `<unload>` export. Per record it keeps the fields appraise reads — number,
sys_class_name (the record's table when absent), state, assignment group (value and display value),
opened/resolved/closed dates and close code — as a tuple. Exit 3 when lxml is not installed.

    itsm_lxml.py FILE
"""
import sys

try:
    from lxml import etree
except ImportError:
    sys.exit(3)

FIELDS = ("number", "sys_class_name", "state", "opened_at", "resolved_at", "closed_at", "close_code")
records = []
depth = 0
current = None
for event, element in etree.iterparse(sys.argv[1], events=("start", "end")):
    if event == "start":
        depth += 1
        if depth == 2:
            current = {}
        continue
    depth -= 1
    if depth == 2 and current is not None:
        tag = element.tag
        if tag in FIELDS:
            current[tag] = element.text
        elif tag == "assignment_group":
            current[tag] = (element.text, element.get("display_value"))
    elif depth == 1 and current is not None:
        group = current.get("assignment_group") or (None, None)
        records.append((current.get("number"), current.get("sys_class_name") or element.tag, current.get("state"),
                        group[0], group[1], current.get("opened_at"), current.get("resolved_at"),
                        current.get("closed_at"), current.get("close_code")))
        current = None
        element.clear()
        # Drop the records already read from the root, as streaming lxml code does.
        while element.getprevious() is not None:
            del element.getparent()[0]
print(len(records))
