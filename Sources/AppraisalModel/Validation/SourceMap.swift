/// Where each model value came from in its file, filled in by a reader.
///
/// A lookup falls back to the nearest enclosing path that has a location, so a problem about a missing
/// field still points at the object that lacks it.
///
/// Readers record every value's place in the one pass that decodes the file, so any problem, warning or
/// error, is located without reading or decoding the file again. Recording is cheap because almost all
/// paths are records of a top-level array and their members — `evidence[3]`, `evidence[3].practice`,
/// `evidence[3].locator.date` — and those are stored by *shape* (`evidence[*].locator.date`): one
/// 8-byte line/column pair per index in a flat array, with no path kept. A file with millions of values
/// has a few dozen shapes; the last ones used are found again without hashing. Every other path (the
/// header's fields, `instantiations[0].processAreas[2]`) goes to an ordinary dictionary.
/// `recording: false` turns recording off (``record(_:line:column:)`` then does not even build the path).
public struct SourceMap: Sendable {
  public private(set) var file: String
  public let isRecording: Bool
  /// The worksheet every recorded location is in (a workbook read as rows), or `nil` for a text file.
  public var sheet: String?
  /// The worksheets of a workbook read across several sheets (the PIID template); then every line given to
  /// this map is a sheet's index and a row in one number (``SourceLocation/workbookLine(sheet:row:)``).
  public var sheets: [String] = []
  /// Shape → its number in `tables`.
  private var shapes: [Shape: Int] = [:]
  /// Per shape, the position at each index.
  private var tables: [Table] = []
  /// Paths of no shape, and values out of the compact range.
  private var others: [ModelPath: SourceLocation] = [:]
  /// The shapes used last, with their tables, and the slot to replace next.
  private var recent: [(shape: Shape, table: Table)] = []
  private var nextRecent = 0
  /// Shared by copies of this map until one of them stores a position: the tables are classes, and
  /// that copy then copies them first (copy on write), so a map keeps value semantics.
  private var owner = Owner()
  /// The record whose members were recorded last, as a shape and an index.
  private var lastRecord: (path: ModelPath, shape: Shape, index: Int)?

  public init(file: String, recording: Bool = true, sheet: String? = nil, sheets: [String] = []) {
    self.file = file
    isRecording = recording
    self.sheet = sheet
    self.sheets = sheets
  }

  /// The location of `line` and `column` as this map's readers number them: in a text file or one sheet as
  /// they are, across several sheets split into the sheet and its row.
  public func location(line: Int, column: Int?) -> SourceLocation {
    guard !sheets.isEmpty else { return SourceLocation(file: file, line: line, column: column, sheet: sheet) }
    let (index, row) = SourceLocation.sheetAndRow(workbookLine: line)
    return SourceLocation(file: file, line: row, column: column, sheet: index < sheets.count ? sheets[index] : sheet)
  }

  /// Records that the value at `path` starts at `line` and `column`.
  public mutating func record(_ path: @autoclosure () -> ModelPath, line: Int, column: Int?) {
    guard isRecording else { return }
    let path = path()
    if let (shape, index) = Self.shape(of: path) {
      if store(shape, index, line: line, column: column) { return }
    }
    others[path] = location(line: line, column: column)
  }

  /// Records that member `key` of the value at `parent` starts at `line` and `column`; the same as
  /// recording `parent.appending(key)`, without building that path for each member of a record.
  public mutating func record(member key: String, of parent: ModelPath, line: Int, column: Int?) {
    guard isRecording else { return }
    if lastRecord?.path != parent {
      lastRecord = Self.shape(of: parent).map { (parent, $0.0, $0.1) }
    }
    if let (_, shape, index) = lastRecord, shape.leaf == nil || shape.above == nil {
      let member =
        shape.leaf == nil ? Shape(top: shape.top, leaf: key) : Shape(top: shape.top, above: shape.leaf, leaf: key)
      if store(member, index, line: line, column: column) { return }
    }
    others[parent.appending(key)] = location(line: line, column: column)
  }

