#!/usr/bin/env python3
"""Generates the CMMI V3.0 evidence fixtures (docs/cmmi-3-evidence-format.md) from one description, so the
three syntaxes of fixtures/cmmi3/services-gap.* stay equal, and writes fixtures/cmmi3/evaluation.xml.

Run from anywhere: `python3 scripts/generate-cmmi3-fixtures.py`. `--check` compares the files with the
committed ones instead of writing them and exits 1 on a difference (scripts/check-fixtures.sh runs it).
Standard library only. The weaknesses are our own words about a fictional web-service company; no model
text is used, only practice ids of the structure catalog.
"""

import csv
import io
import json
import os
import sys
from xml.sax.saxutils import quoteattr, escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

LISTS = [
    ("organizationalProcesses", "organizationalProcess"),
    ("projects", "project"),
    ("practiceInputs", "practiceInput"),
    ("organizationalProcessValues", "organizationalProcessValue"),
    ("teamOUValues", "teamOUValue"),
    ("practiceGroupDecisions", "practiceGroupDecision"),
    ("teamProjectValues", "teamProjectValue"),
]


def inputs(table):
    """Practice inputs from (practice, {project: (artifact, affirmation, [weakness or (text, id)])})."""
    result = []
    for practice, projects in table:
        for project, (artifact, affirmation, *rest) in projects.items():
            record = {"practice": practice, "project": project, "artifact": artifact, "affirmation": affirmation}
            weaknesses = [w if isinstance(w, dict) else {"text": w} for w in (rest[0] if rest else [])]
            if weaknesses:
                record["weaknesses"] = weaknesses
            result.append(record)
    return result


def all_met(practices, projects):
    return [(p, {project: ("1", "1") for project in projects}) for p in practices]


THREE = ["shop", "payments", "portal"]
TWO = ["shop", "payments"]

