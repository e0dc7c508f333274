#!/usr/bin/env python3
"""Writes a synthetic ServiceNow XML list export (`<unload>` of incident records) of a chosen size, shaped
like fixtures/itsm/servicenow/incident.xml: numbers, states, categories, priorities, assignment groups
with display values, dates, close codes and notes, some non-ASCII text and some missing fields.

    python3 bench/generate_servicenow.py --records N --out DIR

Deterministic: the same arguments give the same bytes. File: DIR/servicenow-incident-N.xml.
"""
import argparse
import os

GROUPS = [("Service Desk", "8a4dde73c6112278017a6a4baf547aa7"), ("Rechenzentrum München", "287ebd7da9fe198100f92cc8d1d2154e"),
          ("Réseau & Télécom", "d625dccec0a8016700a222a0f7900d06"), ("Applications", "8a5055c9c61122780043563ef53438e3"),
          ("Database", "287ee6fea9fe198100ada7950d0b1b73")]
CATEGORIES = ["network", "hardware", "software", "database", "inquiry", ""]
STATES = ["7", "7", "6", "2", "1", "3", "8", "7"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, f"servicenow-incident-{args.records}.xml")
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        w = out.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n<unload unload_date="2026-03-02 09:14:27">\n')
        for i in range(args.records):
            group, sys_id = GROUPS[i % len(GROUPS)]
            state = STATES[i % len(STATES)]
            day = 1 + i % 28
            month = 1 + (i // 28) % 12
            resolved = state in ("6", "7")
            w('  <incident action="INSERT_OR_UPDATE">\n')
            w(f"    <number>INC{1000000 + i:07d}</number>\n")
            w(f"    <sys_id>{i:032x}</sys_id>\n")
            w(f"    <short_description>Störung {i}: Dienst nicht erreichbar &amp; Anmeldung schlägt fehl</short_description>\n")
            w(f"    <state>{state}</state>\n")
            category = CATEGORIES[i % len(CATEGORIES)]
            w(f"    <category>{category}</category>\n" if category else "    <category/>\n")
            w(f"    <priority>{1 + i % 4}</priority>\n")
            if i % 17 == 0:
                w("    <assignment_group/>\n")
            else:
                w(f'    <assignment_group display_value="{group.replace("&", "&amp;")}">{sys_id}</assignment_group>\n')
            w(f"    <opened_at>2026-{month:02d}-{day:02d} 08:{i % 60:02d}:00</opened_at>\n")
            if resolved:
                w(f"    <resolved_at>2026-{month:02d}-{day:02d} 11:{i % 60:02d}:00</resolved_at>\n")
                w(f"    <close_code>Solution provided</close_code>\n")
                w(f"    <close_notes>Konfiguration korrigiert; Nutzer bestätigt die Lösung.</close_notes>\n")
            if state == "7":
                w(f"    <closed_at>2026-{month:02d}-{day:02d} 17:00:00</closed_at>\n")
            w("    <problem_id/>\n")
            w("  </incident>\n")
        w("</unload>\n")
    print(path)


if __name__ == "__main__":
    main()
