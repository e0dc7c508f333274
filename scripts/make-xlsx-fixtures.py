#!/usr/bin/env python3
"""Writes the .xlsx evidence fixtures of fixtures/xlsx/ from the CSV fixtures (docs/xlsx.md).

Run once from the repository root; the output is committed (the tests read it, they do not run this).

- NAME.openpyxl.xlsx: the CSV's rows on the first sheet, written by openpyxl as a spreadsheet that opened
  the CSV would keep them: whole numbers and decimals as numbers, ISO dates as date cells, true/false as
  booleans, everything else as (shared) strings.
- NAME.libreoffice.xlsx: `soffice --headless --convert-to xlsx` of the CSV (skipped without soffice).
- sample-cells-1900.xlsx, sample-cells-1904.xlsx: sample.csv written part by part by hand, exercising
  what openpyxl does not write: date cells with a built-in (14) and a custom format in the 1900 and the 1904
  date system, booleans, the share 1/2 as 0.5 with a fraction format, inline strings, rich-text runs,
  cells and rows without `r` attributes, padded empty cells and rows.
- company-a-before.template.xlsx, company-a-after.template.xlsx: `appraise template --from
  fixtures/company-a/before.xml` (after.xml) (the built binary, .build/debug/appraise or APPRAISE=path);
  company-a-after.template.libreoffice.xlsx: that workbook opened
  and saved again by headless LibreOffice (skipped without soffice).
"""
import csv
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fixtures", "xlsx")
SOURCES = {
    "sample": "fixtures/evidence/sample.csv",
    "company-a-before": "fixtures/company-a/before.csv",
    "company-a-after": "fixtures/company-a/after.csv",
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def rows(relative):
    with open(os.path.join(ROOT, relative), newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def typed(text):
    """The value a spreadsheet that opened the CSV would hold."""
    if re.fullmatch(r"[1-9][0-9]{0,8}|0", text):
        return int(text)
    if re.fullmatch(r"[0-9]+\.[0-9]+", text) and repr(float(text)) == text:
        return float(text)
    if ISO_DATE.match(text):
        return datetime.date.fromisoformat(text)
    if text in ("true", "false"):
        return text == "true"
    return text


def write_openpyxl(name, source):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for r, row in enumerate(rows(source), start=1):
        for c, text in enumerate(row, start=1):
            if text == "":
                continue
            value = typed(text)
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, float):
                # As typed: 2.0 shown as 2.0 (a version number), not as 2.
                cell.number_format = "0." + "0" * len(text.split(".")[1])
    book.save(os.path.join(OUT, name + ".openpyxl.xlsx"))


def write_libreoffice(name, source):
    soffice = shutil.which("soffice")
    if not soffice:
        print("soffice not found: no LibreOffice variant of", name, file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, name + ".csv")
        shutil.copy(os.path.join(ROOT, source), copy)
        # Comma separated, UTF-8 (76), first line 1, English (US), quoted cells not forced to text, special
        # numbers not detected: without that, LibreOffice turns the share 1/2 into the date 2 January; the
        # version column (7) as text: without it, the version 2.0 becomes the number 2 (docs/xlsx.md).
        subprocess.run(
            [soffice, "--headless", "-env:UserInstallation=file://" + tmp + "/profile",
             "--infilter=CSV:44,34,76,1,7/2,1033,false,false", "--convert-to", "xlsx", "--outdir", tmp, copy],
            check=True, stdout=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, name + ".xlsx"), os.path.join(OUT, name + ".libreoffice.xlsx"))


def serial(date, date1904):
    base = datetime.date(1904, 1, 1) if date1904 else datetime.date(1899, 12, 30)
    return (date - base).days


