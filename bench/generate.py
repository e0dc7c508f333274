#!/usr/bin/env python3
"""Writes a synthetic but valid appraisal of a chosen size, in XML, JSON and CSV.

    python3 bench/generate.py --instantiations N --items K --out DIR [--formats xml,json,csv]

Every CMMI-SVC V1.3 process area is in scope (staged, target ML 3, so GG 2 and GG 3 are rated): for each of
the N instantiations and each practice (181 specific practices plus the 12 generic practices of GG 2 and
GG 3 in each of the 24 areas, 469 in all) it writes K evidence items (artifacts and affirmations
alternating), a weakness on every 7th pair, a strength on every 11th, and a team characterization on
every 13th. Deterministic: the same arguments give the same bytes. Files: DIR/appraisal-N-K.{xml,json,csv}.
The catalog is read from practice-catalogs/cmmi-svc-1.3.json.
"""
import argparse
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def practices():
    catalog = json.load(open(os.path.join(ROOT, "practice-catalogs", "cmmi-svc-1.3.json")))
    generic = [p["id"] for g in catalog["genericGoals"] if g["capabilityLevel"] in (2, 3) for p in g["practices"]]
    out = []
    for area in catalog["processAreas"]:
        for goal in area["goals"]:
            out += [f"{area['id']} {p['id']}" for p in goal["practices"]]
        out += [f"{area['id']} {p}" for p in generic]
    return [a["id"] for a in catalog["processAreas"]], out


def records(n, k):
    """Yields (kind, fields) in file order: evidence first, then observations, then characterizations."""
    areas, refs = practices()
    units = [f"unit-{i:05d}" for i in range(n)]
    return areas, refs, units


INDICATORS = ["direct-artifact", "affirmation", "indirect-artifact", "affirmation", "artifact"]
VALUES = ["FI", "LI", "FI", "FI", "LI"]


def write_xml(path, n, k):
    areas, refs, units = records(n, k)
    with open(path, "w", encoding="utf-8") as f:
        w = f.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n<appraisal formatVersion="1">\n')
        w(f'  <header id="bench-{n}-{k}" name="Synthetic appraisal {n}x{k}" organizationalUnit="Synthetic unit" '
          f'date="2026-11-01" model="CMMI-SVC" modelVersion="1.3"/>\n')
        w(f'  <scope representation="staged" targetLevel="3" processAreas="{" ".join(areas)}">\n'
          '    <coverage enabled="true" minimumShare="1/2"/>\n  </scope>\n  <instantiations>\n')
        for u in units:
            w(f'    <instantiation id="{u}" name="Project {u}" kind="project" subgroup="group-{int(u[5:]) % 4}"/>\n')
        w("  </instantiations>\n  <evidence>\n")
        serial = 0
        for u in units:
            for r in refs:
                for j in range(k):
                    serial += 1
                    w(f'    <item id="E{serial}" practice="{r}" instantiation="{u}" indicator="{INDICATORS[j % 5]}">\n'
                      f'      <locator document="{r} work product" section="{j + 1}" version="1.{j}" date="2026-10-0{1 + j % 9}"/>\n'
                      f'    </item>\n')
        w("  </evidence>\n  <observations>\n")
        pair = 0
        for u in units:
            for r in refs:
                pair += 1
                if pair % 7 == 0:
                    w(f'    <weakness practice="{r}" instantiation="{u}">records are incomplete for some releases</weakness>\n')
                if pair % 11 == 0:
                    w(f'    <strength practice="{r}" instantiation="{u}">consistently applied</strength>\n')
        w("  </observations>\n  <characterizations>\n")
        pair = 0
        for u in units:
            for r in refs:
                pair += 1
                if pair % 13 == 0:
                    value = "LI" if pair % 7 == 0 else "FI"
                    w(f'    <characterization practice="{r}" instantiation="{u}" value="{value}"/>\n')
        w("  </characterizations>\n</appraisal>\n")


