import AppraisalModel
import EvidenceParsers

extension PIIDTemplate {
  /// The Instructions sheet: how to fill in the workbook and how the values derive, in the words of the
  /// project's own rules (the rating rules' doc comments, docs/evidence-format.md). Never read back.
  static func instructions(_ appraisal: Appraisal, catalog: Catalog) -> XLSXSheet {
    var sheet = XLSXSheet(PIIDTemplateLayout.instructionsSheet, header: ["How to fill in this workbook"])
    // 90 characters: a landscape page holds them at 100 % (LibreOffice does not shrink a text sheet to fit).
    sheet.fixedWidths = [90]
    sheet.wrappedColumns = [0]
    sheet.isTable = false
    func heading(_ text: String) { sheet.row([XLSXSheet.Cell(text, .heading)]) }
    func line(_ text: String, _ style: XLSXSheet.Style = .plain) { sheet.row([XLSXSheet.Cell(text, style)]) }
    func list(_ values: [String]) -> String { values.joined(separator: ", ") }
    let name = appraisal.header.name.isEmpty ? "" : " for \(appraisal.header.name)"
    let spare = "\(spareRows)"

    heading("What this workbook is")
    line(
      "A practice implementation indicator description (PIID) workbook\(name) against \(catalog.model.title) "
        + "(\(catalog.model.id) \(catalog.model.version)). Fill it in, save it as an Excel workbook (.xlsx), then "
        + "check it with \"appraise validate FILE.xlsx\" and rate it with \"appraise rate FILE.xlsx\".")
    line(RatingRules.methodStatement, .warning)

    heading("The sheets")
    line(
      "Settings: the appraisal's header and scope, one setting per row, the key in column A and its values in "
        + "columns B, C, … — formatVersion (1), id, name, organizationalUnit, date (YYYY-MM-DD), model and "
        + "modelVersion (the catalog's: \(catalog.model.id), \(catalog.model.version)), methodClass, representation "
        + "(staged or continuous), targetLevel (staged: the maturity level, 2–5; continuous: the capability level, "
        + "1–3), includeAdditions (true or false), processAreas (one process area id per cell), notApplicable "
        + "(process area, reason; one row per area), outOfScope (process area, the reason it is left out; one row "
        + "per area), areaTarget (continuous: process area, its own target capability level; one row per area), "
        + "specificGoalsOnly (staged: true to rate specific goals only), coverage (enabled true or false, minimum "
        + "share such as 1/2, rule scampi-1.3 or per-area; empty means scampi-1.3), "
        + "aggregationDecision (practice, value, justification) and significanceDecision (process area, goal, "
        + "significant true or false, justification), one row per decision. Every cell after the key is read as a "
        + "value: write no comments beside them. The value columns are formatted as text so a date or 1/2 stays "
        + "as typed.")
    line(
      "Settings also holds the disclosure facts, each optional and rating nothing: teamLeader, teamMember (one row "
        + "each) and sponsor (name, organization, role), startDate and endDate (YYYY-MM-DD), reportStatus (draft or "
        + "final), organizationalUnitDescription, location (one row each), population (people, basic units), "
        + "samplingFactor (name, rationale, values), subgroup (id as the Instantiations sheet names it, description, "
        + "rationale), finding (process area, goal such as SG 2 or empty for the whole area, the team's summary "
        + "finding) and globalFinding (a finding no model goal covers), one row per entry. A row with only its key "
        + "is read as not given. Findings name no person and no interview session.")
    line(
      "Instantiations: one row per sampled unit — id (unique), name, kind, subgroup (the sampling subgroup for the "
        + "coverage check; may be empty) and the process areas examined there, separated by spaces (empty: every "
        + "area in scope). A unit added on a free row appears in the Instantiation drop-down of the process area "
        + "sheets.")
    line(
      "One sheet per process area rated, named by its id: each practice rated (the area's specific practices and "
        + "the generic practices of the generic goals the target rates) for each instantiation that examines the "
        + "area. The other sheets are process area sheets too: a sheet may be added for more rows.")

    heading("Filling in a process area sheet")
    line(
      "Practice, Title and Instantiation (the grey columns) are filled in by the template; the other columns are "
        + "the team's. Each practice starts, in each unit, with two rows: one with the indicator direct-artifact, "
        + "one with affirmation. Write the document (and section, version, date as YYYY-MM-DD, URL, note) of the "
        + "artifact, and the interview or questionnaire of the affirmation.")
    line(
      "One row per evidence item. More rows may be added anywhere — copy a row (its Practice and Instantiation "
        + "come with it) and change what differs; the order of the rows does not matter. A row whose only filled "
        + "cells are the ones the template fills in (practice, title, instantiation, indicator) is ignored, so "
        + "unused rows may stay as they are.")
    line(
      "Evidence id: the item's id, unique in the workbook. Left empty, an evidence row gets SHEET-ROW (its sheet "
        + "and row, e.g. CAM-12). Imported: true for evidence an importer generated from ITSM exports; empty "
        + "otherwise.")
    line(
      "Characterization: the team's own value for the practice in this unit (FI, LI, PI, NI or NY), on any row "
        + "of the practice and unit — repeat it or leave the other rows empty; two different values are an error. "
        + "It always overrides the value derived from the evidence. Characterization note: why. LI, PI and NI "
        + "should carry at least one weakness.")
    line(
      "Weakness and Weakness impact: one weakness per row; minor: the practice is implemented with a shortcoming; "
        + "major: an aspect of the practice is not implemented. Strength: one strength per row. A weakness or "
        + "strength may share a row with an evidence item or stand on a row of its own. Observations name no "
        + "person and no interview session.")

    heading("How values derive")
    line(
      "A practice in one unit, when the team gives no characterization: artifacts and affirmations and no "
        + "weakness → FI; with minor weaknesses only → LI; with a major weakness → PI; only artifacts or only "
        + "affirmations (not corroborated) → PI; no artifact or affirmation but weaknesses → NI; nothing recorded → "
        + "not characterized. Direct, indirect and untyped artifacts count alike. NY (not yet) is never derived: "
        + "only the team gives it.")
    line(
      "A practice for the organizational unit: every unit that examines the area must be characterized first; "
        + "NY units are left out unless all are NY. All units the same value → that value; FI and LI only → LI; "
        + "any PI and no NI → the team chooses LI or PI; any NI (not all) → the team chooses NI, PI or LI. Record "
        + "the choice as an aggregationDecision row on Settings; until then the practice counts as PI and the "
        + "report says \"judgment needed\".")
    line(
      "Data coverage: in each subgroup, at least the coverage share (default 1/2, rounded up) of the units that "
        + "examine an area must provide an artifact and an affirmation for some practice of the area; otherwise "
        + "every goal of the area is Not Rated. Team characterizations do not count as evidence here.")
    line(
      "Goals: Not Rated when data coverage fails, or a practice of the goal is not characterized in some unit "
        + "that examines the area (its rows left empty), or is NY for the organizational unit. Satisfied when every "
        + "practice is FI or LI — provisional while the weaknesses wait for the team's significanceDecision "
        + "(significant true makes the goal Unsatisfied). Unsatisfied otherwise, naming the PI and NI practices "
        + "and their weaknesses.")
    line(
      "Process areas follow from their goals; capability levels, the maturity level and equivalent staging from "
        + "the areas. Ratings are never averages of numeric scores.")

    heading("Drop-down lists")
    line(
      "Indicator: \(list(Choices.indicators)). Characterization: \(list(Choices.characterizations)). Weakness "
        + "impact: \(list(Choices.impacts)). Imported: \(list(Choices.flags)). Instantiation: the ids on the "
        + "Instantiations sheet. Kind (Instantiations): \(list(Choices.kinds)). Settings: representation "
        + "(\(list(Choices.representations))), targetLevel (1–5), includeAdditions and coverage (true, false), "
        + "reportStatus (\(list(Choices.reportStatuses))). The "
        + "lists cover the filled rows and \(spare) rows below them (\(spareInstantiations) on Instantiations); a "
        + "copied row keeps its lists.")
    return sheet
  }
}
