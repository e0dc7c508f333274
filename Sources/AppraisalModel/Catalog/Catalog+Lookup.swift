extension Catalog {
  /// The process area with `id`, compared without regard to case (`scon` is SCON).
  public func processArea(ignoringCase id: String) -> ProcessArea? {
    processArea(id) ?? processAreas.first { $0.id.uppercased() == id.uppercased() }
  }

  /// The area id closest to a mistyped one, for "did you mean": at most two edits away (one for ids of
  /// up to three letters), case ignored; `nil` when none is that close.
  public func closestProcessAreaID(to id: String) -> String? {
    let typed = Array(id.uppercased())
    let scored = processAreas.map { ($0.id, Self.editDistance(typed, Array($0.id.uppercased()))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= min(2, max(1, typed.count / 2)) else { return nil }
    return best.0
  }

  /// Levenshtein distance between two short strings.
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for (i, left) in a.enumerated() {
      var current = [i + 1]
      for (j, right) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }
}