def column_letters(n):
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def write_by_hand(name, source, date1904, folder=OUT, sheet="PIID evidence", overrides=None):
    """sample.csv as a hand-made workbook: every cell kind the reader knows (see the module comment).
    `overrides` maps (row, column) to the XML of a cell written instead of the CSV's."""
    overrides = overrides or {}
    shared = []
    cells_xml = []
    data = rows(source)
    for r, row in enumerate(data, start=1):
        if all(text == "" for text in row):
            # An empty row written as an element with padded empty cells.
            cells_xml.append(f'<row r="{r}"><c r="A{r}"/><c r="B{r}" s="0"/></row>')
            continue
        # Odd rows leave out the row's `r`; every third cell leaves out its own.
        row_open = f'<row r="{r}">' if r % 2 == 0 else "<row>"
        parts = []
        for c, text in enumerate(row, start=1):
            ref = "" if c % 3 == 0 else f' r="{column_letters(c)}{r}"'
            if (r, c) in overrides:
                parts.append(f"<c{ref}" + overrides[(r, c)])
                continue
            if text == "":
                if c % 2 == 0:
                    parts.append(f"<c{ref}/>")
                else:
                    parts.append(f'<c{ref} t="inlineStr"><is><t></t></is></c>')
                continue
            value = typed(text)
            if text == "1/2":
                parts.append(f'<c{ref} s="3"><v>0.5</v></c>')
            elif isinstance(value, bool):
                parts.append(f'<c{ref} t="b"><v>{1 if value else 0}</v></c>')
            elif isinstance(value, (int, float)):
                parts.append(f"<c{ref}><v>{value}</v></c>")
            elif isinstance(value, datetime.date):
                style = 1 if c % 2 == 0 else 2
                parts.append(f'<c{ref} s="{style}"><v>{serial(value, date1904)}</v></c>')
            elif c % 4 == 0:
                parts.append(f'<c{ref} t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>')
            elif len(text) > 6:
                # Rich text: the text in two runs, the first bold, plus a phonetic run that is not text.
                half = len(text) // 2
                shared.append(
                    f'<si><r><rPr><b/></rPr><t xml:space="preserve">{escape(text[:half])}</t></r>'
                    f'<r><t xml:space="preserve">{escape(text[half:])}</t></r>'
                    '<rPh sb="0" eb="1"><t>ignored</t></rPh></si>')
                parts.append(f'<c{ref} t="s"><v>{len(shared) - 1}</v></c>')
            else:
                shared.append(f'<si><t xml:space="preserve">{escape(text)}</t></si>')
                parts.append(f'<c{ref} t="s"><v>{len(shared) - 1}</v></c>')
        # Padding a spreadsheet leaves: two empty cells after the last one.
        width = len(row)
        parts.append(f'<c r="{column_letters(width + 1)}{r}"/><c r="{column_letters(width + 2)}{r}" s="0"/>')
        cells_xml.append(row_open + "".join(parts) + "</row>")
    # Two padded empty rows at the end.
    n = len(data)
    cells_xml.append(f'<row r="{n + 1}"/><row r="{n + 3}"><c r="A{n + 3}"/></row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            "</Types>"),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}">'
            + ('<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>")
            + f'<sheets><sheet name="{escape(sheet)}" sheetId="1" r:id="rId7"/>'
            '<sheet name="Unused" sheetId="2" r:id="rId8"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId7" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId8" Type="{rel}/worksheet" Target="/xl/worksheets/missing.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/></Relationships>'),
        "xl/styles.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{main}">'
            '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>'
            '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
            '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
            '<xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="12" applyNumberFormat="1"/></cellXfs>'
            "</styleSheet>"),
        "xl/sharedStrings.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}" count="{len(shared)}" '
            f'uniqueCount="{len(shared)}">' + "".join(shared) + "</sst>"),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}" xmlns:r="{rel}">'
            '<dimension ref="A1:R40"/><sheetData>' + "".join(cells_xml) + "</sheetData></worksheet>"),
    }
    path = os.path.join(folder, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in parts.items():
            info = zipfile.ZipInfo(part, date_time=(2026, 12, 7, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def write_templates():
    binary = os.environ.get("APPRAISE", os.path.join(ROOT, ".build", "debug", "appraise"))
    for when in ["before", "after"]:
        subprocess.run([binary, "template", "--from", os.path.join(ROOT, "fixtures", "company-a", f"{when}.xml"),
                        "--output", os.path.join(OUT, f"company-a-{when}.template.xlsx")], check=True)
    template = os.path.join(OUT, "company-a-after.template.xlsx")
    if not shutil.which("soffice"):
        print("soffice not found: company-a-after.template.libreoffice.xlsx not written", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as scratch:
        copy = os.path.join(scratch, "template.xlsx")
        shutil.copy(template, copy)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{scratch}/profile", "--headless", "--convert-to",
                        "xlsx:Calc MS Excel 2007 XML", "--outdir", os.path.join(scratch, "out"), copy],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.copy(os.path.join(scratch, "out", "template.xlsx"),
                    os.path.join(OUT, "company-a-after.template.libreoffice.xlsx"))


def main():
    os.makedirs(OUT, exist_ok=True)
    write_templates()
    for name, source in SOURCES.items():
        write_openpyxl(name, source)
        write_libreoffice(name, source)
    write_by_hand("sample-cells-1900.xlsx", SOURCES["sample"], date1904=False)
    write_by_hand("sample-cells-1904.xlsx", SOURCES["sample"], date1904=True)
    # The invalid corpus (docs/invalid-inputs.md): problems located by cell.
    invalid = os.path.join(ROOT, "fixtures", "invalid", "evidence")
    write_by_hand(
        "xlsx-bad-cells.xlsx", SOURCES["sample"], date1904=False, folder=invalid, sheet="Evidence",
        overrides={
            (5, 2): ' s="1"><v>60</v></c>',  # the header date: serial 60, Excel's 29 February 1900
            (22, 4): ' t="e"><v>#N/A</v></c>',  # an error cell as an indicator
            (23, 4): ' t="inlineStr"><is><t>interview</t></is></c>',  # an unknown indicator
            (24, 8): ' t="b"><v>1</v></c>',  # a boolean as a locator date
            (14, 3): '><v>0.5</v></c>',  # the share as a plain number
        })
    with open(os.path.join(invalid, "xlsx-not-a-zip.xlsx"), "w", encoding="utf-8") as f:
        f.write("formatVersion,1\nid,saved as CSV but named .xlsx\n")
    with open(os.path.join(invalid, "xlsx-encrypted.xlsx"), "wb") as f:
        # The OLE compound file signature an encrypted workbook (or a legacy .xls) starts with.
        f.write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))


if __name__ == "__main__":
    main()
