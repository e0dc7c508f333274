/// The layout of the PIID workbook `appraise template` writes and the readers take back (docs/xlsx.md,
/// "The PIID template"): one definition for the writer and the reader.
///
/// - `Instructions`: text for people; never read.
/// - `Settings`: a header row (``settingsHeader``), then one row per setting of the CSV syntax's settings
///   block: the key in column A, its values in B, C, ….
/// - `Instantiations`: a header row (``instantiationColumns``), then one row per instantiation.
/// - One PIID sheet per process area (any other sheet): a header row of ``piidColumns`` labels (any order,
///   optional ones may be left out), then rows of the CSV syntax's PIID block.
///
/// A row is left out when every cell but the ones the template fills in for the team (``prefilledFields``:
/// practice, title, instantiation, indicator) is empty, and an indicator on a row with no other evidence
/// cell belongs to the template, not to the team. An evidence row without an id gets `SHEET-ROW`.
public enum PIIDTemplateLayout {
  /// A PIID column: its label in the header row and the CSV syntax's column it is (`nil`: for people only).
  public struct Column: Hashable, Sendable {
    public var label: String
    public var field: String?
  }

  public static let instructionsSheet = "Instructions"
  public static let settingsSheet = "Settings"
  public static let instantiationsSheet = "Instantiations"
  /// Sheets that are not PIID sheets.
  public static let fixedSheets: Set<String> = [instructionsSheet, settingsSheet, instantiationsSheet]

  /// The settings sheet's header row.
  public static let settingsHeader = ["Setting", "Value", "More values"]
  /// The instantiations sheet's header row: id, name, kind, subgroup, process areas (space-separated).
  public static let instantiationColumns = ["Id", "Name", "Kind", "Subgroup", "Process areas"]

  /// The PIID sheets' columns in the order the template writes them: the practice, its title (for people),
  /// the instantiation, then every other column of the CSV syntax's PIID block.
  public static let piidColumns: [Column] =
    [Column(label: "Practice", field: "practice"), Column(label: "Title", field: nil)]
    + CSVAppraisalDecoder.columns.dropFirst().map { Column(label: label(of: $0), field: $0) }

  /// Columns the template fills in for the team: a row with nothing else is an unused row.
  public static let prefilledFields: Set<String?> = ["practice", nil, "instantiation", "indicator"]

  /// The CSV columns that make a row an evidence item (besides the indicator).
  public static let evidenceFields: Set<String> = {
    let after = Set(CSVAppraisalDecoder.columns.drop { $0 != "evidenceId" })
    let team: Set<String> = [
      "characterization", "characterizationNote", "weakness", "weaknessImpact", "strength", "weaknessId", "strengthId",
    ]
    return after.subtracting(team).subtracting(["indicator"])
  }()

  /// Whether a workbook with these sheet names is a template (it has a settings and an instantiations
  /// sheet); any other workbook is read as the CSV syntax's rows on its first sheet.
  public static func isTemplate(sheetNames: [String]) -> Bool {
    sheetNames.contains(settingsSheet) && sheetNames.contains(instantiationsSheet)
  }

  /// The column a header label names: labels are compared without case, spaces or punctuation, so
  /// `Evidence id`, `evidenceId` and `EVIDENCE-ID` are the same column.
  public static func column(labelled text: String) -> Column? {
    let key = normalized(text)
    return piidColumns.first { normalized($0.label) == key || $0.field.map(normalized) == key }
  }

  /// `evidenceId` → `Evidence id`, `url` → `URL`.
  static func label(of field: String) -> String {
    if field == "url" { return "URL" }
    var words: [String] = []
    var word = ""
    for character in field {
      if character.isUppercase && !word.isEmpty {
        words.append(word)
        word = String(character).lowercased()
      } else {
        word.append(character)
      }
    }
    words.append(word)
    let text = words.joined(separator: " ")
    return text.prefix(1).uppercased() + text.dropFirst()
  }

  static func normalized(_ text: String) -> String {
    String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
  }
}
