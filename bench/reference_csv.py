#!/usr/bin/env python3
"""Reference: read an evidence CSV file with the csv module and build one record per evidence item,
weakness, strength and characterization (the equivalent of what appraise builds), as reference_json.py
does for JSON. The settings and instantiation rows before the blank line are skipped."""
import csv
import sys

items, observations, characterizations = [], [], []
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = csv.reader(f)
    for row in rows:
        if not any(row):
            break
    header = next(rows)
    column = {name: index for index, name in enumerate(header)}
    p, u, e = column["practice"], column["instantiation"], column["evidenceId"]
    ind, doc, sec, ver, date, url = (column[name] for name in ("indicator", "document", "section", "version", "date", "url"))
    ch, weak, impact, strength = column["characterization"], column["weakness"], column["weaknessImpact"], column["strength"]
    for row in rows:
        if row[e]:
            items.append((row[e], row[p], row[u], row[ind], row[doc], row[sec], row[ver], row[date], row[url]))
        if row[ch]:
            characterizations.append((row[p], row[u], row[ch]))
        if row[weak]:
            observations.append(("weakness", row[p], row[u], row[impact], row[weak]))
        if row[strength]:
            observations.append(("strength", row[p], row[u], None, row[strength]))
print(len(items), len(observations), len(characterizations))
