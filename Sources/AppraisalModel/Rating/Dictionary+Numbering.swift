extension Dictionary where Value == Int {
  /// The number of `key`; a new key gets the next one, `keys.count`, and is appended to `keys`
  /// (`isNew`), so `keys[number]` is the key of each number.
  @inlinable
  package mutating func number(of key: Key, appendingTo keys: inout [Key]) -> (number: Int, isNew: Bool) {
    if let known = self[key] { return (known, false) }
    let number = keys.count
    self[key] = number
    keys.append(key)
    return (number, true)
  }
}
