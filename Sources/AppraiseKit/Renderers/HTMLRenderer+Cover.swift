import AppraisalModel

extension HTMLRenderer {
  /// What the print layout adds to a report: the cover page and the running header's text. The cover is
  /// built from the appraisal's disclosure facts; a fact the file does not give reads "not stated".
  struct PrintPage {
    var settings: PrintSettings
    /// The cover as HTML, ending in a page break.
    var cover: String
    /// The running header's left side: the appraisal's id (before → after for a comparison).
    var appraisalID: String
    /// The running header's right side: `Final report`, `Draft report` or `Report status not stated`.
    var status: String

    init(_ report: RateReport, settings: PrintSettings) {
      let appraisal = report.appraisal
      let header = appraisal.header
      let disclosure = appraisal.disclosure
      var facts: [(String, String)] = [
        ("Appraisal", "\(header.name) (\(header.id))"),
        ("Organizational unit", header.organizationalUnit),
        ("Model", "\(report.catalog.model.title) (\(report.catalog.model.id) \(report.catalog.model.version))"),
        ("Method class", header.methodClass),
        ("Dates", Self.dates(disclosure, header: header)),
      ]
      facts.append(("Report status", Self.statusText(disclosure.reportStatus)))
      self.settings = settings
      appraisalID = header.id
      status = Self.runningStatus(disclosure.reportStatus)
      cover = Self.cover(
        kind: "Appraisal rating report", title: header.name, facts: facts,
        disclosureHeading: "Appraisal disclosure", appraisal: appraisal)
    }

    init(_ report: CompareReport, settings: PrintSettings) {
      let old = report.before.appraisal.header
      let after = report.after.appraisal
      let new = after.header
      let model = report.after.catalog.model
      let facts: [(String, String)] = [
        ("Before", "\(old.name) (\(old.id)), \(old.date)"),
        ("After", "\(new.name) (\(new.id)), \(new.date)"),
        ("Organizational unit", new.organizationalUnit),
        ("Model", "\(model.title) (\(model.id) \(model.version))"),
        ("Method class", new.methodClass),
        ("Dates (after)", Self.dates(after.disclosure, header: new)),
        ("Report status (after)", Self.statusText(after.disclosure.reportStatus)),
      ]
      self.settings = settings
      appraisalID = "\(old.id) → \(new.id)"
      status = Self.runningStatus(after.disclosure.reportStatus)
      cover = Self.cover(
        kind: "Before/after comparison", title: new.organizationalUnit, facts: facts,
        disclosureHeading: "Appraisal disclosure (after)", appraisal: after)
    }

    static let notStated = "not stated"

    private static func escape(_ text: String) -> String { HTMLRenderer.escape(text) }

    /// The cover section: what the report is, the appraisal's facts, its disclosure block, the method
    /// statement and the signature lines.
    static func cover(
      kind: String, title: String, facts: [(String, String)], disclosureHeading: String, appraisal: Appraisal
    ) -> String {
      let disclosure = appraisal.disclosure
      var html = "<section class=\"cover\">\n"
      html += "<p class=\"cover-kind\">\(escape(kind.reportLine))</p>\n"
      html += "<h1>\(escape(title.reportLine))</h1>\n"
      html += keyValues(facts)
      html += "<h2 class=\"cover-heading\">\(escape(disclosureHeading))</h2>\n"
      html += keyValues([
        ("Team leader", disclosure.teamLeader.map(person) ?? notStated),
        (
          "Team members",
          disclosure.teamMembers.isEmpty ? notStated : disclosure.teamMembers.map(person).joined(separator: "\n")
        ),
        ("Sponsor", disclosure.sponsor.map(person) ?? notStated),
        ("Organizational unit description", disclosure.organizationalUnitDescription ?? notStated),
        ("Locations", disclosure.locations.isEmpty ? notStated : disclosure.locations.joined(separator: "\n")),
        ("Population and sample", populationAndSample(disclosure.population, sample: appraisal.instantiations.count)),
        (
          "Sampling factors",
          disclosure.samplingFactors.isEmpty
            ? notStated : disclosure.samplingFactors.map(factor).joined(separator: "\n")
        ),
        (
          "Subgroups",
          disclosure.subgroups.isEmpty ? notStated : disclosure.subgroups.map(subgroup).joined(separator: "\n")
        ),
      ])
      html += "<p class=\"banner\" role=\"note\">\(escape(RatingRules.methodStatement))</p>\n"
      html += "<div class=\"signatures\">\n"
      html += signature(role: "Appraisal team leader", person: disclosure.teamLeader)
      html += signature(role: "Sponsor", person: disclosure.sponsor)
      return html + "</div>\n</section>\n"
    }

    /// A two-column list; a value's line breaks become lines of their own.
    static func keyValues(_ pairs: [(String, String)]) -> String {
      var html = "<dl class=\"kv cover-facts\">\n"
      for (key, value) in pairs {
        let lines = value.reportLines.map { "<span class=\"line\">\(escape(String($0)))</span>" }
        html += "<dt>\(escape(key))</dt><dd>\(lines.joined())</dd>\n"
      }
      return html + "</dl>\n"
    }

