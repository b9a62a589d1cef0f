// A JSON value that remembers where in its file it was written.

/// A parsed JSON value with its position, so that every message can point at the place in the file.
package struct JSONNode: Sendable {
    enum Value: Sendable {
        case object([Member])
        case array([JSONNode])
        case string(String)
        /// A number with the text it was written as, so claims keep their stated precision.
        case number(Double, literal: String)
        case bool(Bool)
        case null
    }

    /// One key of an object, with where the key itself was written.
    struct Member: Sendable {
        let key: String
        /// Byte offset of the key in the file; -1 when not read from a file.
        let keyOffset: Int
        let value: JSONNode
    }

    let value: Value
    /// Byte offset in the file where the value starts; -1 when it was not read from a file.
    let offset: Int

    init(_ value: Value, at offset: Int = -1) {
        self.value = value
        self.offset = offset
    }

    /// "an object", "a string \"12\"", "the number 3": how a message names what it found.
    var kindDescription: String {
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
    package static func string(_ text: String) -> JSONNode { JSONNode(.string(text)) }
    package static func number(_ value: Double) -> JSONNode { JSONNode(.number(value, literal: JSONNode.literal(for: value))) }
    static func bool(_ flag: Bool) -> JSONNode { JSONNode(.bool(flag)) }
    static let null = JSONNode(.null)
    package static func array(_ items: [JSONNode]) -> JSONNode { JSONNode(.array(items)) }

    /// An object whose keys are written in sorted order, whatever order they are given in.
    package static func object(_ pairs: [(String, JSONNode)]) -> JSONNode {
        JSONNode(.object(pairs.sorted { $0.0 < $1.0 }.map { Member(key: $0.0, keyOffset: -1, value: $0.1) }))
    }

    /// The shortest text that reads back as the same number; whole numbers without ".0".
    static func literal(for value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
