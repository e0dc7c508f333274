#!/usr/bin/env python3
"""Checks an XLSX report (`appraise rate|compare --format xlsx`) against the JSON report of the same run.

    check-xlsx.py rate REPORT.xlsx REPORT.json
    check-xlsx.py compare REPORT.xlsx REPORT.json
    check-xlsx.py trend REPORT.xlsx REPORT.json
    check-xlsx.py plan PLAN.xlsx PLAN.json
    check-xlsx.py cmmi3 REPORT.xlsx REPORT.json    (a CMMI V3.0 appraisal's rate report)

Opens the workbook with openpyxl and checks what docs/xlsx.md promises: the sheets in order, every sheet a
table (bold header row on a fill, autofilter over the table, pane frozen under the header, landscape,
fitted to one page wide, header row repeated), the goal ratings equal to the JSON report's, the heat-map
cells holding the characterization codes on their fills, the input hashes, and for compare the goals
before and after, the practice transitions and the weaknesses closed and new; for trend the goal ratings
at every appraisal, the series behind the line chart (and the chart), the practices and the weaknesses; for
plan (`appraise plan --format xlsx`) a row per planned cell, scope change, shortfall and judgment with empty
Owner and Due date cells, and the Summary's target, check and method statement; for a CMMI V3.0 report
the practice-group ratings and their default labels, and the per-project values, equal to the JSON's. Prints `ok: ...` lines;
on a mismatch prints every problem and exits 1; exits 2 when openpyxl is missing.
"""
import json
import sys

try:
    import openpyxl
    from openpyxl.utils import get_column_letter
except ImportError as error:  # pragma: no cover
    print(f"check-xlsx: {error}; install with: pip install openpyxl", file=sys.stderr)
    sys.exit(2)

RATE_SHEETS = ["Summary", "Goals", "Characterizations", "Findings", "Evidence", "Judgments"]
COMPARE_SHEETS = ["Summary", "Goals", "Practices", "Weaknesses", "Levels"]
CMMI3_SHEETS = ["Summary", "Project values", "Practice groups", "Flags"]
TREND_SHEETS = ["Summary", "Series", "Goals", "Practices", "Findings"]
PLAN_SHEETS = ["Summary", "Action plan"]
# The HTML heat map's fills (HTMLRenderer's stylesheet), as ARGB.
FILLS = {"FI": "FF1A7F37", "LI": "FF9AD89C", "PI": "FFF4B43C", "NI": "FFD1342B", "NY": "FF5C7BA6"}
RATED = {"Satisfied", "Unsatisfied", "Not Rated"}

problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)


def fill(cell):
    """The cell's solid fill as ARGB, or None."""
    if cell.fill is None or cell.fill.fill_type != "solid":
        return None
    return cell.fill.fgColor.rgb


def rows(sheet):
    """The table's rows below the header, as dicts keyed by header titles."""
    header = [cell.value for cell in sheet[1]]
    return header, [dict(zip(header, row)) for row in sheet.iter_rows(min_row=2, values_only=True)]


def check_table(sheet):
    header = [cell for cell in sheet[1]]
    expect(all(cell.value for cell in header), f"{sheet.title}: an empty header cell")
    expect(all(cell.font.b for cell in header), f"{sheet.title}: header not bold")
    expect(all(fill(cell) for cell in header), f"{sheet.title}: header without a fill")
    # Frozen under the header; a heat map may freeze its id columns too (C2).
    frozen = sheet.freeze_panes or ""
    expect(frozen.endswith("2") and frozen[:-1].isalpha(),
           f"{sheet.title}: panes frozen at {sheet.freeze_panes}, expected under the header row (A2, …)")
    last = get_column_letter(len(header))
    expected = f"A1:{last}{max(sheet.max_row, 1)}"
    expect(sheet.auto_filter.ref == expected, f"{sheet.title}: autofilter {sheet.auto_filter.ref}, expected {expected}")
    expect(sheet.page_setup.orientation == "landscape", f"{sheet.title}: not landscape")
    expect(sheet.sheet_properties.pageSetUpPr.fitToPage, f"{sheet.title}: not fitted to the page")
    expect(sheet.page_setup.fitToWidth in (1, None), f"{sheet.title}: fit to {sheet.page_setup.fitToWidth} pages wide")
    expect(str(sheet.page_setup.fitToHeight) == "0", f"{sheet.title}: fit to {sheet.page_setup.fitToHeight} pages high")
    expect(sheet.print_title_rows == "$1:$1", f"{sheet.title}: repeated rows {sheet.print_title_rows}, expected $1:$1")
    for letter, dimension in sheet.column_dimensions.items():
        expect(dimension.width is None or 5 <= dimension.width <= 81, f"{sheet.title}: column {letter} width {dimension.width}")