SERVICES_GAP = {
    "formatVersion": 1,
    "method": "cmmi-3.0",
    "header": {
        "id": "webco-2026-services-gap",
        "name": "WebCo services: gap analysis of incident, continuity and service delivery against CMMI V3.0",
        "organizationalUnit": "WebCo online services",
        "date": "2026-11-27",
        "model": "CMMI",
        "modelVersion": "3.0",
    },
    "scope": {
        "appraisalType": "benchmark",
        "representation": "capability",
        "view": "Services",
        "selectedAreas": ["IRP", "CONT", "SDM", "STSM", "GOV", "II"],
        "targetLevel": 2,
        "areaTargets": [{"practiceArea": "IRP", "level": 3}],
    },
    "organizationalProcesses": [
        {"id": "op-incident", "name": "Incident and request handling"},
        {"id": "op-release", "name": "Release and change management"},
    ],
    "projects": [
        {"id": "shop", "name": "Online shop service", "organizationalProcesses": ["op-incident", "op-release"]},
        {"id": "payments", "name": "Payment gateway service", "organizationalProcesses": ["op-incident", "op-release"]},
        {
            "id": "portal",
            "name": "Customer portal service",
            "outOfScope": ["CONT"],
            "organizationalProcesses": ["op-incident"],
        },
    ],
    "practiceInputs": inputs(
        [
            ("IRP 1.1", {p: ("1", "1") for p in THREE}),
            (
                "IRP 2.1",
                {
                    "shop": ("1", "1"),
                    "payments": ("1", "1"),
                    "portal": ("1", "1", ["Portal incidents are logged, but the priority is often left at its default."]),
                },
            ),
            (
                "IRP 2.2",
                {
                    "shop": ("1", "1", ["Escalations after hours depend on who is on call; no rota is written down."]),
                    "payments": (
                        "1",
                        "0",
                        [
                            {
                                "text": "Payment incidents are handled by the provider's desk; staff could not say "
                                "how our own team follows them up.",
                                "id": "W-IRP-2",
                            }
                        ],
                    ),
                    "portal": ("1", "1"),
                },
            ),
            ("IRP 2.3", {p: ("1", "1") for p in THREE}),
            (
                "IRP 3.1",
                {
                    "shop": ("1", "1"),
                    "payments": ("1", "1"),
                    "portal": ("0", "0", ["No incident trends are looked at for the portal."]),
                },
            ),
            ("IRP 3.2", {p: ("1", "1") for p in THREE}),
        ]
        + all_met(["CONT 1.1"], TWO)
        + [
            (
                "CONT 2.1",
                {
                    "shop": ("1", "1"),
                    "payments": (
                        "1",
                        "1",
                        [
                            {
                                "text": "Restore tests of the payment database are planned every quarter, but the "
                                "last two were skipped.",
                                "id": "W-CONT-1",
                            },
                            "The continuity plan still names a data centre the service left last year.",
                        ],
                    ),
                },
            )
        ]
        + all_met(["CONT 2.2", "CONT 2.3"], TWO)
        + all_met(["SDM 1.1", "SDM 2.1", "SDM 2.2", "SDM 2.3"], THREE)
        + [
            (
                "SDM 2.4",
                {
                    "shop": ("1", "1", ["Service requests are fulfilled, but their targets are not reported to the customer."]),
                    "payments": ("1", "1"),
                    "portal": ("1", "1"),
                },
            ),
            ("SDM 2.5", {"shop": ("1", "1"), "payments": ("1", "1"), "portal": ("NY", "NY")}),
            ("SDM 2.6", {p: ("1", "1") for p in THREE}),
        ]
        + all_met(["STSM 1.1", "STSM 2.1"], THREE)
        + [
            ("STSM 2.2", {"shop": ("1", "1"), "payments": ("1", "1"), "portal": ("NY", "1")}),
            ("STSM 2.3", {p: ("1", "1") for p in THREE}),
        ]
    ),
    "organizationalProcessValues": [
        {"practice": practice, "process": process, "value": "FM"}
        for practice in ["GOV 1.1", "GOV 2.1", "GOV 2.2"]
        for process in ["op-incident", "op-release"]
    ]
    + [
        {"practice": "GOV 2.3", "process": "op-incident", "value": "FM"},
        {
            "practice": "GOV 2.3",
            "process": "op-release",
            "value": "LM",
            "weaknesses": [{"text": "Management reviews the release process only when a release fails.", "id": "W-GOV-1"}],
        },
        {"practice": "GOV 2.4", "process": "op-incident", "value": "FM"},
        {"practice": "GOV 2.4", "process": "op-release", "value": "FM"},
        {"practice": "II 1.1", "process": "op-incident", "value": "FM"},
        {"practice": "II 1.1", "process": "op-release", "value": "FM"},
        {"practice": "II 2.1", "process": "op-incident", "value": "FM"},
        {"practice": "II 2.1", "process": "op-release", "value": "LM", "weaknesses": [{"text": "Release checklists exist but are kept in personal folders."}]},
        {"practice": "II 2.2", "process": "op-incident", "value": "FM"},
        {
            "practice": "II 2.2",
            "process": "op-release",
            "value": "PM",
            "weaknesses": [
                {"text": "Nobody is named to keep the release process up to date."},
                {"text": "Changes to the release process are not announced to the on-call staff."},
            ],
        },
    ],
    "teamOUValues": [
        {
            "practice": "IRP 2.2",
            "value": "LM",
            "justification": "The payment provider's desk follows up its incidents under contract; "
            "the gap is our own follow-up, which the team judged a minor shortcoming.",
        }
    ],
    "practiceGroupDecisions": [
        {
            "practiceArea": "CONT",
            "level": 2,
            "value": "satisfied",
            "justification": "The skipped restore tests are rescheduled with a date; the outdated plan entry "
            "does not change how continuity is prepared.",
        }
    ],
    "teamProjectValues": [
        {
            "practice": "II 2.2",
            "project": "shop",
            "value": "LM",
            "justification": "The shop team keeps its own release notes current, which covers most of the gap.",
        }
    ],
}

EVALUATION = {
    "formatVersion": 1,
    "method": "cmmi-3.0",
    "header": {
        "id": "webco-2026-incident-evaluation",
        "name": "WebCo: evaluation of incident resolution",
        "organizationalUnit": "WebCo online services",
        "date": "2026-06-12",
        "model": "CMMI",
        "modelVersion": "3.0",
    },
    "scope": {
        "appraisalType": "evaluation",
        "representation": "maturity",
        "view": "Services",
        "selectedAreas": ["IRP"],
        "targetLevel": 2,
    },
    "projects": [
        {"id": "shop", "name": "Online shop service"},
        {"id": "portal", "name": "Customer portal service"},
    ],
    "practiceInputs": inputs(
        [
            ("IRP 1.1", {"shop": ("1", "1"), "portal": ("1", "1")}),
            ("IRP 2.1", {"shop": ("1", "1", ["Incident priorities are not reviewed after the first hour."]), "portal": ("1", "0", ["The portal team could not show how incidents are closed."])}),
            ("IRP 2.2", {"shop": ("1", "1"), "portal": ("NY", "NY")}),
            ("IRP 2.3", {"shop": ("0", "0"), "portal": ("NY", "1")}),
        ]
    ),
}

# XML: the members of each record in attribute order; lists of ids are space-separated.
ID_LISTS = {"optionalAreas", "selectedAreas", "outOfScope", "organizationalProcesses"}


def attributes(record, skip=()):
    parts = []
    for key, value in record.items():
        if key in skip or isinstance(value, (dict,)) or (isinstance(value, list) and key not in ID_LISTS):
            continue
        text = " ".join(value) if isinstance(value, list) else str(value)
        parts.append(f"{key}={quoteattr(text)}")
    return " ".join(parts)


