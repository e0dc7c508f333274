import AppraisalModel
import EvidenceParsers
import Foundation
import Testing

// `@testable` for the sheets as values (``PIIDTemplate/sheets(for:catalog:)``): the public API gives only the
// workbook's bytes, which openpyxl checks end to end (TemplateCommandTests).
@testable import AppraiseKit

/// The PIID template writer and the request it is made from: deterministic bytes, the sheets and headers of
/// ``PIIDTemplateLayout``, the pre-filled rows, and the appraisal's records on the rows of their pairs.
@Suite("PIID template")
struct PIIDTemplateTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Two areas at capability level 2 (their specific practices and GG 2's), a unit that examines every area
  /// and one that examines CAM only.
  static func emptyScope(_ catalog: Catalog) throws -> Appraisal {
    var request = TemplateRequest()
    request.areas = ["CAM", "IRP"]
    request.targetLevel = 2
    request.instantiations = [
      try TemplateRequest.instantiation(parsing: "shop=Web shop:service:web"),
      try TemplateRequest.instantiation(parsing: "ops=Operations:team"),
    ]
    var appraisal = try request.appraisal(catalog: catalog)
    appraisal.instantiations[1].processAreas = ["CAM"]
    return appraisal
  }

  static func label(_ field: String?) -> String {
    PIIDTemplateLayout.piidColumns.first { $0.field == field }!.label
  }

  @Test("the same appraisal gives the same bytes, an .xlsx zip")
  func deterministic() throws {
    let (catalog, _) = try AppraisalPipeline.loadCatalog()
    let appraisal = try Self.emptyScope(catalog)
    let first = try PIIDTemplate.workbook(for: appraisal, catalog: catalog)
    let second = try PIIDTemplate.workbook(for: appraisal, catalog: catalog)
    #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    #expect(first == second)
    let after = try AppraisalPipeline.readWhole(
      path: Self.root.appendingPathComponent("fixtures/company-a/after.xml").path, catalog: catalog)
    #expect(
      try PIIDTemplate.workbook(for: after.appraisal, catalog: catalog)
        == PIIDTemplate.workbook(for: after.appraisal, catalog: catalog))
  }

  @Test("Settings: the disclosure rows, key-only rows for the team to fill in read back as not given")
  func disclosureRows() throws {
    let (catalog, _) = try AppraisalPipeline.loadCatalog()
    let empty = try Self.emptyScope(catalog)
    let settings = PIIDTemplate.sheets(for: empty, catalog: catalog)[1]
    let keys = settings.rows.compactMap { row -> [String]? in
      let texts = row.compactMap { cell -> String? in
        guard case .text(let text) = cell.value else { return nil }
        return text
      }
      return ["teamLeader", "sponsor", "startDate", "endDate", "reportStatus"].contains(texts.first) ? texts : nil
    }
    #expect(keys == [["teamLeader"], ["sponsor"], ["startDate"], ["endDate"], ["reportStatus"]])
    let statusList = settings.validations.first { $0.name == "reportStatus" }
    guard case .values(let statuses) = statusList?.source else {
      Issue.record("no reportStatus drop-down")
      return
    }
    #expect(statuses == ["draft", "final"])
    let blank = AppraisalReader.decode(
      bytes: try PIIDTemplate.workbook(for: empty, catalog: catalog), syntax: .xlsx, file: "t.xlsx")
    #expect(blank.appraisal?.disclosure.isEmpty == true)
    #expect(!blank.problems.contains { $0.message.contains("team") || $0.message.contains("Date") })

    let after = try AppraisalPipeline.readWhole(
      path: Self.root.appendingPathComponent("fixtures/company-a/after.xml").path, catalog: catalog
    ).appraisal
    let back = AppraisalReader.decode(
      bytes: try PIIDTemplate.workbook(for: after, catalog: catalog), syntax: .xlsx, file: "t.xlsx")
    #expect(back.problems.isEmpty)
    #expect(!after.disclosure.isEmpty && back.appraisal?.disclosure == after.disclosure)
  }

  @Test("sheets in order with the layout's headers; practices × units × 2 pre-filled rows for an empty scope")
  func emptyScopeSheets() throws {
    let (catalog, _) = try AppraisalPipeline.loadCatalog()
    let appraisal = try Self.emptyScope(catalog)
    let sheets = PIIDTemplate.sheets(for: appraisal, catalog: catalog)
    #expect(
      sheets.map(\.name) == [
        PIIDTemplateLayout.instructionsSheet, PIIDTemplateLayout.settingsSheet,
        PIIDTemplateLayout.instantiationsSheet, "CAM", "IRP",
      ])
    #expect(sheets[1].header == PIIDTemplateLayout.settingsHeader)
    #expect(sheets[2].header == PIIDTemplateLayout.instantiationColumns)
    #expect(sheets[2].rows.count == 2)
    let practice = PIIDTemplateLayout.piidColumns.firstIndex { $0.field == "practice" }!
    let unit = PIIDTemplateLayout.piidColumns.firstIndex { $0.field == "instantiation" }!
    let indicator = PIIDTemplateLayout.piidColumns.firstIndex { $0.field == "indicator" }!
    for sheet in sheets.dropFirst(3) {
      #expect(sheet.header == PIIDTemplateLayout.piidColumns.map(\.label))
      let area = catalog.processArea(sheet.name)!
      let practices = AppraisalRater.practices(of: area, catalog: catalog, levels: [2])
      let units = appraisal.instantiations.filter { $0.examines(area.id) }
      #expect(practices.count > area.goals.flatMap(\.practices).count, "GG 2's practices are rated at CL 2")
      #expect(sheet.rows.count == practices.count * units.count * 2)
      for (index, row) in sheet.rows.enumerated() {
        guard case .text(let indicatorText) = row[indicator].value, case .text(let reference) = row[practice].value,
          case .text(let id) = row[unit].value
        else {
          Issue.record("\(sheet.name) row \(index + 2): not text")
          continue
        }
        #expect(indicatorText == (index % 2 == 0 ? "direct-artifact" : "affirmation"))
        #expect(reference == "\(area.id) \(practices[index / 2 / units.count].id)")
        #expect(id == units[index / 2 % units.count].id)
        // Nothing else is filled in: the reader ignores such rows until the team writes in them.
        let filled = row.indices.filter { column in
          guard case .text(let text) = row[column].value else { return true }
          return !text.isEmpty
            && !PIIDTemplateLayout.prefilledFields.contains(PIIDTemplateLayout.piidColumns[column].field)
        }
        #expect(filled.isEmpty, "\(sheet.name) row \(index + 2)")
      }
      let lists = Set(sheet.validations.map { sheet.header[$0.column] })
      #expect(
        lists
          == Set(
            ["instantiation", "indicator", "imported", "characterization", "weaknessImpact"].map(Self.label)))
      #expect(sheet.validations.allSatisfy { $0.rows == 0...(sheet.rows.count + PIIDTemplate.spareRows - 1) })
    }
  }

  @Test("every evidence item, observation and characterization of an appraisal is on a row of its pair")
  func records() throws {
    let (catalog, _) = try AppraisalPipeline.loadCatalog()
    let appraisal = try AppraisalPipeline.readWhole(
      path: Self.root.appendingPathComponent("fixtures/company-a/after.json").path, catalog: catalog
    ).appraisal
    let sheets = PIIDTemplate.sheets(for: appraisal, catalog: catalog)
    #expect(sheets.dropFirst(3).map(\.name) == appraisal.scope.processAreas)
    let columns = PIIDTemplateLayout.piidColumns
    var rows: [[String: String]] = []
    for sheet in sheets.dropFirst(3) {
      for row in sheet.rows {
        var values: [String: String] = [:]
        for (index, cell) in row.enumerated() {
          if case .text(let text) = cell.value, !text.isEmpty { values[columns[index].field ?? "title"] = text }
        }
        rows.append(values)
      }
    }
    for item in appraisal.evidence {
      let found = rows.filter { $0["evidenceId"] == item.id }
      #expect(found.count == 1, "\(item.id)")
      #expect(found.first?["practice"] == item.practice.description)
      #expect(found.first?["instantiation"] == item.instantiation)
      #expect(found.first?["indicator"] == item.indicator.rawValue)
      #expect(found.first?["document"] == item.locator.document)
      #expect(found.first?["date"] == item.locator.date)
    }
    for observation in appraisal.observations {
      let column = observation.kind == .weakness ? "weakness" : "strength"
      #expect(
        rows.contains {
          $0["practice"] == observation.practice.description && $0["instantiation"] == observation.instantiation
            && $0[column] == observation.text
        }, "\(observation.practice) in \(observation.instantiation)")
    }
    for characterization in appraisal.characterizations {
      let first = rows.first {
        $0["practice"] == characterization.practice.description
          && $0["instantiation"] == characterization.instantiation
      }
      #expect(first?["characterization"] == characterization.value.code)
    }
    // The settings rows: the decisions are there, the instantiations are not (they have their own sheet).
    let keys = sheets[1].rows.compactMap { row -> String? in
      guard case .text(let key) = row[0].value else { return nil }
      return key
    }
    #expect(keys.filter { $0 == "aggregationDecision" }.count == appraisal.aggregationDecisions.count)
    #expect(keys.filter { $0 == "significanceDecision" }.count == appraisal.significanceDecisions.count)
    #expect(!keys.contains("instantiation"))
    #expect(sheets[2].rows.count == appraisal.instantiations.count)
  }

  @Test("the request: defaults, overrides of a base, and clear refusals")
  func request() throws {
    let (catalog, _) = try AppraisalPipeline.loadCatalog()
    var request = TemplateRequest()
    request.instantiations = [Instantiation(id: "a", name: "A", kind: .service)]
    let continuous = try request.appraisal(catalog: catalog)
    #expect(continuous.target == .capabilityLevel(1))
    #expect(continuous.scope.processAreas == catalog.processAreas.map(\.id))
    #expect(continuous.header.date.isEmpty && continuous.header.model == catalog.model.id)
    request.representation = .staged
    let staged = try request.appraisal(catalog: catalog)
    #expect(staged.target == .maturityLevel(2))
    #expect(staged.scope.processAreas == catalog.processAreas.filter { $0.maturityLevel <= 2 }.map(\.id))

    let base = try AppraisalPipeline.readWhole(
      path: Self.root.appendingPathComponent("fixtures/company-a/after.json").path, catalog: catalog
    ).appraisal
    var override = TemplateRequest()
    override.areas = ["CAM"]
    override.date = "2012-01-31"
    override.instantiations = [Instantiation(id: "shop", name: "Shop, renamed", kind: .team)]
    let changed = try override.appraisal(catalog: catalog, base: base)
    #expect(changed.scope.processAreas == ["CAM"])
    #expect(changed.header.date == "2012-01-31" && changed.header.id == base.header.id)
    #expect(changed.instantiations.map(\.id) == base.instantiations.map(\.id))
    #expect(changed.instantiations[0].name == "Shop, renamed")
    #expect(changed.target == base.target && changed.evidence == base.evidence)
    // Decisions on areas no longer rated go (IRP's, SD's).
    #expect(changed.aggregationDecisions.isEmpty && changed.significanceDecisions.isEmpty)

    func failure(_ make: () throws -> Any) -> String {
      do {
        _ = try make()
        return ""
      } catch let failure as TemplateRequest.Failure {
        return failure.message
      } catch {
        return "\(error)"
      }
    }
    var unknown = request
    unknown.areas = ["CAM", "XYZ"]
    #expect(
      failure { try unknown.appraisal(catalog: catalog) }.contains(
        "unknown process area XYZ; the catalog's are CAM, CAR"))
    var low = request
    low.targetLevel = 1
    #expect(failure { try low.appraisal(catalog: catalog) }.contains("a maturity level from 2 to 5"))
    #expect(failure { try TemplateRequest().appraisal(catalog: catalog) }.contains("name at least one instantiation"))
    #expect(
      failure { try TemplateRequest.instantiation(parsing: "a=A:robot") }
        == "--instantiation 'a=A:robot': unknown kind \"robot\"; expected one of project, team, service, support-function"
    )
    #expect(
      failure { try TemplateRequest.instantiation(parsing: "no-name") }.contains("expected id=Name:kind[:subgroup]"))
    let parsed = try TemplateRequest.instantiation(parsing: "ops=Operations:support-function:back office")
    #expect(parsed == Instantiation(id: "ops", name: "Operations", kind: .supportFunction, subgroup: "back office"))
    #expect(try TemplateRequest.instantiation(parsing: "web=Web").kind == .service)
  }
}