def check_rate(book, report):
    summary = book["Summary"]
    _, lines = rows(summary)
    statement = [line["Value"] for line in lines if line["Section"] == "Method"]
    expect(statement == [report["method"]], f"Summary: method statement {statement}, expected {report['method']!r}")
    hashes = {(line["Value"], line["Detail"]) for line in lines if line["Section"] == "Input (path, SHA-256)"}
    for item in report["inputs"]:
        expect((item["path"], item["sha256"]) in hashes, f"Summary: no SHA-256 for {item['path']}")

    _, goals = rows(book["Goals"])
    got = {(row["Process area"], row["Goal"]): row["Rating"] for row in goals}
    want = {}
    for area in report["processAreas"]:
        if area["rating"] not in RATED:
            continue
        for goal in area["goals"]:
            want[(area["id"], goal["id"])] = goal["rating"]
    expect(got == want, f"Goals: ratings differ from the JSON report: {sorted(set(got.items()) ^ set(want.items()))[:5]}")
    print(f"ok: {len(got)} goal ratings equal the JSON report's")

    sheet = book["Characterizations"]
    header = [cell.value for cell in sheet[1]]
    index = {(row[0].value, row[1].value): row for row in sheet.iter_rows(min_row=2)}
    cells = 0
    for area in report["processAreas"]:
        for goal in area.get("goals", []):
            for practice in goal["practices"]:
                code, number = practice["id"].split(" ", 1)
                row = index.get((code, number))
                if row is None:
                    problems.append(f"Characterizations: no row for {practice['id']}")
                    continue
                if "FI" in header:  # a summary: per practice, how many instantiations have each value
                    for code, count in practice["distribution"].items():
                        cell = row[header.index("Not characterized" if code == "—" else code)]
                        expect(cell.value == count, f"Characterizations {cell.coordinate}: {cell.value!r}, expected {count}")
                        if count and code in FILLS:
                            expect(fill(cell) == FILLS[code], f"Characterizations {cell.coordinate}: fill {fill(cell)}")
                        cells += 1
                    continue
                for unit in practice["instantiations"]:
                    cell = row[header.index(unit["instantiation"])]
                    value = unit.get("value")
                    expect(cell.value == (value or "—"), f"Characterizations {cell.coordinate}: {cell.value!r}, expected {value}")
                    if value in FILLS:
                        expect(fill(cell) == FILLS[value], f"Characterizations {cell.coordinate}: fill {fill(cell)} for {value}")
                    cells += 1
                ou = row[header.index("OU")]
                expect(ou.value == (practice.get("value") or "—"), f"Characterizations {ou.coordinate}: OU {ou.value!r}")
    print(f"ok: {cells} heat-map cells hold the JSON report's values on their fills")

    if "itilView" in report:
        view = report["itilView"]
        _, lines = rows(book.worksheets[-1])
        first = list(lines[0].values()) if lines else []
        expect(first[:1] == ["Statement"] and first[2] == view["statement"], "view: the statement is not the first row")
        links = [line for line in lines if line[list(line)[0]] not in ("Statement", "Source")]
        want = sum(max(1, len(process["links"])) for process in view["processes"])
        expect(len(links) == want, f"view: {len(links)} link rows, expected {want}")
        print(f"ok: {len(links)} rows of the {view['framework']} view")


def check_compare(book, report):
    _, goals = rows(book["Goals"])
    got = {(row["Process area"], row["Goal"] or ""): (row["Before"], row["After"]) for row in goals}
    want = {}

    def label(rating, provisional):
        return rating + (" (provisional)" if provisional else "")

    for area in report["table"]:
        want[(area["processArea"], "")] = (area["before"], area["after"])
        for goal in area["goals"]:
            want[(area["processArea"], goal["id"])] = (
                label(goal["before"], goal.get("beforeProvisional")), label(goal["after"], goal.get("afterProvisional")))
    expect(got == want, f"Goals: before/after differ from the JSON report: {sorted(set(got.items()) ^ set(want.items()))[:5]}")
    print(f"ok: {len(got)} process area and goal rows before and after equal the JSON report's")

    _, practices = rows(book["Practices"])
    got = [(f"{row['Process area']} {row['Practice']}", row["Before"], row["After"]) for row in practices]
    want = [(item["practice"], item.get("before") or "—", item.get("after") or "—") for item in report["transitions"]]
    expect(got == want, f"Practices: transitions differ: {got[:3]} vs {want[:3]}")
    _, weaknesses = rows(book["Weaknesses"])
    closed = sum(1 for row in weaknesses if row["Change"] == "closed")
    new = sum(1 for row in weaknesses if row["Change"] == "new")
    expect((closed, new) == (len(report["closedWeaknesses"]), len(report["newWeaknesses"])),
           f"Weaknesses: {closed} closed and {new} new, expected {len(report['closedWeaknesses'])} and {len(report['newWeaknesses'])}")
    print(f"ok: {len(got)} practice transitions, {closed} weaknesses closed and {new} new")


