/// A SCAMPI V1.3 result (CMMI-SVC) beside a CMMI V3.0 result, through a ``ModelCrosswalk``: per V3.0
/// practice area, the V1.3 process areas (or generic goals) that map to it with their ratings and capability
/// levels next to the V3.0 capability level and practice group ratings, and a ``CrossVersionVerdict``; per
/// V1.3 area, the V3.0 areas it maps to; the rated areas on either side that nothing maps.
///
/// Ratings are shown side by side and never averaged or scored. With the bundled, derived crosswalk every
/// row is labelled ``approximateLabel``: the comparison is approximate, the links unverified.
public struct CrossVersionComparison: Hashable, Sendable {
  /// The label of every row built on a crosswalk that is not verified.
  public static let approximateLabel = "approximate (derived crosswalk, unverified)"
  /// The label of rows built on a crosswalk whose every link is published.
  public static let publishedLabel = "approximate (published crosswalk)"

  /// One appraisal, as reports name it.
  public struct Identification: Hashable, Sendable {
    public var id: String
    public var name: String
    public var organizationalUnit: String
    public var date: String
    /// `CMMI-SVC 1.3`, `CMMI 3.0`.
    public var model: String
    /// `continuous, CL 1`, `capability, Benchmark, level 2`, …
    public var scope: String

    public init(id: String, name: String, organizationalUnit: String, date: String, model: String, scope: String) {
      self.id = id
      self.name = name
      self.organizationalUnit = organizationalUnit
      self.date = date
      self.model = model
      self.scope = scope
    }
  }

  /// A V1.3 element linked to a V3.0 area, with its V1.3 rating.
  public struct Source: Hashable, Sendable {
    /// A process area (`SD`) or generic goal (`GG 2`).
    public var id: String
    /// The process area's name or the generic goal's title.
    public var name: String
    /// The V3.0 level the link is about (`IWM` → `PLAN` level 3); `nil`: the whole area.
    public var linkLevel: Int?
    public var basis: ModelCrosswalk.Basis
    /// The area's rating (`Satisfied`, `Out of Scope`, …), or for a generic goal its ratings over the rated
    /// areas (`Satisfied in 3 of 7 areas`, `not rated`).
    public var rating: String
    /// The area's capability level when it was rated.
    public var capabilityLevel: Int?
    /// Whether it enters the verdict (rated, and for a generic goal rated in some area).
    public var isRated: Bool

    public init(
      id: String, name: String, linkLevel: Int?, basis: ModelCrosswalk.Basis, rating: String, capabilityLevel: Int?,
      isRated: Bool
    ) {
      self.id = id
      self.name = name
      self.linkLevel = linkLevel
      self.basis = basis
      self.rating = rating
      self.capabilityLevel = capabilityLevel
      self.isRated = isRated
    }
  }

  /// One practice group's rating on the V3.0 side.
  public struct GroupCell: Hashable, Sendable {
    public var level: Int
    public var value: PracticeGroupRating.Value

    public init(level: Int, value: PracticeGroupRating.Value) {
      self.level = level
      self.value = value
    }
  }

  /// One V3.0 practice area and its V1.3 counterparts.
  public struct V3Row: Hashable, Sendable {
    public var practiceArea: String
    /// Whether the V3.0 appraisal rated it.
    public var isRated: Bool
    /// Capability appraisals: the area's capability level.
    public var capabilityLevel: CMMI3CapabilityLevel?
    /// The area's practice group ratings, level by level.
    public var practiceGroups: [GroupCell]
    /// The V1.3 elements that map to it, in crosswalk order.
    public var sources: [Source]
    /// The V1.3 side's level for this area (`nil`: no counterpart rated).
    public var v13Level: CrossVersionLevel?
    /// The V3.0 side's level (`nil`: not rated).
    public var v3Level: CrossVersionLevel?
    public var verdict: CrossVersionVerdict
    /// ``CrossVersionComparison/approximateLabel``.
    public var label: String

