#!/usr/bin/env python3
"""Fills a PIID template workbook (written by `appraise template`) with the rows of an appraisal in the
CSV syntax, the way a team would with a spreadsheet program: through openpyxl, into the template's own
pre-filled rows where one fits, appending rows at the bottom of the area's sheet otherwise, and adding the
settings the template left to the team (decisions, coverage) to the Settings sheet.

Usage: fill-template.py TEMPLATE.xlsx EVIDENCE.csv OUTPUT.xlsx

Used by the end-to-end test of docs/xlsx.md ("The PIID template"): the filled workbook must rate like the
CSV it was filled from. Prints what it did; exits 1 when the template lacks a sheet or a column it needs.
"""

import csv
import sys

import openpyxl


def normalized(text):
    return "".join(c for c in str(text or "").lower() if c.isalnum())


def main(template, evidence, output):
    with open(evidence, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    blank = next(i for i, row in enumerate(rows) if not any(cell.strip() for cell in row))
    settings, header, data = rows[:blank], rows[blank + 1], rows[blank + 2 :]

    book = openpyxl.load_workbook(template)
    # Settings the template does not hold yet (decisions, coverage): the team adds them as rows.
    sheet = book["Settings"]
    present = {normalized(row[0].value) for row in sheet.iter_rows(min_row=2) if row[0].value}
    added = 0
    for row in settings:
        key = row[0]
        if key == "instantiation":
            continue
        if normalized(key) in present and key not in ("aggregationDecision", "significanceDecision", "notApplicable"):
            # Overwrite the template's value with the appraisal's.
            for cells in sheet.iter_rows(min_row=2):
                if normalized(cells[0].value) == normalized(key):
                    for offset, value in enumerate(row[1:]):
                        sheet.cell(row=cells[0].row, column=2 + offset, value=value)
            continue
        sheet.append(row)
        added += 1

    filled = appended = 0
    for values in data:
        record = dict(zip(header, values))
        if not record.get("practice"):
            continue
        area = record["practice"].split()[0]
        if area not in book.sheetnames:
            print(f"no sheet for {area}", file=sys.stderr)
            return 1
        sheet = book[area]
        columns = {normalized(cell.value): cell.column for cell in sheet[1] if cell.value}
        for needed in ("practice", "instantiation", "indicator", "document"):
            if needed not in columns:
                print(f"the sheet {area} has no {needed} column", file=sys.stderr)
                return 1
        # The first pre-filled row of the pair with the same indicator (or any, for a row without evidence)
        # that the team has not used yet.
        target = None
        for cells in sheet.iter_rows(min_row=2):
            by = {normalized(sheet.cell(row=1, column=c.column).value): c for c in cells}
            if by["practice"].value != record["practice"] or by["instantiation"].value != record["instantiation"]:
                continue
            used = any(
                c.value not in (None, "")
                for name, c in by.items()
                if name not in ("practice", "title", "instantiation", "indicator")
            )
            if used:
                continue
            if record.get("indicator") and by["indicator"].value not in (None, "", record["indicator"]):
                continue
            target = cells[0].row
            break
        if target is None:
            target = sheet.max_row + 1
            appended += 1
        else:
            filled += 1
        for name, value in record.items():
            column = columns.get(normalized(name))
            if column is not None and (value or name in ("indicator",)):
                sheet.cell(row=target, column=column, value=value or None)
    book.save(output)
    print(f"{filled} pre-filled rows used, {appended} rows appended, {added} settings rows added")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
