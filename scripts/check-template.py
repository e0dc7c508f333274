#!/usr/bin/env python3
"""Checks a PIID template workbook (`appraise template`) with openpyxl.

    check-template.py TEMPLATE.xlsx [APPRAISAL.json]

Checks what docs/xlsx.md ("The PIID template") promises: the sheets in order (Instructions, Settings,
Instantiations, then one per process area), the header rows of the layout (bold, on a fill), the drop-down
lists on the named columns (PIID sheets: Instantiation, Indicator, Imported, Characterization, Weakness
impact, over the rows and the spare rows; Instantiations: Kind; Settings: representation, targetLevel,
includeAdditions, coverage), frozen panes, autofilters, column widths, print setup, the pre-filled columns'
fill, text cells for dates and the share. With the JSON appraisal the workbook was made from (or an
equal one), also that every evidence item, observation and characterization is on a row of its pair and
every instantiation and setting is there. Prints `ok: ...` lines; on a mismatch prints every problem and
exits 1; exits 2 when openpyxl is missing.
"""
import json
import sys

try:
    import openpyxl
    from openpyxl.utils import get_column_letter
except ImportError as error:  # pragma: no cover
    print(f"check-template: {error}; install with: pip install openpyxl", file=sys.stderr)
    sys.exit(2)

FIXED = ["Instructions", "Settings", "Instantiations"]
SETTINGS_HEADER = ["Setting", "Value", "More values"]
INSTANTIATION_HEADER = ["Id", "Name", "Kind", "Subgroup", "Process areas"]
PIID_HEADER = [
    "Practice", "Title", "Instantiation", "Evidence id", "Indicator", "Document", "Section", "Version", "Date",
    "URL", "Note", "Imported", "Characterization", "Characterization note", "Weakness", "Weakness impact",
    "Strength", "Weakness id", "Strength id",
]
PIID_LISTS = {
    "Indicator": ["direct-artifact", "indirect-artifact", "artifact", "affirmation"],
    "Imported": ["true", "false"],
    "Characterization": ["FI", "LI", "PI", "NI", "NY"],
    "Weakness impact": ["minor", "major"],
}
SPARE_ROWS = 200

problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)


def fill(cell):
    if cell.fill is None or cell.fill.fill_type != "solid":
        return None
    return cell.fill.fgColor.rgb


def validations(sheet):
    """Each list validation as (formula, set of (column letter, first row, last row))."""
    found = []
    for rule in sheet.data_validations.dataValidation:
        ranges = set()
        for cells in str(rule.sqref).split():
            first, _, last = cells.partition(":")
            last = last or first
            column = "".join(c for c in first if c.isalpha())
            ranges.add((column, int(first[len(column):]), int(last[len(column):])))
        found.append((rule.type, rule.formula1, ranges))
    return found


def has_list(sheet, column, first, last, values=None, formula=None):
    for kind, formula1, ranges in validations(sheet):
        if kind != "list":
            continue
        if values is not None and formula1 != '"' + ",".join(values) + '"':
            continue
        if formula is not None and formula1 != formula:
            continue
        if any(c == column and a <= first and b >= last for c, a, b in ranges):
            return True
    return False


def check_header(sheet, labels):
    header = [cell.value for cell in sheet[1]][: len(labels)]
    expect(header == labels, f"{sheet.title}: header {header}, expected {labels}")
    expect(all(cell.font.b for cell in sheet[1][: len(labels)]), f"{sheet.title}: header not bold")
    expect(all(fill(cell) for cell in sheet[1][: len(labels)]), f"{sheet.title}: header without a fill")


def check_print(sheet):
    expect(sheet.page_setup.orientation == "landscape", f"{sheet.title}: not landscape")
    expect(sheet.sheet_properties.pageSetUpPr.fitToPage, f"{sheet.title}: not fitted to the page")
    expect(sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0,
           f"{sheet.title}: not fitted to one page wide")
    expect(sheet.print_title_rows == "$1:$1", f"{sheet.title}: header row not repeated ({sheet.print_title_rows})")
    expect("&P" in (sheet.oddFooter.right.text or ""), f"{sheet.title}: no page numbers in the footer")


def check_widths(sheet, count):
    for index in range(1, count + 1):
        letter = get_column_letter(index)
        width = sheet.column_dimensions[letter].width
        expect(width and width >= 8, f"{sheet.title}: column {letter} has no width set ({width})")