    public init(
      practiceArea: String, isRated: Bool, capabilityLevel: CMMI3CapabilityLevel?, practiceGroups: [GroupCell],
      sources: [Source], v13Level: CrossVersionLevel?, v3Level: CrossVersionLevel?, verdict: CrossVersionVerdict,
      label: String
    ) {
      self.practiceArea = practiceArea
      self.isRated = isRated
      self.capabilityLevel = capabilityLevel
      self.practiceGroups = practiceGroups
      self.sources = sources
      self.v13Level = v13Level
      self.v3Level = v3Level
      self.verdict = verdict
      self.label = label
    }
  }

  /// A V3.0 area a V1.3 area maps to, with what the V3.0 appraisal says of it.
  public struct Target: Hashable, Sendable {
    public var practiceArea: String
    /// The V3.0 level the link is about; `nil`: the whole area.
    public var linkLevel: Int?
    public var isRated: Bool
    /// The V3.0 side's level when rated.
    public var level: Int?

    public init(practiceArea: String, linkLevel: Int?, isRated: Bool, level: Int?) {
      self.practiceArea = practiceArea
      self.linkLevel = linkLevel
      self.isRated = isRated
      self.level = level
    }
  }

  /// One rated V1.3 process area (or a generic goal rated in some area) and the V3.0 areas it maps to.
  public struct V13Row: Hashable, Sendable {
    /// `SD` or `GG 2`.
    public var id: String
    public var name: String
    /// The area's rating, or the generic goal's ratings over the rated areas.
    public var rating: String
    public var capabilityLevel: Int?
    public var targets: [Target]
    public var label: String

    public init(id: String, name: String, rating: String, capabilityLevel: Int?, targets: [Target], label: String) {
      self.id = id
      self.name = name
      self.rating = rating
      self.capabilityLevel = capabilityLevel
      self.targets = targets
      self.label = label
    }
  }

  public var v13Appraisal: Identification
  public var v3Appraisal: Identification
  /// The crosswalk's title and note.
  public var crosswalkTitle: String
  public var crosswalkNote: String?
  /// Whether every link of the crosswalk is published (never for the bundled one).
  public var isVerified: Bool
  /// The label every row carries.
  public var label: String
  /// V3.0 areas rated in the V3.0 appraisal or mapped from a rated V1.3 area, in catalog order.
  public var v3Rows: [V3Row]
  /// Rated V1.3 areas in catalog order, then the generic goals rated in some area.
  public var v13Rows: [V13Row]
  /// Rated V1.3 areas that map to nothing.
  public var unmappedV13: [String]
  /// V3.0 areas rated that nothing maps to.
  public var unmappedV3: [String]

  public init(
    v13Appraisal: Identification, v3Appraisal: Identification, crosswalkTitle: String, crosswalkNote: String?,
    isVerified: Bool, v3Rows: [V3Row], v13Rows: [V13Row], unmappedV13: [String], unmappedV3: [String]
  ) {
    self.v13Appraisal = v13Appraisal
    self.v3Appraisal = v3Appraisal
    self.crosswalkTitle = crosswalkTitle
    self.crosswalkNote = crosswalkNote
    self.isVerified = isVerified
    self.label = isVerified ? Self.publishedLabel : Self.approximateLabel
    self.v3Rows = v3Rows
    self.v13Rows = v13Rows
    self.unmappedV13 = unmappedV13
    self.unmappedV3 = unmappedV3
  }

  /// How many V3.0 rows have each verdict kind, in ``CrossVersionVerdict/Kind`` order (kinds with none left out).
  public var verdictCounts: [(kind: CrossVersionVerdict.Kind, count: Int)] {
    CrossVersionVerdict.Kind.allCases.compactMap { kind in
      let count = v3Rows.filter { $0.verdict.kind == kind }.count
      return count == 0 ? nil : (kind, count)
    }
  }
}
