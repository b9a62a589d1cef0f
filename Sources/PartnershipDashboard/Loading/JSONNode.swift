// A JSON value that remembers where in its file it was written.

/// A line and column in a text file, both counted from 1; line 0 means "not from a file".
public struct TextPosition: Hashable, Comparable, Sendable {
    public let line: Int
    public let column: Int

    public static let none = TextPosition(line: 0, column: 0)

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A parsed JSON value with its position, so that every message can point at the place in the file.
public struct JSONNode: Sendable {
    public enum Value: Sendable {
        case object([Member])
        case array([JSONNode])
        case string(String)
        /// A number with the text it was written as, so claims keep their stated precision.
        case number(Double, literal: String)
        case bool(Bool)
        case null
    }

    /// One key of an object, with where the key itself was written.
    public struct Member: Sendable {
        public let key: String
        /// Byte offset of the key in the file; -1 when not read from a file.
        public let keyOffset: Int
        public let value: JSONNode
    }

    public let value: Value
    /// Byte offset in the file where the value starts; -1 when it was not read from a file.
    public let offset: Int

    public init(_ value: Value, at offset: Int = -1) {
        self.value = value
        self.offset = offset
    }

    /// "an object", "a string \"12\"", "the number 3": how a message names what it found.
    public var kindDescription: String {
        switch value {
        case .object: return "an object"
        case .array: return "a list"
        case .string(let text): return "the text \"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
        case .number(_, let literal): return "the number \(literal)"
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }
}

extension JSONNode {
    public static func string(_ text: String) -> JSONNode { JSONNode(.string(text)) }
    public static func number(_ value: Double) -> JSONNode { JSONNode(.number(value, literal: JSONNode.literal(for: value))) }
    public static func bool(_ flag: Bool) -> JSONNode { JSONNode(.bool(flag)) }
    public static let null = JSONNode(.null)
    public static func array(_ items: [JSONNode]) -> JSONNode { JSONNode(.array(items)) }

    /// An object whose keys are written in sorted order, whatever order they are given in.
    public static func object(_ pairs: [(String, JSONNode)]) -> JSONNode {
        JSONNode(.object(pairs.sorted { $0.0 < $1.0 }.map { Member(key: $0.0, keyOffset: -1, value: $0.1) }))
    }

    /// The shortest text that reads back as the same number; whole numbers without ".0".
    public static func literal(for value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// Turns byte offsets into lines and columns; built once per file, used only when reporting.
public struct LineMap: Sendable {
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    /// How many characters (UTF-8 sequences) start before each multiple of ``stride`` bytes, so a
    /// column is found by scanning at most ``stride`` bytes: every message's position costs the
    /// same, however long its line (a 1 MB file on one line is checked in linear time).
    private let charactersBefore: [Int]
    private static let stride = 256

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var before = [0]
        var characters = 0
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A { starts.append(index + 1) }
            if byte & 0xC0 != 0x80 { characters += 1 }
            if (index + 1) % LineMap.stride == 0 { before.append(characters) }
        }
        lineStarts = starts
        charactersBefore = before
    }

    /// How many characters start before `offset`.
    private func characters(before offset: Int) -> Int {
        let checkpoint = offset / LineMap.stride
        var count = charactersBefore[min(checkpoint, charactersBefore.count - 1)]
        var index = min(checkpoint, charactersBefore.count - 1) * LineMap.stride
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// The position of a line (from 1) and a byte column in it (from 1), in characters.
    public func position(line: Int, byteColumn: Int) -> TextPosition {
        guard line >= 1, line <= lineStarts.count else { return TextPosition(line: max(1, line), column: byteColumn) }
        return position(of: lineStarts[line - 1] + byteColumn - 1)
    }

    /// The line and column (in characters) of a byte offset; ``TextPosition/none`` for -1.
    public func position(of offset: Int) -> TextPosition {
        guard offset >= 0 else { return .none }
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let end = min(offset, bytes.count)
        let start = min(lineStarts[low], end)
        return TextPosition(line: low + 1, column: characters(before: end) - characters(before: start) + 1)
    }
}
