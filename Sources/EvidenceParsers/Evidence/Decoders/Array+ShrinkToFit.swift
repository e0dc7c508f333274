extension Array {
  /// Gives back the unused end of the buffer when it is large: appending doubles the buffer, so up to half
  /// of it can be unused, and the observations and characterizations a decoder collects are kept for the
  /// whole run (274,000 observations left 24 MB unused at 1 GB).
  mutating func shrinkToFit() {
    guard (capacity - count) * MemoryLayout<Element>.stride >= 64 * 1024 else { return }
    var fitted: [Element] = []
    fitted.reserveCapacity(count)
    fitted.append(contentsOf: self)
    self = fitted
  }
}