  /// Stores a position in its shape's table; `false` when it does not fit (the caller keeps it whole).
  private mutating func store(_ shape: Shape, _ index: Int, line: Int, column: Int?) -> Bool {
    if !isKnownUniquelyReferenced(&owner) {
      owner = Owner()
      tables = tables.map(Table.init(copying:))
      recent = recent.map { ($0.shape, tables[shapes[$0.shape]!]) }
    }
    let table = table(of: shape)
    guard let position = Position(line: line, column: column) else {
      // A stale compact entry must not shadow the one kept whole.
      if index < table.positions.count { table.positions[index] = .none }
      return false
    }
    table.set(position, at: index)
    return true
  }

  /// `shape`'s table, made on first sight. The shapes used last are tried first, without hashing: a
  /// reader records the same few shapes over and over.
  private mutating func table(of shape: Shape) -> Table {
    for slot in recent.indices where recent[slot].shape == shape { return recent[slot].table }
    let table: Table
    if let number = shapes[shape] {
      table = tables[number]
    } else {
      table = Table()
      shapes[shape] = tables.count
      tables.append(table)
    }
    if recent.count < 32 {
      recent.append((shape, table))
    } else {
      recent[nextRecent] = (shape, table)
      nextRecent = (nextRecent + 1) % recent.count
    }
    return table
  }

  /// The location of `path` or of its nearest recorded ancestor; `nil` when nothing on the way is known.
  public func location(of path: ModelPath) -> SourceLocation? {
    var current: ModelPath? = path
    while let candidate = current {
      if let location = recorded(candidate) { return location }
      current = candidate.parent
    }
    return nil
  }

  /// The location recorded for exactly `path`.
  private func recorded(_ path: ModelPath) -> SourceLocation? {
    if let (shape, index) = Self.shape(of: path), let number = shapes[shape], index < tables[number].positions.count {
      let position = tables[number].positions[index]
      if position != .none {
        return location(line: Int(position.line) - 1, column: position.column == 0 ? nil : Int(position.column) - 1)
      }
    }
    return others[path]
  }

  /// A record of a top-level array or a member of it, any index: `top[*]`, `top[*].leaf` or
  /// `top[*].above.leaf`.
  private struct Shape: Hashable {
    var top: String
    var above: String?
    var leaf: String?

    init(top: String, above: String? = nil, leaf: String? = nil) {
      self.top = top
      self.above = above
      self.leaf = leaf
    }

    // The leaf first: it tells apart the shapes a reader alternates between.
    static func == (lhs: Shape, rhs: Shape) -> Bool {
      lhs.leaf == rhs.leaf && lhs.above == rhs.above && lhs.top == rhs.top
    }
  }

  /// `path` as a shape and an index, or `nil` when it has none.
  private static func shape(of path: ModelPath) -> (Shape, Int)? {
    guard let parts = path.recordParts(), parts.index >= 0 else { return nil }
    return (Shape(top: parts.top, above: parts.above, leaf: parts.leaf), parts.index)
  }

  private final class Owner: Sendable {}

  /// The positions of one shape by index (``Position/none`` where nothing was recorded). A class, so a
  /// store changes one array in place; changed only by a map that owns it alone (see `owner`).
  private final class Table: @unchecked Sendable {
    var positions: [Position] = []

    init() {}

    init(copying other: Table) { positions = other.positions }

    func set(_ position: Position, at index: Int) {
      if index < positions.count {
        positions[index] = position
      } else {
        // Usually the next index: records come in order.
        while positions.count < index { positions.append(.none) }
        positions.append(position)
      }
    }
  }

  /// A line and an optional column, each stored plus one in 32 bits (0: none).
  private struct Position: Equatable, Sendable {
    var line: UInt32
    var column: UInt32

    static let none = Position(rawLine: 0, rawColumn: 0)

    private init(rawLine: UInt32, rawColumn: UInt32) {
      line = rawLine
      column = rawColumn
    }

    /// `nil` when a value does not fit.
    init?(line: Int, column: Int?) {
      guard line >= 0, line < Int(UInt32.max), (column ?? 0) >= 0, (column ?? 0) < Int(UInt32.max) else {
        return nil
      }
      self.line = UInt32(line + 1)
      self.column = column.map { UInt32($0 + 1) } ?? 0
    }
  }
}
