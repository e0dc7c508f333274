extension Appraisal {
  /// The process areas whose evidence is imported artifacts only: at least one item names the area, every
  /// item of the area is an imported artifact, and none is an affirmation. Their goals stay Not Rated
  /// (data coverage needs artifacts and affirmations) until the team records affirmations. Sorted by id.
  ///
  /// Only items kept in ``evidence`` are looked at: a streamed appraisal's counted items
  /// (``evidenceTally``) do not say whether they were imported.
  public var areasWithImportedArtifactsOnly: [String] {
    var imported: Set<String> = []
    var other: Set<String> = []
    for item in evidence {
      if item.imported && item.indicator.isArtifact {
        imported.insert(item.practice.processArea)
      } else {
        other.insert(item.practice.processArea)
      }
    }
    return imported.subtracting(other).sorted()
  }

  /// What a rating or an import says about ``areasWithImportedArtifactsOnly``: `imported evidence is
  /// artifacts only; record affirmations (interviews, questionnaires) for CM, IRP: …`; `nil` for none.
  public static func affirmationsHint(areas: [String]) -> String? {
    guard !areas.isEmpty else { return nil }
    return "imported evidence is artifacts only; record affirmations (interviews, questionnaires) for "
      + areas.joined(separator: ", ")
      + ": their goals stay Not Rated until the units provide both artifacts and affirmations (data coverage)"
  }
}