    /// A signature block: a line to sign on with the name and role printed under it, and a date line.
    static func signature(role: String, person: Disclosure.Person?) -> String {
      let name = person.map { $0.name.reportLine } ?? "name \(notStated)"
      let detail =
        person.map { [$0.role, $0.organization].compactMap { $0?.reportLine }.joined(separator: ", ") } ?? ""
      var html = "<div class=\"signature\">\n<div class=\"sign-line\"></div>\n"
      html += "<p class=\"sign-name\">\(escape(name))</p>\n"
      html += "<p class=\"sign-role\">\(escape(role))\(detail.isEmpty ? "" : " — \(escape(detail))")</p>\n"
      html += "<div class=\"sign-line date-line\"></div>\n<p class=\"sign-role\">Date</p>\n"
      return html + "</div>\n"
    }

    /// `Dana Whitfield (lead appraiser, Northbridge Process Consulting)`.
    static func person(_ person: Disclosure.Person) -> String {
      let detail = [person.role, person.organization].compactMap { $0?.reportLine }
      return person.name.reportLine + (detail.isEmpty ? "" : " (\(detail.joined(separator: ", ")))")
    }

    static func factor(_ factor: Disclosure.SamplingFactor) -> String {
      factor.name.reportLine + (factor.values.map { " (\($0.reportLine))" } ?? "") + ": " + factor.rationale.reportLine
    }

    static func subgroup(_ subgroup: Disclosure.Subgroup) -> String {
      subgroup.id.reportLine + (subgroup.description.map { " — \($0.reportLine)" } ?? "")
        + (subgroup.rationale.map { ": \($0.reportLine)" } ?? "")
    }

    /// `population: 40 people, 5 basic units; sample: 3 instantiations`.
    static func populationAndSample(_ population: Disclosure.Population?, sample: Int) -> String {
      let people = population?.people.map { "\($0) \($0 == 1 ? "person" : "people")" } ?? "people \(notStated)"
      let units = population?.basicUnits.map { "\($0) basic unit\($0 == 1 ? "" : "s")" } ?? "basic units \(notStated)"
      return "population: \(people), \(units); sample: \(sample) instantiation\(sample == 1 ? "" : "s")"
    }

    /// `2011-09-19 – 2011-09-30`, one end when only one is given, else the header's date.
    static func dates(_ disclosure: Disclosure, header: Appraisal.Header) -> String {
      switch (disclosure.startDate, disclosure.endDate) {
      case (let start?, let end?): "\(start) – \(end)"
      case (let start?, nil): "from \(start) (end \(notStated))"
      case (nil, let end?): "until \(end) (start \(notStated))"
      case (nil, nil): "\(header.date) (report date; start and end \(notStated))"
      }
    }

    static func statusText(_ status: Disclosure.ReportStatus?) -> String {
      status?.rawValue ?? notStated
    }

    static func runningStatus(_ status: Disclosure.ReportStatus?) -> String {
      switch status {
      case .draft?: "Draft report"
      case .final?: "Final report"
      case nil: "Report status not stated"
      }
    }
  }

  /// The print layout's style sheet, after the screen one: paper size and margins, the running header and
  /// page numbers in the page margins (CSS paged media margin boxes, Chromium 131 and later), the cover,
  /// page breaks, and heat maps that fit the page's width.
  static func printStyleSheet(_ page: PrintPage) -> String {
    let marginBox = "font: 8pt/1.2 system-ui, \"DejaVu Sans\", sans-serif; color: #4b5563;"
    return """
      @page {
        size: \(page.settings.paper.cssSize); margin: 16mm 14mm 16mm 14mm;
        @top-left { content: \(cssString(page.appraisalID)); \(marginBox) }
        @top-right { content: \(cssString(page.status)); \(marginBox) }
        @bottom-center { content: "page " counter(page) " of " counter(pages); \(marginBox) }
      }
      body { padding: 0; font-size: 9.5pt; }
      main { max-width: none; }
      .cover { break-after: page; }
      .cover-kind { font-size: 0.95rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; margin: 0 0 6px; }
      .cover h1 { font-size: 1.5rem; margin: 0 0 14px; }
      h2.cover-heading { font-size: 1.1rem; margin: 18px 0 6px; }
      dl.cover-facts { gap: 3px 14px; margin: 6px 0 10px; }
      dl.cover-facts .line { display: block; }
      .signatures { display: flex; gap: 36px; margin-top: 30px; break-inside: avoid; }
      .signature { flex: 1; }
      .sign-line { border-bottom: 1px solid var(--ink); height: 34px; }
      .sign-line.date-line { width: 55%; height: 28px; }
      .sign-name { margin: 3px 0 0; font-weight: 600; }
      .sign-role { margin: 0; color: #374151; font-size: 0.9em; }
      .sign-name + .sign-role { min-height: 2.6em; }
      h2.new-page { break-before: page; }
      table.heatmap { width: 100%; table-layout: fixed; }
      table.heatmap td.hm { width: auto; min-width: 0; height: 22px; padding: 1px 2px; font-size: 0.75rem; }
      table.heatmap thead th { white-space: normal; overflow-wrap: anywhere; font-size: 0.7rem; }
      table.heatmap tbody th { white-space: normal; width: 9em; font-size: 0.8rem; }
      .hm-id { font-size: 0.6rem; white-space: normal; }
      table.data { width: 100%; }

      """
  }

  /// Text as a CSS string literal: every character but letters, digits, space and `.,-_` as a hex escape,
  /// so no input text can end the string, the rule or the style element (`</style>`), or spell a URL.
  static func cssString(_ text: String) -> String {
    var out = "\""
    for scalar in text.reportLine.unicodeScalars {
      switch scalar {
      case "a"..."z", "A"..."Z", "0"..."9", " ", ".", ",", "-", "_": out.unicodeScalars.append(scalar)
      default: out += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
      }
    }
    return out + "\""
  }
}
