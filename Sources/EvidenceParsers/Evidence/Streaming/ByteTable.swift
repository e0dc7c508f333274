#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A small map from byte strings to integers for hot loops that see the same few values millions of
/// times (practice references, instantiation ids): a look-up hashes and compares bytes, and makes no
/// `String`. Open addressing with linear probing; the table doubles at half load.
struct ByteTable {
  private var keys: [[UInt8]?]
  private var hashes: [UInt64]
  private var values: [Int]
  private(set) var count = 0

  init(capacity: Int = 64) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    keys = Array(repeating: nil, count: size)
    hashes = Array(repeating: 0, count: size)
    values = Array(repeating: 0, count: size)
  }

  /// The value stored for `bytes`, or `nil`.
  func value(for bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let hash = ByteHash.fnv1a(bytes)
    var slot = Int(truncatingIfNeeded: hash) & (keys.count - 1)
    while let key = keys[slot] {
      if hashes[slot] == hash && key.withUnsafeBufferPointer({ ByteHash.equal($0, bytes) }) { return values[slot] }
      slot = (slot + 1) & (keys.count - 1)
    }
    return nil
  }

  /// Stores `value` for `bytes`, replacing any earlier value.
  mutating func set(_ value: Int, for bytes: UnsafeBufferPointer<UInt8>) {
    if (count + 1) * 2 > keys.count { grow() }
    insert(Array(bytes), hash: ByteHash.fnv1a(bytes), value: value)
  }

  private mutating func insert(_ key: [UInt8], hash: UInt64, value: Int) {
    var slot = Int(truncatingIfNeeded: hash) & (keys.count - 1)
    while let existing = keys[slot] {
      if hashes[slot] == hash && existing == key {
        values[slot] = value
        return
      }
      slot = (slot + 1) & (keys.count - 1)
    }
    keys[slot] = key
    hashes[slot] = hash
    values[slot] = value
    count += 1
  }

  private mutating func grow() {
    let old = (keys, hashes, values)
    let size = keys.count * 2
    keys = Array(repeating: nil, count: size)
    hashes = Array(repeating: 0, count: size)
    values = Array(repeating: 0, count: size)
    count = 0
    for index in old.0.indices { if let key = old.0[index] { insert(key, hash: old.1[index], value: old.2[index]) } }
  }
}

/// A 64-bit hash of bytes, eight at a time (multiply and rotate per word), with a final mix so that the low
/// bits (used as table slots) depend on every byte. (Byte-at-a-time FNV-1a cost a tenth of a streaming read.)
enum ByteHash {
  static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(truncatingIfNeeded: bytes.count)
    guard let base = bytes.baseAddress else { return mix(hash) }
    let raw = UnsafeRawPointer(base)
    var index = 0
    while index + 8 <= bytes.count {
      hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
      hash = (hash << 29) | (hash >> 35)
      index += 8
    }
    if index < bytes.count {
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while index < bytes.count {
        tail |= UInt64(base[index]) << shift
        shift += 8
        index += 1
      }
      hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
    }
    return mix(hash)
  }

  private static func mix(_ value: UInt64) -> UInt64 {
    var hash = value
    hash ^= hash >> 29
    hash = hash &* 0xbf58_476d_1ce4_e5b9
    hash ^= hash >> 32
    hash = hash &* 0x94d0_49bb_1331_11eb
    return hash ^ (hash >> 29)
  }

  /// Byte-wise equality (`memcmp`; generic `elementsEqual` is several times slower here).
  static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard let left = a.baseAddress, let right = b.baseAddress else { return true }
    return memcmp(left, right, a.count) == 0
  }
}
