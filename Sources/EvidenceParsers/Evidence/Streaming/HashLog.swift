#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Answers "was any 64-bit hash added twice?" for millions of hashes in 8 bytes each: hashes are
/// appended to one buffer grown with `realloc` (which moves large blocks by remapping pages, so growing
/// never holds two copies), then sorted once. A hash set would take about twice the memory.
final class HashLog {
  private var buffer: UnsafeMutablePointer<UInt64>?
  private var capacity = 0
  private(set) var count = 0

  deinit { free(buffer) }

  /// Appends `hash`; `false` when memory ran out (the caller then gives up streaming).
  func append(_ hash: UInt64) -> Bool {
    if count == capacity {
      // Small steps: realloc remaps rather than copies, so growing often is cheap and little is unused.
      let grown = max(4096, capacity + capacity / 8)
      guard let moved = realloc(buffer, grown * MemoryLayout<UInt64>.stride) else { return false }
      buffer = moved.assumingMemoryBound(to: UInt64.self)
      capacity = grown
    }
    buffer![count] = hash
    count += 1
    return true
  }

  /// Whether some hash was appended more than once (sorts the log in place).
  func hasRepeats() -> Bool {
    guard let buffer, count > 1 else { return false }
    let hashes = UnsafeMutableBufferPointer(start: buffer, count: count)
    // In place: the standard library's sort is a merge sort with a buffer of half the log.
    Introsort.sort(hashes, depth: 2 * (Int.bitWidth - count.leadingZeroBitCount))
    for index in 1..<count where hashes[index] == hashes[index - 1] { return true }
    return false
  }
}

/// An in-place sort of 64-bit values: quicksort with a median of three, insertion sort for short
/// ranges, and heapsort when the recursion gets deep (so crafted input cannot make it quadratic).
private enum Introsort {
  static func sort(_ values: UnsafeMutableBufferPointer<UInt64>, depth: Int) {
    var values = values
    var depth = depth
    while values.count > 16 {
      if depth == 0 { return heapsort(values) }
      depth -= 1
      let last = values.count - 1
      let middle = last / 2
      if values[middle] < values[0] { values.swapAt(middle, 0) }
      if values[last] < values[0] { values.swapAt(last, 0) }
      if values[last] < values[middle] { values.swapAt(last, middle) }
      let pivot = values[middle]
      var low = 0
      var high = last
      while low <= high {
        while values[low] < pivot { low += 1 }
        while values[high] > pivot { high -= 1 }
        if low <= high {
          values.swapAt(low, high)
          low += 1
          high -= 1
        }
      }
      // Recurse into the smaller side, loop on the larger.
      let left = UnsafeMutableBufferPointer(rebasing: values[0...high])
      let right = UnsafeMutableBufferPointer(rebasing: values[low...])
      if left.count < right.count {
        sort(left, depth: depth)
        values = right
      } else {
        sort(right, depth: depth)
        values = left
      }
    }
    for index in values.indices.dropFirst() {
      let value = values[index]
      var hole = index
      while hole > 0 && values[hole - 1] > value {
        values[hole] = values[hole - 1]
        hole -= 1
      }
      values[hole] = value
    }
  }

  private static func heapsort(_ values: UnsafeMutableBufferPointer<UInt64>) {
    func siftDown(_ start: Int, _ end: Int) {
      var root = start
      while 2 * root + 1 < end {
        var child = 2 * root + 1
        if child + 1 < end && values[child] < values[child + 1] { child += 1 }
        if values[root] >= values[child] { return }
        values.swapAt(root, child)
        root = child
      }
    }
    for start in stride(from: values.count / 2 - 1, through: 0, by: -1) { siftDown(start, values.count) }
    for end in stride(from: values.count - 1, to: 0, by: -1) {
      values.swapAt(0, end)
      siftDown(0, end)
    }
  }
}

