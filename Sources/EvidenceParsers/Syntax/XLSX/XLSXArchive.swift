import Foundation
import ZIPFoundation

/// The zip container of a workbook, opened from memory with ZIPFoundation, with the checks that keep a
/// hostile file from doing harm (docs/xlsx.md, "Hostile workbooks"):
///
/// - an OLE compound file (an encrypted workbook, or a legacy `.xls`) and anything that is not a zip are
///   refused with words saying which; so is a zip whose directory points outside the file (checked by hand
///   first: ZIPFoundation's in-memory archive traps on such offsets);
/// - an entry whose path is absolute or climbs out with `..` refuses the whole file (no part is ever
///   written to disk, but such a file is not a spreadsheet program's);
/// - zip bombs: the uncompressed sizes together may not exceed ``maxTotalSize`` (1 GiB), and an entry of
///   more than ``ratioFloor`` (1 MiB) may not expand more than ``maxRatio`` (200) times its compressed size.
///   Both are checked on the sizes the zip declares before anything is inflated, and again on the bytes
///   actually inflated (a lying header stops at its declared size).
package struct XLSXArchive {
  /// The most all parts of a workbook may inflate to together.
  package static let maxTotalSize: UInt64 = 1 << 30
  /// The most an entry may expand relative to its compressed size, once it is larger than ``ratioFloor``.
  package static let maxRatio: UInt64 = 200
  /// Entries up to this size are not ratio-checked (small XML parts compress very well).
  package static let ratioFloor: UInt64 = 1 << 20

  /// Where an entry's data lies in the zip, as its headers say (checked to be inside the bytes).
  package struct Located: Sendable {
    var dataOffset: Int
    var compressedSize: Int
    var uncompressedSize: Int
    var method: Int
  }

  private let archive: Archive
  private let entries: [String: Entry]
  private let bytes: [UInt8]
  /// The entries by their UTF-8 name, from the directory as checked by ``structureProblem(_:into:)``.
  private let located: [String: Located]
  /// Bytes inflated so far, against ``maxTotalSize``.
  private var inflated: UInt64 = 0

  /// Opens `bytes` as a workbook's zip; throws the one problem that makes it unreadable.
  package init(bytes: [UInt8]) throws(XLSXError) {
    if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      throw XLSXError(
        "the file is an OLE compound document, not an .xlsx zip: an encrypted (password-protected) workbook or a "
          + "legacy .xls; remove the password and save it as an Excel Workbook (.xlsx)")
    }
    guard bytes.starts(with: [0x50, 0x4B]) else {
      throw XLSXError(
        "not a zip archive; an .xlsx workbook is a zip of XML parts (save the spreadsheet as Excel Workbook .xlsx)")
    }
    var located: [String: Located] = [:]
    if let problem = Self.structureProblem(bytes, into: &located) { throw XLSXError(problem) }
    let archive: Archive
    do {
      archive = try Archive(data: Data(bytes), accessMode: .read)
    } catch {
      throw XLSXError("the zip archive is damaged or truncated (its central directory cannot be read)")
    }
    var entries: [String: Entry] = [:]
    var total: UInt64 = 0
    for entry in archive {
      let path = entry.path
      let parts = path.split(separator: "/", omittingEmptySubsequences: false)
      if path.hasPrefix("/") || path.contains("\\") || parts.contains("..") || path.contains(":") {
        throw XLSXError(
          "the zip entry \"\(path)\" has an absolute path or one that climbs out with \"..\"; a workbook's parts "
            + "have relative paths (refusing the file)")
      }
      let size = entry.uncompressedSize
      if size > Self.ratioFloor && size / max(entry.compressedSize, 1) > Self.maxRatio {
        throw Self.bomb("the zip entry \"\(path)\" expands \(size / max(entry.compressedSize, 1)) times")
      }
      total += size
      if total > Self.maxTotalSize { throw Self.bomb("its parts declare more than 1 GiB uncompressed") }
      entries[path] = entry
    }
    self.archive = archive
    self.entries = entries
    self.bytes = bytes
    self.located = located
  }

  /// What is wrong with the zip's directory, checked before ZIPFoundation sees the bytes: its in-memory
  /// archive traps (a Swift range error, a crash) when a header points past the end of the data, so every
  /// offset it will seek to — the central directory, each entry's record, local header, data and data
  /// descriptor — must lie inside the bytes. The end record is found as ZIPFoundation finds it (the last one).
  /// ZIP64 (a workbook over 4 GiB, beyond the caps anyway) is refused.
  static func structureProblem(_ bytes: [UInt8]) -> String? {
    var located: [String: Located] = [:]
    return structureProblem(bytes, into: &located)
  }

  /// ``structureProblem(_:)``, noting where each entry's data lies in `located`.
  static func structureProblem(_ bytes: [UInt8], into located: inout [String: Located]) -> String? {
    let damaged = "the zip archive is damaged or truncated (its central directory cannot be read)"
    let count = bytes.count
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
    func signature(_ at: Int, _ kind: UInt8, _ next: UInt8) -> Bool {
      at >= 0 && at + 4 <= count && bytes[at] == 0x50 && bytes[at + 1] == 0x4B && bytes[at + 2] == kind
        && bytes[at + 3] == next
    }
    guard count >= 22 else { return damaged }
    var end = count - 22
    while end >= 0 && !signature(end, 5, 6) { end -= 1 }
    guard end >= 0 else { return damaged }
    if signature(end - 20, 6, 7) { return "the zip archive uses ZIP64 (a workbook over 4 GiB?); it is not read" }
    let entries = u16(end + 10)
    var offset = u32(end + 16)
    for _ in 0..<entries {
      guard offset + 46 <= count, signature(offset, 1, 2) else { return damaged }
      let compressed = u32(offset + 20)
      let local = u32(offset + 42)
      if compressed == 0xFFFF_FFFF || u32(offset + 24) == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
        return "the zip archive uses ZIP64 (a workbook over 4 GiB?); it is not read"
      }
      guard local + 30 <= count, signature(local, 3, 4) else { return damaged }
      let dataOffset = local + 30 + u16(local + 26) + u16(local + 28)
      var dataEnd = dataOffset + compressed
      if u16(offset + 8) & 8 != 0 { dataEnd += 16 }
      guard dataEnd <= count else { return damaged }
      let nameLength = u16(offset + 28)
      guard offset + 46 + nameLength <= count else { return damaged }
      let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
      located[name] = Located(
        dataOffset: dataOffset, compressedSize: compressed, uncompressedSize: u32(offset + 24), method: u16(offset + 10)
      )
      offset += 46 + u16(offset + 28) + u16(offset + 30) + u16(offset + 32)
    }
    return offset <= count ? nil : damaged
  }

  static func bomb(_ what: String) -> XLSXError {
    XLSXError(
      "refusing a possible zip bomb: \(what) (the limits are 1 GiB uncompressed in all and 200 times the "
        + "compressed size for an entry over 1 MiB)")
  }

  /// An inflater that hands out the entry at `path` piece by piece (a sheet, streamed into libxml2), or
  /// `nil` when there is no such entry. Its bytes count against the budget at their declared size, which the
  /// inflater never exceeds.
  package mutating func stream(_ path: String) throws(XLSXError) -> XLSXInflater? {
    guard let entry = entries[path], entry.type == .file, let place = located[path] else { return nil }
    let budget = Self.maxTotalSize - min(inflated, Self.maxTotalSize)
    let limit = min(UInt64(place.uncompressedSize), entry.uncompressedSize, budget)
    inflated += limit
    return try XLSXInflater(bytes: bytes, entry: place, path: path, limit: limit)
  }

  /// Whether the zip has an entry at `path`.
  package func contains(_ path: String) -> Bool { entries[path] != nil }

  /// The inflated bytes of the entry at `path`, or `nil` when there is none.
  package mutating func part(_ path: String) throws(XLSXError) -> [UInt8]? {
    guard let entry = entries[path] else { return nil }
    guard entry.type == .file else { return nil }
    let declared = entry.uncompressedSize
    let budget = Self.maxTotalSize - min(inflated, Self.maxTotalSize)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(min(declared, budget, 64 << 20)))
    var tooLarge = false
    do {
      // The CRC-32 is not checked: ZIPFoundation computes it in Swift on Linux (a twentieth of the read of a
      // large sheet), and a damaged deflate stream or XML is caught anyway.
      _ = try archive.extract(entry, bufferSize: 256 * 1024, skipCRC32: true) { chunk in
        if UInt64(bytes.count + chunk.count) > min(declared, budget) {
          tooLarge = true
          throw CancellationError()
        }
        bytes.append(contentsOf: chunk)
      }
    } catch {
      if tooLarge {
        throw Self.bomb("the zip entry \"\(path)\" inflates to more than its declared \(declared) bytes")
      }
      throw XLSXError("the zip entry \"\(path)\" is damaged (it does not inflate, or its checksum is wrong)")
    }
    inflated += UInt64(bytes.count)
    return bytes
  }
}