def check_trend(book, report):
    count = len(report["appraisals"])
    header, goals = rows(book["Goals"])
    dates = header[3:3 + count]
    got = {(row["Process area"], row["Goal"] or ""): [row[date] for date in dates] for row in goals}
    want = {}
    for area in report["areas"]:
        want[(area["processArea"], "")] = area["ratings"]
        for goal in area["goals"]:
            want[(area["processArea"], goal["id"])] = [
                rating + (" (provisional)" if provisional else "")
                for rating, provisional in zip(goal["ratings"], goal["provisional"])]
    expect(got == want, f"Goals: ratings differ from the JSON report: {sorted(got.items())[:2]} vs {sorted(want.items())[:2]}")
    print(f"ok: {len(got)} process area and goal rows at {count} appraisals equal the JSON report's")

    _, series = rows(book["Series"])
    got = [row["Goals satisfied"] for row in series]
    expect(got == report["goalsSatisfied"], f"Series: goals satisfied {got}, expected {report['goalsSatisfied']}")
    charts = len(book["Series"]._charts)
    expect(charts == 1, f"Series: {charts} charts, expected the line chart")
    print(f"ok: satisfied goals {got} and the line chart")

    _, practices = rows(book["Practices"])
    expect(len(practices) == len(report["practices"]["changed"]),
           f"Practices: {len(practices)} rows, expected {len(report['practices']['changed'])}")
    _, findings = rows(book["Findings"])
    got = sorted((f"{row['Process area']} {row['Practice']}", row["Status"]) for row in findings)
    want = sorted((item["practice"], item["status"]) for item in report["findings"])
    expect(got == want, f"Findings: {got[:3]} vs {want[:3]}")
    print(f"ok: {len(practices)} practices that changed, {len(findings)} weaknesses with their status")


def check_plan(book, report):
    header, lines = rows(book["Action plan"])
    expect(header[-2:] == ["Owner", "Due date"], f"Action plan: last columns {header[-2:]}, expected Owner, Due date")
    expect(all(line["Owner"] is None and line["Due date"] is None for line in lines), "Action plan: an Owner or Due date filled in")
    cells = sorted((item["step"], item["practice"], unit) for item in report["items"] for group in item["groups"]
                   for unit in group["instantiations"])
    got = sorted((line["Step"], line["Practice"], line["Instantiation"]) for line in lines if line["Step"] is not None)
    expect(got == cells, f"Action plan: cells {got}, expected {cells}")
    expect(len(cells) == sum(item["cells"] for item in report["items"]), "Action plan: cell count differs from the JSON's")
    others = len(report["scopeChanges"]) + len(report["coverageShortfalls"]) + len(report["judgments"])
    expect(len(lines) == len(cells) + others, f"Action plan: {len(lines)} rows, expected {len(cells) + others}")
    _, summary = rows(book["Summary"])
    values = {line["Item"]: line["Value"] for line in summary}
    expect(values.get("Method") == report["method"], f"Summary: method {values.get('Method')!r}")
    expect(values.get("Reached after the plan") == ("yes" if report["check"]["reached"] else "no"),
           f"Summary: reached after the plan {values.get('Reached after the plan')!r}")
    expect(report["target"]["text"] in (values.get("Target") or ""), f"Summary: target {values.get('Target')!r}")
    print(f"ok: {len(cells)} planned cells and {others} other rows, owner and due date empty")


def check_cmmi3(book, report):
    _, groups = rows(book["Practice groups"])
    got = sorted((line["Practice area"], line["Level"], line["Rating"], line["Default"]) for line in groups)
    want = sorted((group["practiceArea"], group["level"], group["value"], "yes" if group["default"] else "no")
                  for group in report["practiceGroups"])
    expect(got == want, f"Practice groups: {got}, expected {want}")
    header, values = rows(book["Project values"])
    projects = [project["id"] for project in report["projects"]]
    expect(all(project in header for project in projects), f"Project values: header {header} lacks a project")
    codes = {line[project].split(" ")[0] for line in values for project in projects if line.get(project)}
    expect({"FM", "LM", "PM", "DM", "NY"} <= codes, f"Project values: codes {sorted(codes)}")
    _, flags = rows(book["Flags"])
    expect(len(flags) == len(report["flags"]), f"Flags: {len(flags)} rows, expected {len(report['flags'])}")
    print(f"ok: {len(groups)} practice groups, {len(values)} practices, {len(flags)} flagged defaults")


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("rate", "compare", "trend", "plan", "cmmi3"):
        print(__doc__, file=sys.stderr)
        sys.exit(64)
    kind, workbook, json_report = sys.argv[1:]
    book = openpyxl.load_workbook(workbook)
    report = json.load(open(json_report, encoding="utf-8"))
    sheets = {"rate": RATE_SHEETS, "compare": COMPARE_SHEETS, "trend": TREND_SHEETS, "plan": PLAN_SHEETS,
              "cmmi3": CMMI3_SHEETS}[kind]
    if "itilView" in report:  # rate --view itil: one more sheet, named after the framework
        sheets = sheets + [report["itilView"]["framework"].replace("/", "-") + " view"]
    expect(book.sheetnames == sheets, f"sheets {book.sheetnames}, expected {sheets}")
    for sheet in book.worksheets:
        check_table(sheet)
    print(f"ok: {len(book.worksheets)} sheets, each a table with header, autofilter, frozen pane and print setup")
    {"rate": check_rate, "compare": check_compare, "trend": check_trend, "plan": check_plan,
     "cmmi3": check_cmmi3}[kind](book, report)
    for problem in problems:
        print(f"check-xlsx: {problem}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