def main(arguments):
    if len(arguments) not in (1, 2):
        print(__doc__, file=sys.stderr)
        return 2
    workbook = openpyxl.load_workbook(arguments[0])
    names = workbook.sheetnames
    expect(names[:3] == FIXED, f"sheets {names[:3]}, expected {FIXED} first")
    areas = names[3:]
    expect(areas, "no process area sheet")

    instructions = workbook["Instructions"]
    text = " ".join(str(row[0]) for row in instructions.iter_rows(values_only=True) if row[0])
    for phrase in ["not a SCAMPI A / Benchmark rating", "FI", "Not Rated", "never averages", "SHEET-ROW",
                   "copy a row", "ignored"]:
        expect(phrase in text, f"Instructions: no \"{phrase}\"")
    expect(instructions.column_dimensions["A"].width >= 80, "Instructions: column A is not wide")
    expect(instructions["A3"].alignment.wrap_text, "Instructions: text does not wrap")

    settings = workbook["Settings"]
    check_header(settings, SETTINGS_HEADER)
    rows = {}
    for number, row in enumerate(settings.iter_rows(min_row=2), start=2):
        key = row[0].value
        values = [cell.value for cell in row[1:] if cell.value not in (None, "")]
        rows.setdefault(key, []).append((number, values, row))
        for cell in row[1:]:
            expect(cell.value is None or isinstance(cell.value, str),
                   f"Settings!{cell.coordinate}: {cell.value!r} is not a text cell")
    expect("instantiation" not in rows, "Settings: instantiation rows (they belong on Instantiations)")
    for key in ["formatVersion", "id", "name", "organizationalUnit", "date", "model", "modelVersion", "methodClass",
                "representation", "targetLevel", "includeAdditions", "processAreas", "coverage"]:
        expect(key in rows, f"Settings: no {key} row")
    for key, values in [("representation", ["staged", "continuous"]), ("targetLevel", ["1", "2", "3", "4", "5"]),
                        ("includeAdditions", ["true", "false"]), ("coverage", ["true", "false"])]:
        if key in rows:
            number = rows[key][0][0]
            expect(has_list(settings, "B", number, number, values), f"Settings: no drop-down on {key} (B{number})")
    if "coverage" in rows:
        share = rows["coverage"][0][2][2]
        expect(share.value and "/" in share.value and share.number_format == "@",
               f"Settings: the share {share.value!r} is not text in a text cell")
    if "processAreas" in rows:
        expect(rows["processAreas"][0][1] == areas or not areas, f"Settings: processAreas is not the area sheets")

    units = workbook["Instantiations"]
    check_header(units, INSTANTIATION_HEADER)
    ids = [row[0] for row in units.iter_rows(min_row=2, values_only=True) if row[0]]
    expect(ids, "Instantiations: no instantiation")
    expect(has_list(units, "C", 2, len(ids) + 1 + 50, ["project", "team", "service", "support-function"]),
           "Instantiations: no kind drop-down over the rows and 50 spare rows")
    expect(units.freeze_panes == "A2", f"Instantiations: panes frozen at {units.freeze_panes}")
    check_widths(units, len(INSTANTIATION_HEADER))

    pairs = {}
    for name in areas:
        sheet = workbook[name]
        check_header(sheet, PIID_HEADER)
        expect(sheet.freeze_panes == "B2", f"{name}: panes frozen at {sheet.freeze_panes}, expected B2")
        last = sheet.max_row
        data = last - 1
        expect(sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:" + get_column_letter(len(PIID_HEADER))), f"{name}: no autofilter")
        check_print(sheet)
        check_widths(sheet, len(PIID_HEADER))
        letters = {label: get_column_letter(index + 1) for index, label in enumerate(PIID_HEADER)}
        for label, values in PIID_LISTS.items():
            expect(has_list(sheet, letters[label], 2, data + 1 + SPARE_ROWS, values),
                   f"{name}: no {label} drop-down over the rows and {SPARE_ROWS} spare rows")
        expect(any(kind == "list" and formula1.startswith("Instantiations!$A$2:$A$")
                   and any(c == letters["Instantiation"] and b >= data + 1 + SPARE_ROWS for c, a, b in ranges)
                   for kind, formula1, ranges in validations(sheet)),
               f"{name}: no Instantiation drop-down from the Instantiations sheet")
        for row in sheet.iter_rows(min_row=2):
            values = dict(zip(PIID_HEADER, (cell.value for cell in row)))
            if not values["Practice"]:
                continue
            expect(values["Practice"].startswith(name + " "), f"{name}!A{row[0].row}: practice {values['Practice']}")
            expect(values["Instantiation"] in ids, f"{name}!C{row[0].row}: unknown instantiation")
            expect(fill(row[0]) and fill(row[2]), f"{name}!A{row[0].row}: the pre-filled cells have no fill")
            expect(values["Date"] is None or isinstance(values["Date"], str), f"{name}!I{row[0].row}: a date cell")
            expect(row[8].number_format == "@", f"{name}!I{row[0].row}: the date column is not text")
            pairs.setdefault((values["Practice"], values["Instantiation"]), []).append(values)
    print(f"ok: {len(areas)} process area sheets, {sum(map(len, pairs.values()))} PIID rows, {len(ids)} instantiations")

    if len(arguments) == 2:
        with open(arguments[1], encoding="utf-8") as handle:
            appraisal = json.load(handle)
        expect(ids == [unit["id"] for unit in appraisal["instantiations"]], "Instantiations: not the appraisal's")
        expect(rows.get("id", [(0, [None])])[0][1][:1] == [appraisal["header"]["id"]], "Settings: not the id")
        for item in appraisal.get("evidence", []):
            found = [row for row in pairs.get((item["practice"], item["instantiation"]), [])
                     if row["Evidence id"] == item["id"]]
            expect(len(found) == 1, f"evidence {item['id']}: {len(found)} rows")
            if found:
                expect(found[0]["Indicator"] == item["indicator"], f"evidence {item['id']}: indicator")
                expect(found[0]["Document"] == item["locator"]["document"], f"evidence {item['id']}: document")
                expect(found[0]["Date"] == item["locator"].get("date"), f"evidence {item['id']}: date")
        for observation in appraisal.get("observations", []):
            column = "Weakness" if observation["type"] == "weakness" else "Strength"
            rows_of_pair = pairs.get((observation["practice"], observation["instantiation"]), [])
            expect(any(row[column] == observation["text"] for row in rows_of_pair),
                   f"{observation['type']} of {observation['practice']} in {observation['instantiation']}: no row")
        for value in appraisal.get("characterizations", []):
            rows_of_pair = pairs.get((value["practice"], value["instantiation"]), [])
            expect(rows_of_pair and rows_of_pair[0]["Characterization"] == value["value"],
                   f"characterization of {value['practice']} in {value['instantiation']}: not on the first row")
        print(f"ok: every evidence item, observation and characterization of {arguments[1]} is on its pair's rows")

    if problems:
        for problem in problems:
            print(f"problem: {problem}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
