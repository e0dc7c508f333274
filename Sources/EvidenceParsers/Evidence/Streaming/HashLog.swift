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