def to_xml(data):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    lines.append(f'<appraisal formatVersion="{data["formatVersion"]}" method="{data["method"]}">')
    lines.append(f"  <header {attributes(data['header'])}/>")
    scope = data["scope"]
    targets = scope.get("areaTargets", [])
    if targets:
        lines.append(f"  <scope {attributes(scope)}>")
        for target in targets:
            lines.append(f"    <areaTarget {attributes(target)}/>")
        lines.append("  </scope>")
    else:
        lines.append(f"  <scope {attributes(scope)}/>")
    for name, item in LISTS:
        records = data.get(name, [])
        if not records:
            continue
        lines.append(f"  <{name}>")
        for record in records:
            weaknesses = record.get("weaknesses", [])
            if weaknesses:
                lines.append(f"    <{item} {attributes(record)}>")
                for weakness in weaknesses:
                    wid = f" id={quoteattr(weakness['id'])}" if "id" in weakness else ""
                    lines.append(f"      <weakness{wid}>{escape(weakness['text'])}</weakness>")
                lines.append(f"    </{item}>")
            else:
                lines.append(f"    <{item} {attributes(record)}/>")
        lines.append(f"  </{name}>")
    lines.append("</appraisal>")
    return "\n".join(lines) + "\n"


def to_json(data):
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


ROW_FIELDS = {
    "organizationalProcesses": ("organizationalProcess", ["id", "name"]),
    "projects": ("project", ["id", "name", "outOfScope", "organizationalProcesses"]),
    "organizationalProcessValues": ("organizationalProcessValue", ["practice", "process", "value"]),
    "teamOUValues": ("teamOUValue", ["practice", "value", "justification"]),
    "practiceGroupDecisions": ("practiceGroupDecision", ["practiceArea", "level", "value", "justification"]),
    "teamProjectValues": ("teamProjectValue", ["practice", "project", "value", "justification"]),
}


def cell(value):
    if value is None:
        return ""
    return " ".join(value) if isinstance(value, list) else str(value)


def to_csv(data):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["formatVersion", data["formatVersion"]])
    writer.writerow(["method", data["method"]])
    for key, value in data["header"].items():
        writer.writerow([key, value])
    scope = data["scope"]
    for key in ["appraisalType", "representation", "view"]:
        writer.writerow([key, scope[key]])
    for key in ["optionalAreas", "selectedAreas"]:
        if key in scope:
            writer.writerow([key] + scope[key])
    writer.writerow(["targetLevel", scope["targetLevel"]])
    for target in scope.get("areaTargets", []):
        writer.writerow(["areaTarget", target["practiceArea"], target["level"]])
    for name, (row, fields) in ROW_FIELDS.items():
        for record in data.get(name, []):
            values = [cell(record.get(field)) for field in fields]
            weaknesses = record.get("weaknesses", [])
            if name == "organizationalProcessValues" and weaknesses:
                for weakness in weaknesses:
                    writer.writerow([row] + values + [weakness["text"], weakness.get("id", "")])
            else:
                writer.writerow([row] + values)
    writer.writerow([])
    writer.writerow(["practice", "project", "artifact", "affirmation", "weakness", "weaknessId"])
    for record in data["practiceInputs"]:
        key = [record["practice"], record["project"]]
        weaknesses = record.get("weaknesses", [])
        writer.writerow(key + [record["artifact"], record["affirmation"]]
                        + ([weaknesses[0]["text"], weaknesses[0].get("id", "")] if weaknesses else ["", ""]))
        # A second weakness: another row repeating the key, the artifact and affirmation cells left empty.
        for weakness in weaknesses[1:]:
            writer.writerow(key + ["", "", weakness["text"], weakness.get("id", "")])
    return out.getvalue()


def files():
    return {
        "fixtures/cmmi3/services-gap.xml": to_xml(SERVICES_GAP),
        "fixtures/cmmi3/services-gap.json": to_json(SERVICES_GAP),
        "fixtures/cmmi3/services-gap.csv": to_csv(SERVICES_GAP),
        "fixtures/cmmi3/evaluation.xml": to_xml(EVALUATION),
    }


def main():
    check = "--check" in sys.argv[1:]
    status = 0
    for relative, text in files().items():
        path = os.path.join(ROOT, relative)
        if check:
            try:
                with open(path, encoding="utf-8", newline="") as handle:
                    current = handle.read()
            except FileNotFoundError:
                current = None
            if current != text:
                print(f"generate-cmmi3-fixtures: {relative} differs from the generator's output", file=sys.stderr)
                status = 1
        else:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
    if check and status == 0:
        print(f"generate-cmmi3-fixtures: {len(files())} fixtures match")
    return status


if __name__ == "__main__":
    sys.exit(main())