/// Answers "was any item id given twice?" for millions of ids: a numbered id (`E1`, `S-0042`: some prefix,
/// then up to 18 decimal digits) costs one bit, in a bitmap per prefix and number of digits — the ids of a
/// large file are almost always numbered, so memory stays flat and nothing is sorted — and any other id
/// goes to a ``HashLog`` as a 64-bit hash (a collision only sends the file down the exact path).
///
/// Where an id goes depends only on how it is spelled, so both spellings of a repeat meet in the same place;
/// prefix, digit count and number together give back the spelling, so two different ids never share a bit.
package final class IDLog {
  /// Where an id goes: a bit of a bitmap, or the hash log.
  package enum Key {
    case numbered(table: Int, number: Int)
    case hashed(UInt64)
  }

  /// Numbers from 2^23 up, and prefixes beyond the 16th, go to the hash log (a bitmap then holds at most
  /// 1 MB).
  static let numberLimit = 1 << 23
  static let tableLimit = 16

  private struct Table {
    var prefix: [UInt8]
    var digits: Int
    var words: UnsafeMutablePointer<UInt64>?
    var wordCount = 0
  }

  private var tables: [Table] = []
  private var lastTable = -1
  private let hashes = HashLog()

  package init() {}

  deinit {
    for table in tables { free(table.words) }
    lastPrefix.deallocate()
  }

  /// Where `id` goes.
  package func key(_ id: UnsafeBufferPointer<UInt8>) -> Key {
    var digits = 0
    var number = 0
    var place = 1
    while digits < id.count && digits < 19 {
      let byte = id[id.count - 1 - digits]
      guard byte >= 0x30 && byte <= 0x39 else { break }
      number += Int(byte - 0x30) * place
      place = place &* 10
      digits += 1
    }
    guard digits > 0 && digits <= 18 && number < Self.numberLimit,
      let table = table(UnsafeBufferPointer(rebasing: id[..<(id.count - digits)]), digits: digits)
    else { return .hashed(ByteHash.fnv1a(id)) }
    return .numbered(table: table, number: number)
  }

  /// Records the id of `key`; `false` when it was recorded before or memory ran out (the caller then gives
  /// up streaming).
  func insert(_ key: Key) -> Bool {
    switch key {
    case .hashed(let hash):
      return hashes.append(hash)
    case .numbered(let table, let number):
      return insertNumbered(table: table, number: number) == true
    }
  }

  /// Records the numbered id of bitmap `table` and `number` (a ``Key/numbered(table:number:)``): `true`
  /// when it is new, `false` when it was recorded before — an exact answer, as the bits give back the
  /// spelling — and `nil` when memory ran out.
  package func insertNumbered(table index: Int, number: Int) -> Bool? {
    let word = number >> 6
    if word >= tables[index].wordCount {
      let grown = max(word + 1, tables[index].wordCount * 2, 16)
      guard let moved = realloc(tables[index].words, grown * MemoryLayout<UInt64>.stride) else { return nil }
      let words = moved.assumingMemoryBound(to: UInt64.self)
      (words + tables[index].wordCount).initialize(repeating: 0, count: grown - tables[index].wordCount)
      tables[index].words = words
      tables[index].wordCount = grown
    }
    let words = tables[index].words!
    let bit = UInt64(1) << UInt64(number & 63)
    if words[word] & bit != 0 { return false }
    words[word] |= bit
    return true
  }

  /// Whether some hashed id was recorded more than once (numbered ones are caught by ``insert(_:)``).
  func hasRepeats() -> Bool { hashes.hasRepeats() }

  /// The bitmap for ids of `prefix` and `digits` digits, made on first sight; `nil` past ``tableLimit``.
  private func table(_ prefix: UnsafeBufferPointer<UInt8>, digits: Int) -> Int? {
    // The last one first, from a copy of its prefix (ids of a file share one or two).
    if lastTable >= 0 && lastDigits == digits && lastPrefixCount == prefix.count
      && (prefix.isEmpty || memcmp(lastPrefix, prefix.baseAddress!, prefix.count) == 0)
    {
      return lastTable
    }
    var found: Int?
    for index in tables.indices
    where tables[index].digits == digits && tables[index].prefix.withUnsafeBufferPointer({ ByteHash.equal($0, prefix) })
    {
      found = index
      break
    }
    if found == nil {
      guard tables.count < Self.tableLimit, prefix.count <= Self.prefixLimit else { return nil }
      tables.append(Table(prefix: Array(prefix), digits: digits))
      found = tables.count - 1
    }
    lastTable = found!
    lastDigits = digits
    lastPrefixCount = prefix.count
    if let base = prefix.baseAddress { lastPrefix.update(from: base, count: prefix.count) }
    return lastTable
  }

  private static let prefixLimit = 256
  private let lastPrefix = UnsafeMutablePointer<UInt8>.allocate(capacity: IDLog.prefixLimit)
  private var lastPrefixCount = 0
  private var lastDigits = 0
}
