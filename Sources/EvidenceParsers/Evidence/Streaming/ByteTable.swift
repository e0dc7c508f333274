#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A small map from byte strings to integers for hot loops that see the same few values millions of
/// times (practice references, instantiation ids): a look-up compares bytes with the key found last (items
/// come in runs of one practice or unit), else hashes them, and makes no `String`. Open addressing with
/// linear probing; the table doubles at half load. Keys live in one byte arena, so a look-up retains nothing.
///
/// The storage is shared by copies (a class): a table is filled, then only read, by the one owner that
/// copies of it are moved to.
struct ByteTable {
  private let storage = Storage()

  init(capacity: Int = 64) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    storage.allocate(size)
  }

  var count: Int { storage.count }

  /// The value stored for `bytes`, or `nil`.
  func value(for bytes: UnsafeBufferPointer<UInt8>) -> Int? { storage.value(for: bytes) }

  /// Stores `value` for `bytes`, replacing any earlier value.
  func set(_ value: Int, for bytes: UnsafeBufferPointer<UInt8>) { storage.set(value, for: bytes) }

  private final class Storage {
    private struct Slot {
      var hash: UInt64 = 0
      /// Where the key is in `arena`; `length` -1 for a free slot.
      var offset = 0
      var length = -1
      var value = 0
    }

    private var slots: UnsafeMutablePointer<Slot> = .allocate(capacity: 1)
    private var size = 0
    private var arena: UnsafeMutablePointer<UInt8> = .allocate(capacity: 256)
    private var arenaUsed = 0
    private var arenaCapacity = 256
    private(set) var count = 0
    /// The slot of the last key found or stored, or -1.
    private var last = -1

    deinit {
      slots.deallocate()
      arena.deallocate()
    }

    func allocate(_ size: Int) {
      slots.deallocate()
      slots = .allocate(capacity: size)
      slots.initialize(repeating: Slot(), count: size)
      self.size = size
      count = 0
      last = -1
    }

    private func matches(_ slot: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      let entry = slots[slot]
      guard entry.length == bytes.count else { return false }
      guard let base = bytes.baseAddress, entry.length > 0 else { return true }
      return memcmp(arena + entry.offset, base, entry.length) == 0
    }

    func value(for bytes: UnsafeBufferPointer<UInt8>) -> Int? {
      if last >= 0 && matches(last, bytes) { return slots[last].value }
      let hash = ByteHash.fnv1a(bytes)
      var slot = Int(truncatingIfNeeded: hash) & (size - 1)
      while slots[slot].length >= 0 {
        if slots[slot].hash == hash && matches(slot, bytes) {
          last = slot
          return slots[slot].value
        }
        slot = (slot + 1) & (size - 1)
      }
      return nil
    }

    func set(_ value: Int, for bytes: UnsafeBufferPointer<UInt8>) {
      if (count + 1) * 2 > size { grow() }
      let hash = ByteHash.fnv1a(bytes)
      var slot = Int(truncatingIfNeeded: hash) & (size - 1)
      while slots[slot].length >= 0 {
        if slots[slot].hash == hash && matches(slot, bytes) {
          slots[slot].value = value
          last = slot
          return
        }
        slot = (slot + 1) & (size - 1)
      }
      if arenaUsed + bytes.count > arenaCapacity {
        while arenaUsed + bytes.count > arenaCapacity { arenaCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: arenaCapacity)
        grown.update(from: arena, count: arenaUsed)
        arena.deallocate()
        arena = grown
      }
      if let base = bytes.baseAddress { (arena + arenaUsed).update(from: base, count: bytes.count) }
      slots[slot] = Slot(hash: hash, offset: arenaUsed, length: bytes.count, value: value)
      arenaUsed += bytes.count
      count += 1
      last = slot
    }

    private func grow() {
      let old = slots
      let oldSize = size
      size *= 2
      slots = .allocate(capacity: size)
      slots.initialize(repeating: Slot(), count: size)
      for index in 0..<oldSize where old[index].length >= 0 {
        var slot = Int(truncatingIfNeeded: old[index].hash) & (size - 1)
        while slots[slot].length >= 0 { slot = (slot + 1) & (size - 1) }
        slots[slot] = old[index]
      }
      old.deallocate()
      last = -1
    }
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
