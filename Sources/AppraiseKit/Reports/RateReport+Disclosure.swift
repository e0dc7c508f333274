import AppraisalModel

extension RateReport {
  /// The disclosure facts the team recorded: team, sponsor, period, status, the organizational unit, its
  /// population against the sample, and how the sample was drawn. Facts not recorded are not invented; a
  /// file without any says so.
  func disclosureFacts(_ doc: inout ReportDocument) {
    let disclosure = appraisal.disclosure
    doc.heading("Appraisal team and organizational unit")
    guard !disclosure.isEmpty else {
      doc.paragraph("No disclosure facts recorded (team, sponsor, dates, report status, population).")
      return
    }
    var pairs: [(String, String)] = []
    if let status = disclosure.reportStatus { pairs.append(("Report status", status.rawValue)) }
    if let period = Self.period(disclosure) { pairs.append(("Appraisal period", period)) }
    if let leader = disclosure.teamLeader { pairs.append(("Team leader", Self.describe(leader))) }
    if !disclosure.teamMembers.isEmpty {
      pairs.append(("Team members", disclosure.teamMembers.map(Self.describe).joined(separator: "; ")))
    }
    if let sponsor = disclosure.sponsor { pairs.append(("Sponsor", Self.describe(sponsor))) }
    if let description = disclosure.organizationalUnitDescription {
      pairs.append(("Organizational unit", description))
    }
    if !disclosure.locations.isEmpty { pairs.append(("Locations", disclosure.locations.joined(separator: "; "))) }
    pairs.append(("Population and sample", populationText))
    doc.keyValues(pairs)
    if !disclosure.samplingFactors.isEmpty {
      doc.table(
        ["Sampling factor", "Values", "Rationale"],
        disclosure.samplingFactors.map { [.init($0.name), .init($0.values ?? "—"), .init($0.rationale)] })
    }
    if !disclosure.subgroups.isEmpty {
      doc.table(
        ["Subgroup", "Description", "Units sampled", "Rationale"],
        disclosure.subgroups.map { subgroup in
          let sampled = appraisal.instantiations.lazy.filter { $0.subgroup == subgroup.id }.count
          return [
            .init(subgroup.id), .init(subgroup.description ?? "—"), .init("\(sampled)"),
            .init(subgroup.rationale ?? "—"),
          ]
        })
    }
  }

  /// `Dana Whitfield (lead appraiser, Northbridge Process Consulting)`.
  static func describe(_ person: Disclosure.Person) -> String {
    let about = [person.role, person.organization].compactMap { $0 }
    return person.name + (about.isEmpty ? "" : " (\(about.joined(separator: ", ")))")
  }

  /// `2011-09-19 to 2011-09-30`, one date when only one is known, `nil` when neither is.
  static func period(_ disclosure: Disclosure) -> String? {
    switch (disclosure.startDate, disclosure.endDate) {
    case (let start?, let end?): start == end ? start : "\(start) to \(end)"
    case (let start?, nil): "from \(start)"
    case (nil, let end?): "until \(end)"
    case (nil, nil): nil
    }
  }

  /// `40 people in 5 basic units; 3 instantiations sampled` — the sample against what it was drawn from.
  var populationText: String {
    let population = appraisal.disclosure.population
    var parts: [String] = []
    if let people = population?.people { parts.append("\(people) people") }
    if let units = population?.basicUnits { parts.append("\(units) basic units") }
    let sampled = appraisal.instantiations.count
    let sample = "\(sampled) instantiation\(sampled == 1 ? "" : "s") sampled"
    return parts.isEmpty ? sample + " (population not recorded)" : parts.joined(separator: " in ") + "; " + sample
  }

  /// The team's summary findings for `area`, goal findings prefixed with their goal.
  func teamFindings(for area: String) -> [String] {
    appraisal.disclosure.findings.filter { $0.processArea == area }.map { finding in
      (finding.goal.map { "\($0): " } ?? "") + finding.text
    }
  }
}
