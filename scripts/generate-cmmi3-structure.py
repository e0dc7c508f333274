#!/usr/bin/env python3
"""Writes practice-catalogs/cmmi-3.0-structure.json, the CMMI V3.0 structure catalog.

The structure only: practice area acronyms, their domain, and how many practices each has at each level
(counted from practice ids in ISACA's appraisal workbook; see docs/cmmi-3.md). No ISACA text — no practice
area title, practice statement, intent or value — is written: the licence forbids shipping it. Users who
hold a licence add titles and statements to their local copy, recorded under `provenance`.

Run from anywhere: `python3 scripts/generate-cmmi3-structure.py`. `--check` compares instead of writing
(exit 1 when the committed file differs).
"""
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUTPUT = os.path.join(ROOT, "practice-catalogs", "cmmi-3.0-structure.json")

# (domain, practice area, practices at level 1, 2, 3, 4, 5; 0 = no practice group at that level)
INVENTORY = [
    ("Core", "CAR", [1, 2, 5, 2, 1]),
    ("Core", "CM", [1, 6]),
    ("Core", "DAR", [2, 5, 1]),
    ("Core", "EST", [1, 3, 2]),
    ("Core", "GOV", [1, 4, 2, 1]),
    ("Core", "II", [1, 2, 3, 1]),
    ("Core", "MC", [2, 4, 4]),
    ("Core", "MPM", [2, 6, 6, 5, 3]),
    ("Core", "OT", [1, 2, 6]),
    ("Core", "PAD", [1, 3, 6]),
    ("Core", "PCM", [3, 2, 6, 1]),
    ("Core", "PLAN", [2, 8, 4, 1]),
    ("Core", "PQA", [1, 4, 1]),
    ("Core", "PR", [1, 4, 1]),
    ("Core", "RDM", [1, 5, 7]),
    ("Core", "RSK", [1, 2, 5]),
    ("Core", "VV", [2, 3, 2]),
    ("Data", "DM", [2, 2, 2]),
    ("Data", "DQ", [2, 3, 2]),
    ("Development", "PI", [1, 6, 3]),
    ("Development", "TS", [1, 3, 6]),
    ("People", "WE", [1, 3, 3]),
    ("Safety", "ESAF", [2, 3, 3]),
    ("Security", "ESEC", [2, 4, 3]),
    ("Security", "MST", [2, 4, 3, 1]),
    ("Services", "CONT", [1, 3, 3]),
    ("Services", "IRP", [1, 3, 2]),
    ("Services", "SDM", [1, 6, 1]),
    ("Services", "STSM", [1, 3, 1]),
    ("Suppliers", "SAM", [4, 5, 2, 1]),
    ("Virtual", "EVW", [2, 2, 2]),
]

CORE = [area for domain, area, _ in INVENTORY if domain == "Core"]
SERVICES = CORE + ["CONT", "IRP", "SDM", "STSM"]
ALL = [area for _, area, _ in INVENTORY]


def catalog():
    areas = []
    for domain, area, counts in INVENTORY:
        groups = []
        for level, count in enumerate(counts, start=1):
            if count:
                practices = [{"id": f"{area} {level}.{n}"} for n in range(1, count + 1)]
                groups.append({"level": level, "practices": practices})
        areas.append({"id": area, "domain": domain, "practiceGroups": groups})
    return {
        "$schema": "../docs/schemas/practice-area-catalog.schema.json",
        "formatVersion": 1,
        "model": {
            "id": "CMMI",
            "version": "3.0",
            "reference": "CMMI V3.0 (ISACA, April 2023): structure only, practice ids counted from ISACA's "
            "appraisal workbook; no ISACA text is included",
        },
        "practiceAreas": areas,
        "views": [
            {"id": "Core", "practiceAreas": CORE},
            {"id": "Services", "practiceAreas": SERVICES, "optional": ["SAM"]},
            {"id": "All", "practiceAreas": ALL},
        ],
    }


def render(document):
    """JSON with one practice group per line, so the file reads like the inventory table."""
    lines = ["{"]
    lines.append(f'  "$schema": {json.dumps(document["$schema"])},')
    lines.append(f'  "formatVersion": {document["formatVersion"]},')
    lines.append(f'  "model": {json.dumps(document["model"], ensure_ascii=False)},')
    lines.append('  "practiceAreas": [')
    for index, area in enumerate(document["practiceAreas"]):
        lines.append(f'    {{ "id": {json.dumps(area["id"])}, "domain": {json.dumps(area["domain"])}, "practiceGroups": [')
        groups = [f"      {json.dumps(group)}" for group in area["practiceGroups"]]
        lines.append(",\n".join(groups))
        lines.append("    ] }" + ("," if index < len(document["practiceAreas"]) - 1 else ""))
    lines.append("  ],")
    lines.append('  "views": [')
    views = [f"    {json.dumps(view)}" for view in document["views"]]
    lines.append(",\n".join(views))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    text = render(catalog())
    assert json.loads(text) == catalog()
    practices = sum(sum(counts) for _, _, counts in INVENTORY)
    assert len(INVENTORY) == 31 and practices == 276, (len(INVENTORY), practices)
    services = sum(sum(counts) for _, area, counts in INVENTORY if area in SERVICES)
    assert len(SERVICES) == 21 and services == 191, (len(SERVICES), services)
    if "--check" in sys.argv[1:]:
        with open(OUTPUT, encoding="utf-8") as file:
            if file.read() != text:
                print(f"{OUTPUT} is out of date; run scripts/generate-cmmi3-structure.py", file=sys.stderr)
                sys.exit(1)
        return
    with open(OUTPUT, "w", encoding="utf-8") as file:
        file.write(text)


if __name__ == "__main__":
    main()