def write_json(path, n, k):
    areas, refs, units = records(n, k)
    with open(path, "w", encoding="utf-8") as f:
        w = f.write
        w('{\n  "formatVersion": 1,\n')
        w(f'  "header": {{"id": "bench-{n}-{k}", "name": "Synthetic appraisal {n}x{k}", "organizationalUnit": '
          f'"Synthetic unit", "date": "2026-11-01", "model": "CMMI-SVC", "modelVersion": "1.3"}},\n')
        w(f'  "scope": {{"representation": "staged", "targetLevel": 3, "processAreas": {json.dumps(areas)}, '
          '"coverage": {"enabled": true, "minimumShare": "1/2"}},\n  "instantiations": [\n')
        w(",\n".join(f'    {{"id": "{u}", "name": "Project {u}", "kind": "project", "subgroup": "group-{int(u[5:]) % 4}"}}'
                     for u in units))
        w("\n  ],\n  \"evidence\": [\n")
        serial = 0
        first = True
        for u in units:
            for r in refs:
                for j in range(k):
                    serial += 1
                    w(("" if first else ",\n") +
                      f'    {{"id": "E{serial}", "practice": "{r}", "instantiation": "{u}", "indicator": "{INDICATORS[j % 5]}", '
                      f'"locator": {{"document": "{r} work product", "section": "{j + 1}", "version": "1.{j}", '
                      f'"date": "2026-10-0{1 + j % 9}"}}}}')
                    first = False
        w("\n  ],\n  \"observations\": [\n")
        pair = 0
        first = True
        for u in units:
            for r in refs:
                pair += 1
                if pair % 7 == 0:
                    w(("" if first else ",\n") + f'    {{"type": "weakness", "practice": "{r}", "instantiation": "{u}", '
                      '"text": "records are incomplete for some releases"}')
                    first = False
                if pair % 11 == 0:
                    w(("" if first else ",\n") + f'    {{"type": "strength", "practice": "{r}", "instantiation": "{u}", '
                      '"text": "consistently applied"}')
                    first = False
        w("\n  ],\n  \"characterizations\": [\n")
        pair = 0
        first = True
        for u in units:
            for r in refs:
                pair += 1
                if pair % 13 == 0:
                    value = "LI" if pair % 7 == 0 else "FI"
                    w(("" if first else ",\n") + f'    {{"practice": "{r}", "instantiation": "{u}", "value": "{value}"}}')
                    first = False
        w("\n  ]\n}\n")


def write_csv(path, n, k):
    areas, refs, units = records(n, k)
    cols = "practice,instantiation,evidenceId,indicator,document,section,version,date,url,note,imported,characterization,characterizationNote,weakness,weaknessImpact,strength"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = f.write
        w(f"formatVersion,1\r\nid,bench-{n}-{k}\r\nname,Synthetic appraisal {n}x{k}\r\norganizationalUnit,Synthetic unit\r\n"
          "date,2026-11-01\r\nmodel,CMMI-SVC\r\nmodelVersion,1.3\r\nrepresentation,staged\r\ntargetLevel,3\r\n"
          f"includeAdditions,true\r\nprocessAreas,{','.join(areas)}\r\ncoverage,true,1/2\r\n")
        for u in units:
            w(f"instantiation,{u},Project {u},project,group-{int(u[5:]) % 4},\r\n")
        w("\r\n" + cols + "\r\n")
        serial = 0
        pair = 0
        for u in units:
            for r in refs:
                pair += 1
                value = ("LI" if pair % 7 == 0 else "FI") if pair % 13 == 0 else ""
                for j in range(k):
                    serial += 1
                    w(f"{r},{u},E{serial},{INDICATORS[j % 5]},{r} work product,{j + 1},1.{j},2026-10-0{1 + j % 9},,,,"
                      f"{value if j == 0 else ''},,,,\r\n")
                if pair % 7 == 0:
                    w(f"{r},{u},,,,,,,,,,,,records are incomplete for some releases,,\r\n")
                if pair % 11 == 0:
                    w(f"{r},{u},,,,,,,,,,,,,,consistently applied\r\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instantiations", type=int, required=True)
    parser.add_argument("--items", type=int, default=4)
    parser.add_argument("--out", required=True)
    parser.add_argument("--formats", default="xml,json,csv")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    stem = os.path.join(args.out, f"appraisal-{args.instantiations}-{args.items}")
    for fmt in args.formats.split(","):
        {"xml": write_xml, "json": write_json, "csv": write_csv}[fmt](f"{stem}.{fmt}", args.instantiations, args.items)
        print(f"{stem}.{fmt}: {os.path.getsize(f'{stem}.{fmt}') / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
